package vn.dondoc.console.eventlog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event log API (DESIGN §4).
 * <ul>
 * <li>{@code GET /api/events?taskId=&type=&unit=&after=&limit=}: a JSON array, oldest first. Without {@code after}
 * the latest {@code limit} matching entries; with {@code after} (an ISO-8601 instant such as
 * {@code 2026-11-24T03:05:00Z} or {@code 2026-11-24T10:05:00+07:00}, exclusive, millisecond precision) the first
 * {@code limit} entries after it, so the last entry's {@code time} pages forward. {@code limit} defaults to
 * {@code dondoc.console.event-log.default-limit} and is capped at {@code max-limit}.</li>
 * <li>{@code GET /api/events/stream?taskId=&type=&unit=}: the same entries as Server-Sent Events while they are
 * stored; event name = {@code type}, event id = {@code id}, data = the entry as JSON.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/events")
class EventLogController {

    private final EventLog log;
    private final EventStream stream;
    private final EventLogProperties properties;

    EventLogController(EventLog log, EventStream stream, EventLogProperties properties) {
        this.log = log;
        this.stream = stream;
        this.properties = properties;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<LogEntry> events(@RequestParam(required = false) String taskId, @RequestParam(required = false) String type,
                          @RequestParam(required = false) String unit, @RequestParam(required = false) String after,
                          @RequestParam(required = false) Integer limit) {
        if (limit != null && limit < 1) {
            throw badRequest("Tham số limit phải là số nguyên dương (limit must be a positive integer).");
        }
        int size = Math.min(limit == null ? properties.defaultLimit() : limit, properties.maxLimit());
        return log.find(new EventQuery(taskId, type, unit, instant(after), size)).stream().map(LogEntry::of).toList();
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) String taskId, @RequestParam(required = false) String type,
                      @RequestParam(required = false) String unit, @RequestParam(required = false) String after) {
        return stream.watch(new EventQuery(taskId, type, unit, instant(after), 0));
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            // an unencoded '+' of an offset arrives as a space
            return OffsetDateTime.parse(text.trim().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw badRequest("Tham số after phải là một thời điểm ISO-8601, ví dụ 2026-11-24T10:05:00+07:00 "
                    + "(after must be an ISO-8601 instant).");
        }
    }

    private static ErrorResponseException badRequest(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Yêu cầu không hợp lệ");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
