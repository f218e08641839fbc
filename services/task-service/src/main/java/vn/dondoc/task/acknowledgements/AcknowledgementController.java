package vn.dondoc.task.acknowledgements;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import vn.dondoc.events.links.AckToken;
import vn.dondoc.events.links.AckToken.Purpose;
import vn.dondoc.events.links.InvalidAckToken;
import vn.dondoc.task.tasks.UnitAnswers;
import vn.dondoc.task.tasks.UnitAnswers.AnswerRefused;
import vn.dondoc.task.tasks.UnitAnswers.Answerer;
import vn.dondoc.task.tasks.UnitAnswers.TaskSnapshot;
import vn.dondoc.task.tasks.UnitAnswers.UnitProgress;

/**
 * {@code /ack/{token}}: {@code GET} (and {@code HEAD}) only shows the task; only the page's form, {@code POST}ed
 * with its CSRF token, acknowledges or reports. Mail scanners open links and run their scripts, so nothing
 * happens on opening.
 */
@Controller
@RequestMapping("/ack/{token}")
class AcknowledgementController {

    static final String VIEW = "ack/page";
    static final String CHANNEL = "link";
    static final int MAX_NOTE = 2000;
    static final int MAX_DOCUMENT = 500;
    private static final int MAX_USER_AGENT = 500;
    private static final Logger log = LoggerFactory.getLogger(AcknowledgementController.class);

    private final LinkKey key;
    private final UnitAnswers answers;
    private final Flood flood;
    private final ClientAddress addresses;
    private final RefusalPages refusals;

    AcknowledgementController(LinkKey key, UnitAnswers answers, Flood flood, ClientAddress addresses,
                              RefusalPages refusals) {
        this.key = key;
        this.answers = answers;
        this.flood = flood;
        this.addresses = addresses;
        this.refusals = refusals;
    }

    @GetMapping
    ModelAndView show(@PathVariable String token, HttpServletRequest request) {
        var link = verified(token, request);
        var task = task(link);
        return page(LinkPage.of(token, link, task, null, null, null, null), HttpStatus.OK);
    }

    @PostMapping
    ModelAndView answer(@PathVariable String token, @RequestParam(defaultValue = "") String action,
                        @RequestParam(required = false) String note, @RequestParam(required = false) String document,
                        HttpServletRequest request) {
        var link = verified(token, request);
        var before = task(link);
        var unit = before.unit(link.unit()).orElseThrow();
        var who = new Answerer(CHANNEL, addresses.of(request), userAgent(request));
        return switch (action) {
            case "ack" -> acknowledge(token, link, unit, who);
            case "report" -> report(token, link, before, unit, note, document, who);
            default -> page(LinkPage.of(token, link, before, null, "Yêu cầu không hợp lệ; hãy bấm một nút trên trang.",
                    null, null), HttpStatus.BAD_REQUEST);
        };
    }

    private ModelAndView acknowledge(String token, AckToken link, UnitProgress before, Answerer who) {
        var after = answered(() -> answers.acknowledge(link.taskId(), link.unit(), who));
        var now = after.unit(link.unit()).orElseThrow();
        String notice = before.acknowledged()
                ? "Đơn vị %s đã xác nhận nhận nhiệm vụ này trước đó, lúc %s. Không cần xác nhận lại."
                        .formatted(link.unit(), LinkPage.time(before.acknowledgedAt()))
                : now.acknowledged()
                ? "Đã ghi nhận: đơn vị %s xác nhận đã nhận nhiệm vụ lúc %s."
                        .formatted(link.unit(), LinkPage.time(now.acknowledgedAt()))
                : "Nhiệm vụ đã kết thúc; không cần xác nhận nữa.";
        if (!before.acknowledged() && now.acknowledged()) {
            log.info("Task {} acknowledged by {} through a link from {}", link.taskId(), link.unit(), who.remoteAddress());
        }
        return page(LinkPage.of(token, link, after, notice, null, null, null), HttpStatus.OK);
    }

