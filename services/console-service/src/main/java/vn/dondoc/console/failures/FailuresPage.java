package vn.dondoc.console.failures;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dondoc.console.eventlog.EventLog;
import vn.dondoc.console.eventlog.LoggedEvent;
import vn.dondoc.console.eventlog.Wording;

/**
 * {@code /failures}: the latest failed deliveries and dead letters; a dead letter can be replayed to its original
 * topic by an admin (POST with the CSRF token), and every attempt is audited.
 */
@Controller
class FailuresPage {

    static final int LATEST = 200;

    private final EventLog log;
    private final Replayer replayer;
    private final AuditTrail audit;
    private final Clock clock;

    FailuresPage(EventLog log, Replayer replayer, AuditTrail audit, Clock clock) {
        this.log = log;
        this.replayer = replayer;
        this.audit = audit;
        this.clock = clock;
    }

    record Failure(String key, String url, String time, String typeName, String taskId, String unit, String channel,
                   String address, String summary, String originalTopic, boolean replayable) {
    }

    record Audited(String at, String user, String target, boolean succeeded, String outcome) {
    }

    @GetMapping("/failures")
    String failures(Model model) {
        List<LoggedEvent> failures = log.latestOfTypes(List.of("notification.failed", LoggedEvent.DEAD_LETTER), LATEST);
        model.addAttribute("failed", failures.stream().filter(event -> !event.deadLetter()).map(FailuresPage::failure).toList());
        model.addAttribute("deadLetters", failures.stream().filter(LoggedEvent::deadLetter).map(FailuresPage::failure).toList());
        model.addAttribute("audit", audit.latest(20).stream().map(action -> new Audited(Wording.time(action.at()),
                action.user(), action.target(), action.succeeded(), action.outcome())).toList());
        return "failures";
    }

    @PostMapping("/failures/replay")
    String replay(@RequestParam String key, Authentication user, RedirectAttributes redirect) {
        if (user == null || user.getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Chỉ quản trị viên được phát lại bản ghi.");
        }
        LoggedEvent deadLetter = log.byKey(key)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có bản ghi này trong nhật ký."));
        String name = ((Principal) user).getName();
        try {
            RecordMetadata sent = replayer.replay(deadLetter);
            String where = sent.topic() + "/" + sent.partition() + "/" + sent.offset();
            audit.record(new AuditTrail.Action(clock.instant(), name, "replay", key, true, "phát lại thành " + where));
            redirect.addFlashAttribute("message", "Đã phát lại bản ghi " + key + " vào " + where + ".");
        } catch (Replayer.ReplayImpossible e) {
            audit.record(new AuditTrail.Action(clock.instant(), name, "replay", key, false, e.getMessage()));
            redirect.addFlashAttribute("problem", "Không phát lại được " + key + ": " + e.getMessage());
        }
        return "redirect:/failures";
    }

    private static Failure failure(LoggedEvent event) {
        Map<?, ?> data = event.data() instanceof Map<?, ?> map && !event.deadLetter() ? map : Map.of();
        return new Failure(event.key(), "/events/" + event.topic() + "/" + event.partition() + "/" + event.offset(),
                Wording.time(event.time()), Wording.type(event.type()), event.taskId(), event.unit(),
                Wording.channel(data.get("channel")), Objects.toString(data.get("address"), ""), Wording.summary(event),
                event.originalTopic(), event.deadLetter() && event.raw() != null && event.originalTopic() != null);
    }
}
