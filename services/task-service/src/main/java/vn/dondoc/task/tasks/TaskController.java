package vn.dondoc.task.tasks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.events.UnitRole;

/** The task API for admins. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final Assignments assignments;
    private final Tasks tasks;
    private final TaskSearch search;
    private final Clock clock;

    TaskController(Assignments assignments, Tasks tasks, TaskSearch search, Clock clock) {
        this.assignments = assignments;
        this.tasks = tasks;
        this.search = search;
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
        return TaskView.of(assignments.cancel(id(id), cancellation.reason().strip()), clock);
    }

    /** Changes title, units, output, deadline or policy: what is given replaces, what is left out stays. */
    @PatchMapping("/{id}")
    TaskView update(@PathVariable String id, @Valid @RequestBody TaskChange change) {
        return TaskView.of(assignments.update(id(id), change), clock);
    }

    /** A new deadline as a day, an instant or words, with the reason, which is required. */
    record Extension(LocalDate date, OffsetDateTime dueAt, @Size(max = 1000, message = "Hạn quá dài") String text,
                     @NotBlank(message = "Cần nêu lý do gia hạn") @Size(max = 2000, message = "Lý do quá dài")
                     String reason) {

        @AssertTrue(message = "Hạn mới phải có đúng một trong: date (ngày), dueAt (thời điểm) hoặc text (lời văn)")
        boolean isOneForm() {
            return deadline().isOneForm();
        }

        DeadlineInput deadline() {
            return new DeadlineInput(date, dueAt, text);
        }
    }

    @PostMapping("/{id}/extend")
    TaskView extend(@PathVariable String id, @Valid @RequestBody Extension extension) {
        return TaskView.of(assignments.extend(id(id), extension.deadline(), extension.reason().strip()), clock);
    }

    record Reopening(@NotBlank(message = "Cần nêu lý do mở lại") @Size(max = 2000, message = "Lý do quá dài") String reason) {
    }

    /** Opens a cancelled or completed task again. */
    @PostMapping("/{id}/reopen")
    TaskView reopen(@PathVariable String id, @Valid @RequestBody Reopening reopening) {
        return TaskView.of(assignments.reopen(id(id), reopening.reason().strip()), clock);
    }

    /** Tasks by unit (lead or coordinating), role, status category, due range, source document and title words. */
    @GetMapping
    TaskSearch.Page<TaskView> search(@RequestParam(required = false) String unit,
                                     @RequestParam(required = false) UnitRole role,
                                     @RequestParam(required = false) TaskStatus status,
                                     @RequestParam(required = false) LocalDate dueFrom,
                                     @RequestParam(required = false) LocalDate dueTo,
                                     @RequestParam(required = false) String source,
                                     @RequestParam(required = false) String q,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        var criteria = new TaskSearch.Filter(unit, role, status, dueFrom, dueTo, source, q,
                Math.max(page, 0), Math.clamp(size, 1, TaskSearch.MAX_SIZE));
        return search.find(criteria).map(task -> TaskView.of(task, clock));
    }

    private static TaskId id(String id) {
        if (!TaskId.isValid(id)) {
            throw new TaskNotFound(id);
        }
        return new TaskId(id);
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
                "The deadline names a date that does not exist or has no year; give a date or dueAt instead");
        problem.setProperty("text", e.text());
        problem.setProperty("errors", List.of(Map.of("field", "deadline.text", "message", e.reason(),
                "messageEn", "names no existing date")));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail taskNotClosed(TaskNotClosed e) {
        var problem = problem(HttpStatus.CONFLICT, "Nhiệm vụ đang mở",
                "Nhiệm vụ " + e.id() + " đang ở trạng thái \"" + e.status().label() + "\"; chỉ mở lại được nhiệm vụ đã hủy hoặc đã hoàn thành",
                "Task " + e.id() + " is " + e.status() + "; only cancelled or completed tasks can be reopened");
        problem.setProperty("taskStatus", e.status());
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
