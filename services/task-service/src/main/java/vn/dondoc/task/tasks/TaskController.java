package vn.dondoc.task.tasks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The task API for admins. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final Assignments assignments;
    private final Tasks tasks;
    private final Clock clock;

    TaskController(Assignments assignments, Tasks tasks, Clock clock) {
        this.assignments = assignments;
        this.tasks = tasks;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<TaskView> assign(@Valid @RequestBody NewTask request) {
        var task = assignments.assign(request);
        return ResponseEntity.created(URI.create("/api/tasks/" + task.id())).body(TaskView.of(task, clock));
    }

    @GetMapping("/{id}")
    TaskView one(@PathVariable String id) {
        return TaskView.of(load(id), clock);
    }

    record Cancellation(@NotBlank(message = "Cần nêu lý do hủy") @Size(max = 2000, message = "Lý do quá dài") String reason) {
    }

    @PostMapping("/{id}/cancel")
    TaskView cancel(@PathVariable String id, @Valid @RequestBody Cancellation cancellation) {
        if (!TaskId.isValid(id)) {
            throw new TaskNotFound(id);
        }
        return TaskView.of(assignments.cancel(new TaskId(id), cancellation.reason().strip()), clock);
    }

    private Task load(String id) {
        return (TaskId.isValid(id) ? tasks.find(new TaskId(id)) : java.util.Optional.<Task>empty())
                .orElseThrow(() -> new TaskNotFound(id));
    }

    @ExceptionHandler
    ProblemDetail taskNotFound(TaskNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Không tìm thấy nhiệm vụ", "Không có nhiệm vụ mã " + e.id(),
                "No task with id " + e.id());
    }

    @ExceptionHandler
    ProblemDetail unknownUnits(UnknownUnits e) {
        var problem = problem(HttpStatus.BAD_REQUEST, "Đơn vị chưa có trong danh bạ",
                "Chưa có trong danh bạ đơn vị: " + String.join(", ", e.codes()),
                "Unknown unit codes: " + String.join(", ", e.codes()));
        problem.setProperty("unknownUnits", e.codes());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail deadlineNotUnderstood(DeadlineNotUnderstood e) {
        var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Không hiểu hạn hoàn thành",
                e.reason() + ": \"" + e.text() + "\"",
                "Deadlines written in Vietnamese words are not understood yet; give a date or dueAt instead");
        problem.setProperty("text", e.text());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail taskClosed(TaskClosed e) {
        var problem = problem(HttpStatus.CONFLICT, "Nhiệm vụ đã kết thúc",
                "Nhiệm vụ " + e.id() + " đã ở trạng thái \"" + e.status().label() + "\", không thể thay đổi",
                "Task " + e.id() + " is " + e.status() + " and can no longer change");
        problem.setProperty("taskStatus", e.status());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String detailEn) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("detailEn", detailEn);
        return problem;
    }
}
