package vn.dondoc.task.acknowledgements;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.dondoc.events.UnitRole;
import vn.dondoc.task.tasks.TaskStatus;
import vn.dondoc.task.tasks.UnitAnswers;
import vn.dondoc.task.tasks.UnitAnswers.AnswerRefused;
import vn.dondoc.task.tasks.UnitAnswers.TaskSnapshot;

/** An admin does not accept a unit's report: {@code POST /api/tasks/{id}/units/{code}/reject {"reason"}}. */
@RestController
class ReportRejections {

    private final UnitAnswers answers;

    ReportRejections(UnitAnswers answers) {
        this.answers = answers;
    }

    record Rejection(@NotBlank(message = "Cần nêu lý do không chấp nhận báo cáo")
                     @Size(max = 2000, message = "Lý do quá dài") String reason) {
    }

    record UnitView(String code, UnitRole role, String state, OffsetDateTime acknowledgedAt, OffsetDateTime reportedAt) {
    }

    /** The task after the rejection, in the shape of {@code GET /api/tasks/{id}}'s status and units. */
    record Rejected(String id, TaskStatus status, String statusLabel, List<UnitView> units) {

        static Rejected of(TaskSnapshot task) {
            return new Rejected(task.id(), task.status(), task.status().label(), task.units().stream()
                    .map(unit -> new UnitView(unit.code(), unit.role(),
                            unit.reported() ? "REPORTED" : unit.acknowledged() ? "ACKNOWLEDGED" : "ASSIGNED",
                            local(unit.acknowledgedAt()), local(unit.reportedAt())))
                    .toList());
        }

        private static OffsetDateTime local(Instant instant) {
            return instant == null ? null : instant.atZone(LinkPage.ZONE).toOffsetDateTime();
        }
    }

    @PostMapping("/api/tasks/{id}/units/{code}/reject")
    Rejected reject(@PathVariable String id, @PathVariable String code, @Valid @RequestBody Rejection rejection) {
        return Rejected.of(answers.rejectReport(id, code, rejection.reason().strip()));
    }

    @ExceptionHandler
    ProblemDetail refused(AnswerRefused e) {
        var problem = switch (e.why()) {
            case NO_SUCH_TASK -> problem(HttpStatus.NOT_FOUND, "Không tìm thấy nhiệm vụ", "Không có nhiệm vụ này");
            case UNIT_NOT_ON_TASK, NOT_A_LEAD_UNIT -> problem(HttpStatus.NOT_FOUND, "Đơn vị không có trong nhiệm vụ",
                    "Đơn vị không được giao nhiệm vụ này");
            case TASK_CANCELLED -> problem(HttpStatus.CONFLICT, "Nhiệm vụ đã bị hủy", "Nhiệm vụ đã bị hủy");
            case NOT_REPORTED, TASK_COMPLETED -> problem(HttpStatus.CONFLICT, "Đơn vị chưa báo cáo",
                    "Đơn vị chưa báo cáo hoàn thành nên không có báo cáo để từ chối");
        };
        problem.setProperty("detailEn", e.getMessage());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
