package vn.dondoc.console.eventlog;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's front page: the latest events, newest first, times in Vietnam. */
@Controller
class EventLogPage {

    static final int LATEST = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final EventLog log;

    EventLogPage(EventLog log) {
        this.log = log;
    }

    @GetMapping("/")
    String eventLog(Model model) {
        model.addAttribute("events", log.latest(LATEST).stream().map(Row::of).toList());
        return "event-log";
    }

    record Row(String id, String time, String type, String taskId, String unit, String topic) {

        static Row of(LoggedEvent event) {
            LogEntry entry = LogEntry.of(event);
            return new Row(entry.id(), TIME.format(entry.time()), Objects.requireNonNullElse(entry.type(), "—"),
                    entry.taskId(), entry.unit(), entry.topic());
        }
    }
}