    private ModelAndView report(String token, AckToken link, TaskSnapshot task, UnitProgress before, String note,
                                String document, Answerer who) {
        if (!before.lead()) {
            throw Refusal.notLead(link.unit() + " is not a lead unit of " + link.taskId());
        }
        if (before.reported()) {
            return page(LinkPage.of(token, link, task, "Đơn vị %s đã báo cáo hoàn thành trước đó, lúc %s. Không cần báo cáo lại."
                    .formatted(link.unit(), LinkPage.time(before.reportedAt())), null, null, null), HttpStatus.OK);
        }
        if (link.purpose() != Purpose.REPORT && !before.acknowledged()) {
            return page(LinkPage.of(token, link, task, null, "Hãy xác nhận đã nhận nhiệm vụ trước khi báo cáo.", note,
                    document), HttpStatus.CONFLICT);
        }
        String cleanNote = note == null ? "" : note.strip();
        String cleanDocument = document == null || document.isBlank() ? null : document.strip();
        String error = cleanNote.isEmpty() ? "Hãy ghi vài dòng về kết quả thực hiện."
                : cleanNote.length() > MAX_NOTE ? "Nội dung báo cáo quá dài (tối đa %d ký tự).".formatted(MAX_NOTE)
                : cleanDocument != null && cleanDocument.length() > MAX_DOCUMENT
                ? "Số hoặc đường dẫn văn bản quá dài (tối đa %d ký tự).".formatted(MAX_DOCUMENT) : null;
        if (error != null) {
            return page(LinkPage.of(token, link, task, null, error, note, document), HttpStatus.BAD_REQUEST);
        }
        var after = answered(() -> answers.report(link.taskId(), link.unit(), cleanNote, cleanDocument, who));
        var now = after.unit(link.unit()).orElseThrow();
        String notice = now.reported()
                ? "Đã ghi nhận: đơn vị %s báo cáo hoàn thành lúc %s.".formatted(link.unit(), LinkPage.time(now.reportedAt()))
                + (after.completed() ? " Tất cả đơn vị chủ trì đã báo cáo: nhiệm vụ đã hoàn thành." : "")
                : "Nhiệm vụ đã kết thúc; không cần báo cáo nữa.";
        if (now.reported()) {
            log.info("Task {} reported done by {} through a link from {}", link.taskId(), link.unit(), who.remoteAddress());
        }
        return page(LinkPage.of(token, link, after, notice, null, null, null), HttpStatus.OK);
    }

    /** The rate limit first, then the token: a flood never reaches the decoder. */
    private AckToken verified(String token, HttpServletRequest request) {
        String address = addresses.of(request);
        if (!flood.allows(address)) {
            throw Refusal.flooded("rate limit of " + address);
        }
        try {
            return key.verify(token);
        } catch (InvalidAckToken e) {
            throw switch (e.reason()) {
                case MALFORMED, OVERSIZED -> Refusal.malformed(e.getMessage());
                case BAD_SIGNATURE -> Refusal.forged(e.getMessage());
                case EXPIRED -> Refusal.expired(e.getMessage());
            };
        }
    }

    private TaskSnapshot task(AckToken link) {
        var task = answers.find(link.taskId())
                .orElseThrow(() -> Refusal.noSuchTask("no task " + link.taskId() + " (unit " + link.unit() + ")"));
        if (task.unit(link.unit()).isEmpty()) {
            throw Refusal.notOnTask("unit " + link.unit() + " is not on task " + link.taskId());
        }
        if (task.cancelled()) {
            throw Refusal.cancelled("task " + link.taskId() + " is cancelled (unit " + link.unit() + ")");
        }
        return task;
    }

    private static TaskSnapshot answered(java.util.function.Supplier<TaskSnapshot> answer) {
        try {
            return answer.get();
        } catch (AnswerRefused e) {
            throw switch (e.why()) {
                case NO_SUCH_TASK -> Refusal.noSuchTask(e.getMessage());
                case UNIT_NOT_ON_TASK -> Refusal.notOnTask(e.getMessage());
                case NOT_A_LEAD_UNIT -> Refusal.notLead(e.getMessage());
                case TASK_CANCELLED -> Refusal.cancelled(e.getMessage());
                case TASK_COMPLETED, NOT_REPORTED -> Refusal.failed(e.getMessage());
            };
        }
    }

    private static String userAgent(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return agent == null ? null : agent.length() > MAX_USER_AGENT ? agent.substring(0, MAX_USER_AGENT) : agent;
    }

    private static ModelAndView page(LinkPage page, HttpStatus status) {
        return new ModelAndView(VIEW, java.util.Map.of("page", page), status);
    }

    @ExceptionHandler
    ModelAndView refused(Refusal refusal, HttpServletRequest request, HttpServletResponse response) {
        return refusals.page(refusal, request, response);
    }

    /** Whatever else goes wrong, the person sees a page, never a stack trace; the log has the details. */
    @ExceptionHandler
    ModelAndView failed(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.error("Acknowledgement page failed for {}", request.getRequestURI().length() > 80
                ? request.getRequestURI().substring(0, 80) + "…" : request.getRequestURI(), e);
        return refusals.page(Refusal.failed(e.getClass().getSimpleName()), request, response);
    }
}
