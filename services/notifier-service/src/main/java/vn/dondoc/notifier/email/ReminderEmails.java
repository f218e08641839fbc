package vn.dondoc.notifier.email;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.SourceDocument;
import vn.dondoc.events.Stage;
import vn.dondoc.events.TaskSummary;
import vn.dondoc.events.UnitRole;
import vn.dondoc.events.links.AckToken.Purpose;
import vn.dondoc.notifier.links.AcknowledgementLinks;
import vn.dondoc.notifier.reminders.Dispatch;

/**
 * Writes a reminder as an email from the templates in {@code templates/mail}: one HTML and one plain-text
 * template per kind of reminder (assignment, deadline, and a generic one for the other stages), each rendered by
 * Thymeleaf once per shape and filled in per message ({@link TemplateShapes}).
 */
@Component
class ReminderEmails {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    record Email(String subject, String text, String html) {
    }

    private final TemplateShapes templates;
    private final DeadlineWording deadlines;
    private final AcknowledgementLinks links;

    ReminderEmails(Clock clock, AcknowledgementLinks links) {
        this.templates = new TemplateShapes(mailTemplates(), VIETNAMESE, Set.of("stage"));
        this.deadlines = new DeadlineWording(clock);
        this.links = links;
    }

    Email write(Dispatch dispatch) {
        var variables = variables(dispatch);
        var template = template(dispatch.reminder().stage());
        return new Email(subject(dispatch), templates.render(template + ".txt", variables),
                templates.render(template + ".html", variables));
    }

    /** {@code [Đôn đốc] Nhắc hạn: <title> — hạn 20/11/2025}. */
    String subject(Dispatch dispatch) {
        var reminder = dispatch.reminder();
        var task = task(reminder);
        var deadline = task.deadline();
        var due = deadlines.due(deadline);
        var suffix = due != null ? " — hạn " + due
                : deadline != null && deadline.text() != null ? " — " + deadline.text() : "";
        return "[Đôn đốc] " + subjectPrefix(reminder.stage(), dispatch.unitName(reminder.unit())) + ": "
                + task.title() + suffix;
    }

    private static String subjectPrefix(Stage stage, String unitName) {
        return switch (stage) {
            case ASSIGNMENT -> "Giao nhiệm vụ";
            case ACK_RESEND -> "Đề nghị xác nhận nhiệm vụ";
            case BEFORE_DUE, DUE -> "Nhắc hạn";
            case OVERDUE -> "Nhiệm vụ quá hạn";
            case ESCALATION -> "Nhiệm vụ quá hạn của " + unitName;
            case INFORMATION -> "Thông báo nhiệm vụ phối hợp";
            case PROGRESS -> "Nhắc báo cáo tiến độ";
        };
    }

    private static String template(Stage stage) {
        return switch (stage) {
            case ASSIGNMENT, ACK_RESEND -> "assignment";
            case BEFORE_DUE, DUE -> "deadline";
            default -> "generic";
        };
    }

    private Map<String, Object> variables(Dispatch dispatch) {
        var reminder = dispatch.reminder();
        var task = task(reminder);
        Map<String, Object> variables = new TreeMap<>(); // sorted, as TemplateShapes keys them
        variables.put("stage", reminder.stage().name());
        variables.put("recipient", dispatch.recipientName());
        variables.put("unit", dispatch.unitName(reminder.unit()));
        variables.put("role", reminder.role() == UnitRole.COORDINATING ? "phối hợp" : "chủ trì");
        variables.put("title", task.title());
        variables.put("expectedOutput", blankToNull(task.expectedOutput()));
        variables.put("source", source(task.source()));
        variables.put("leadUnits", names(task.leadUnits(), dispatch));
        variables.put("coordinatingUnits", names(task.coordinatingUnits(), dispatch));
        variables.put("due", deadlines.due(task.deadline()));
        variables.put("remaining", deadlines.remaining(task.deadline()));
        variables.put("deadlineText", deadlines.originalText(task.deadline()));
        variables.put("ackLink", links.href(reminder, Purpose.ACK).orElse(null));
        variables.put("reportLink", links.href(reminder, Purpose.REPORT).orElse(null));
        return variables;
    }

    private static TaskSummary task(ReminderDue reminder) {
        return reminder.task() != null ? reminder.task()
                : new TaskSummary(reminder.taskId(), null, List.of(), List.of(), null, null);
    }

    /** {@code Văn bản số 123/TB-UBND ngày 05/03/2024 của UBND tỉnh, mục 9.1}; null when unknown. */
    private static String source(SourceDocument source) {
        if (source == null || (blankToNull(source.number()) == null && blankToNull(source.item()) == null)) {
            return null;
        }
        var text = new StringBuilder();
        if (blankToNull(source.number()) != null) {
            text.append("Văn bản số ").append(source.number());
            if (source.date() != null) {
                text.append(" ngày ").append(DATE.format(source.date()));
            }
            if (blankToNull(source.issuer()) != null) {
                text.append(" của ").append(source.issuer());
            }
        }
        if (blankToNull(source.item()) != null) {
            text.append(text.isEmpty() ? "Mục " : ", mục ").append(source.item());
        }
        return text.toString();
    }

    private static String names(List<String> codes, Dispatch dispatch) {
        if (codes == null || codes.isEmpty()) {
            return null;
        }
        return String.join("; ", codes.stream().map(dispatch::unitName).toList());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Its own engine, so mail templates never mix with (or are served as) web views. */
    static SpringTemplateEngine mailTemplates() {
        var engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setOrder(order);
        resolver.setCacheable(true);
        return resolver;
    }
}
