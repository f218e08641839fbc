package vn.dondoc.console.timeline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.dondoc.console.eventlog.EventLog;
import vn.dondoc.console.eventlog.LoggedEvent;
import vn.dondoc.console.eventlog.Wording;

/**
 * {@code /tasks/{id}}: assignment, plans, reminders due, each delivery with its channel and outcome,
 * acknowledgements, reports and completion, oldest first; then the reminders of the latest plan still to come.
 */
@Controller
class TimelinePage {

    /** More than any real task gathers (a year of daily overdue reminders to a handful of units). */
    static final int MOST = 5_000;

    private final EventLog log;
    private final Clock clock;

    TimelinePage(EventLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    record Step(String time, String type, String typeName, String unit, String channel, String outcome, String summary,
                String url, boolean failure) {
    }

    record Upcoming(String fireAt, String unit, String stage, boolean past) {
    }

    @GetMapping("/tasks/{id}")
    String timeline(@PathVariable String id, Model model) {
        List<LoggedEvent> events = log.ofTask(id, MOST);
        Map<?, ?> description = null;
        LoggedEvent plan = null;
        for (LoggedEvent event : events) {
            if (("task.assigned".equals(event.type()) || "task.updated".equals(event.type()))
                    && event.data() instanceof Map<?, ?> data) {
                description = data;
            }
            if ("reminders.planned".equals(event.type())) {
                plan = event;
            }
        }
        model.addAttribute("taskId", id);
        model.addAttribute("title", description == null ? null : description.get("title"));
        model.addAttribute("leadUnits", description == null ? "" : join(description.get("leadUnits")));
        model.addAttribute("coordinatingUnits", description == null ? "" : join(description.get("coordinatingUnits")));
        model.addAttribute("deadline", description == null ? "" : Wording.deadline(description.get("deadline")));
        model.addAttribute("steps", events.stream().map(TimelinePage::step).toList());
        model.addAttribute("plannedAt", plan == null ? null : Wording.time(plan.time()));
        model.addAttribute("upcoming", plan == null ? List.of() : upcoming(plan, clock.instant()));
        model.addAttribute("truncated", events.size() == MOST);
        return "timeline";
    }

    private static Step step(LoggedEvent event) {
        Map<?, ?> data = event.data() instanceof Map<?, ?> map ? map : Map.of();
        String type = Objects.requireNonNullElse(event.type(), "—");
        String outcome = switch (type) {
            case "notification.sent" -> "Đã gửi";
            case "notification.failed" -> "Không thành công";
            case "notification.suppressed" -> "Không gửi";
            default -> "";
        };
        return new Step(Wording.time(event.time()), type, Wording.type(event.type()), event.unit(),
                data.get("channel") == null || !type.startsWith("notification.") ? "" : Wording.channel(data.get("channel")),
                outcome, Wording.summary(event),
                "/events/" + event.topic() + "/" + event.partition() + "/" + event.offset(),
                event.deadLetter() || "notification.failed".equals(type));
    }

    private static List<Upcoming> upcoming(LoggedEvent plan, Instant now) {
        if (!(plan.data() instanceof Map<?, ?> data) || !(data.get("upcoming") instanceof List<?> upcoming)) {
            return List.of();
        }
        return upcoming.stream().filter(Map.class::isInstance).map(Map.class::cast).map(reminder -> {
            Object fireAt = reminder.get("fireAt");
            boolean past = fireAt != null && Instant.parse(fireAt.toString()).isBefore(now);
            return new Upcoming(Wording.time(fireAt), Objects.toString(reminder.get("unit"), ""),
                    Wording.stage(reminder.get("stage")), past);
        }).toList();
    }

    private static String join(Object units) {
        return units instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : "";
    }
}
