package vn.dondoc.console.eventlog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.SerializationFeature;
import vn.dondoc.events.EventJson;

/**
 * The console's front page: the log newest first, filtered by task, unit, type and a time range (in Vietnam),
 * paged with a (time, key) cursor and kept live by a stream of ready-made rows; and the page of one entry.
 */
@Controller
class EventLogPage {

    private final EventLog log;
    private final EventStream stream;
    private final EventLogProperties properties;

    EventLogPage(EventLog log, EventStream stream, EventLogProperties properties) {
        this.log = log;
        this.stream = stream;
        this.properties = properties;
    }

    @GetMapping("/")
    String eventLog(Filters filters, @RequestParam(required = false) Long beforeTime,
                    @RequestParam(required = false) String beforeKey, Model model) {
        List<String> problems = new ArrayList<>();
        Instant from = filters.instant(filters.from(), "Từ", problems);
        Instant to = filters.instant(filters.to(), "Đến", problems);
        var query = new EventQuery(filters.taskId(), filters.type(), filters.unit(),
                from == null ? null : from.minusMillis(1), to == null ? null : to.plusSeconds(60), properties.pageSize());
        EventLog.Cursor cursor = beforeTime == null || beforeKey == null ? null
                : new EventLog.Cursor(Instant.ofEpochMilli(beforeTime), beforeKey);
        EventLog.Page page = problems.isEmpty() ? log.page(query, cursor) : new EventLog.Page(List.of(), null);

        model.addAttribute("filters", filters);
        model.addAttribute("problems", problems);
        model.addAttribute("types", Wording.TYPES);
        model.addAttribute("events", page.entries().stream().map(Row::of).toList());
        model.addAttribute("older", page.next() == null ? null : filters.link()
                .queryParam("beforeTime", page.next().time().toEpochMilli())
                .queryParam("beforeKey", page.next().key()).build().encode().toUriString());
        model.addAttribute("paged", cursor != null);
        // live rows only make sense on the first page of an open-ended range
        model.addAttribute("live", cursor == null && to == null && problems.isEmpty());
        model.addAttribute("streamUrl", filters.link().replacePath("/events/stream").build().encode().toUriString());
        model.addAttribute("pageSize", properties.pageSize());
        return "event-log";
    }

    /** The rows of the front page as they are stored, for its EventSource. */
    @GetMapping(path = "/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter rows(@RequestParam(required = false) String taskId, @RequestParam(required = false) String type,
                    @RequestParam(required = false) String unit, @RequestParam(required = false) String from) {
        List<String> problems = new ArrayList<>();
        Instant after = new Filters(taskId, unit, type, from, null).instant(from, "Từ", problems);
        return stream.watch(new EventQuery(taskId, type, unit, after == null ? null : after.minusMillis(1), 0), Row::of);
    }

    @GetMapping("/events/{topic}/{partition}/{offset}")
    String entry(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset, Model model) {
        LoggedEvent event = log.byKey(LoggedEvent.keyOf(topic, partition, offset))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có sự kiện này trong nhật ký."));
        model.addAttribute("event", Row.of(event));
        model.addAttribute("logged", event);
        model.addAttribute("id", LogEntry.of(event).id());
        model.addAttribute("json", event.data() instanceof String text ? text
                : EventJson.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(event.data()));
        model.addAttribute("loggedAt", Wording.time(event.loggedAt()));
        return "event";
    }

    /** The page's filters; {@code from} and {@code to} are {@code datetime-local} values in Vietnam. */
    record Filters(String taskId, String unit, String type, String from, String to) {

        Instant instant(String value, String label, List<String> problems) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDateTime.parse(value.trim()).atZone(Wording.VIETNAM).toInstant();
            } catch (DateTimeParseException e) {
                problems.add("„" + label + "“ không phải là thời điểm hợp lệ (ngày/tháng/năm giờ:phút).");
                return null;
            }
        }

        UriComponentsBuilder link() {
            var link = UriComponentsBuilder.fromPath("/");
            add(link, "taskId", taskId);
            add(link, "unit", unit);
            add(link, "type", type);
            add(link, "from", from);
            add(link, "to", to);
            return link;
        }

        private static void add(UriComponentsBuilder link, String name, String value) {
            if (value != null && !value.isBlank()) {
                link.queryParam(name, value.trim());
            }
        }
    }

    /** One line of the log as people read it; the live stream sends the same rows. */
    record Row(String key, String url, String time, String type, String typeName, String taskId, String taskUrl,
               String unit, String summary, String traceId, boolean failure) {

        static Row of(LoggedEvent event) {
            String url = "/events/" + event.topic() + "/" + event.partition() + "/" + event.offset();
            String taskUrl = event.taskId() == null ? null
                    : UriComponentsBuilder.fromPath("/tasks/{id}").buildAndExpand(event.taskId()).encode().toUriString();
            return new Row(event.key(), UriComponentsBuilder.fromPath(url).build().encode().toUriString(),
                    Wording.time(event.time()), Objects.requireNonNullElse(event.type(), "—"), Wording.type(event.type()),
                    event.taskId(), taskUrl, event.unit(), Wording.summary(event), event.traceId(),
                    event.deadLetter() || "notification.failed".equals(event.type()));
        }
    }
}
