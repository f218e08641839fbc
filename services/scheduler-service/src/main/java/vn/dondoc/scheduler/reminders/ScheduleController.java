package vn.dondoc.scheduler.reminders;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.events.Stage;

/** The upcoming reminders of a task (DESIGN §4). */
@RestController
class ScheduleController {

    private final Schedules schedules;

    ScheduleController(Schedules schedules) {
        this.schedules = schedules;
    }

    record Schedule(String taskId, List<Upcoming> upcoming) {
    }

    record Upcoming(String reminderId, String unit, Stage stage, String recipient, Instant fireAt) {
    }

    record AwaitingTrigger(String taskId, String title, List<String> leadUnits, String deadline, String condition) {
    }

    @GetMapping("/api/schedules/{taskId}")
    Schedule schedule(@PathVariable String taskId) {
        ReminderPlan plan = schedules.find(taskId).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                "Không có lịch nhắc việc cho nhiệm vụ " + taskId, "unknown-task"));
        return new Schedule(plan.taskId(), plan.pending().stream()
                .map(reminder -> new Upcoming(reminder.reminderId(), reminder.unit(), reminder.stage(),
                        reminder.recipient(), reminder.fireAt()))
                .toList());
    }

    /** For admins: tasks that get no reminders until an outside trigger gives them a deadline. */
    @GetMapping(path = "/api/schedules", params = "awaiting=trigger")
    List<AwaitingTrigger> awaitingTrigger() {
        return schedules.awaitingTrigger().stream()
                .map(plan -> new AwaitingTrigger(plan.taskId(), plan.assignment().title(), plan.assignment().leadUnits(),
                        plan.assignment().deadline().text(), plan.assignment().deadline().condition()))
                .toList();
    }

    @ExceptionHandler(Schedules.SchedulesUnavailable.class)
    ProblemDetail unavailable() {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Bộ lập lịch đang khởi động hoặc cân bằng lại, vui lòng thử lại sau ít giây");
        problem.setType(URI.create("/problems/scheduler-not-ready"));
        return problem;
    }

    private static ErrorResponseException problem(HttpStatus status, String detail, String type) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        return new ErrorResponseException(status, problem, null);
    }
}
