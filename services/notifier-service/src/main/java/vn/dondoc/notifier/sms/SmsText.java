package vn.dondoc.notifier.sms;

import java.net.URI;
import java.text.Normalizer;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.Stage;
import vn.dondoc.events.links.AckToken.Purpose;
import vn.dondoc.notifier.email.DeadlineWording;
import vn.dondoc.notifier.links.AcknowledgementLinks;
import vn.dondoc.notifier.reminders.Dispatch;

/**
 * Writes a reminder as one SMS: Vietnamese without diacritics, so every character is in the GSM 03.38 alphabet
 * (a single diacritic would switch the whole message to UCS-2 and 70 characters a segment), at most two
 * segments (306 septets), the link whole. When it does not fit, the task's title is shortened.
 * E.g. {@code [Don doc] Nhac han: Tham muu ban hanh Ke hoach... - han 20/11/2025 (con 3 ngay). Bao cao: https://…}.
 */
@Component
class SmsText {

    static final int MAX_SEPTETS = 2 * 153;
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final String ELLIPSIS = "...";

    private final DeadlineWording deadlines;
    private final AcknowledgementLinks links;

    SmsText(Clock clock, AcknowledgementLinks links) {
        this.deadlines = new DeadlineWording(clock);
        this.links = links;
    }

    String write(Dispatch dispatch) {
        var reminder = dispatch.reminder();
        var task = reminder.task();
        var title = gsm(task == null || task.title() == null ? "" : task.title().strip());
        var head = gsm("[Đôn đốc] " + prefix(reminder.stage(), dispatch.unitName(reminder.unit())) + ": ");
        var deadline = task == null ? null : task.deadline();
        var due = deadlines.due(deadline);
        var remaining = deadlines.remaining(deadline);
        var tail = new StringBuilder();
        if (due != null) {
            tail.append(" - hạn ").append(due);
            if (remaining != null && !remaining.startsWith("hạn")) {
                tail.append(" (").append(remaining).append(")");
            }
        }
        tail.append(".");
        link(reminder).ifPresent(link -> tail.append(' ').append(link.label()).append(": ").append(link.uri()));
        var end = gsm(tail.toString());
        var room = MAX_SEPTETS - septets(head) - septets(end);
        if (septets(title) > room) {
            title = shorten(title, room);
        }
        var text = head + title + end;
        return septets(text) <= MAX_SEPTETS ? text : text.substring(0, MAX_SEPTETS); // only with a link over 300
    }

    private record Link(String label, URI uri) {
    }

    /** Acknowledging fits the first notices; after that the unit has a result to report. */
    private Optional<Link> link(ReminderDue reminder) {
        return switch (reminder.stage()) {
            case ASSIGNMENT, ACK_RESEND, INFORMATION -> ack(reminder);
            default -> links.link(reminder, Purpose.REPORT).map(uri -> new Link("Báo cáo", uri)).or(() -> ack(reminder));
        };
    }

    private Optional<Link> ack(ReminderDue reminder) {
        return links.link(reminder, Purpose.ACK).map(uri -> new Link("Xác nhận", uri));
    }

    private static String prefix(Stage stage, String unitName) {
        return switch (stage) {
            case ASSIGNMENT -> "Giao nhiệm vụ";
            case ACK_RESEND -> "Đề nghị xác nhận nhiệm vụ";
            case BEFORE_DUE, DUE -> "Nhắc hạn";
            case OVERDUE -> "Quá hạn";
            case ESCALATION -> "Quá hạn của " + unitName;
            case INFORMATION -> "Phối hợp";
            case PROGRESS -> "Báo cáo tiến độ";
        };
    }

    private static String shorten(String title, int room) {
        if (room <= ELLIPSIS.length()) {
            return "";
        }
        var cut = title;
        while (!cut.isEmpty() && septets(cut) + ELLIPSIS.length() > room) {
            cut = cut.substring(0, cut.length() - 1);
        }
        var space = cut.lastIndexOf(' ');
        if (space > cut.length() / 2) {
            cut = cut.substring(0, space); // end on a whole word when that costs little
        }
        return cut.stripTrailing() + ELLIPSIS;
    }

    /** Vietnamese without diacritics in the GSM 03.38 alphabet: {@code Đôn đốc} → {@code Don doc}. */
    static String gsm(String text) {
        var folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D').replace('Ð', 'D')
                .replace('“', '"').replace('”', '"').replace('„', '"').replace('‘', '\'').replace('’', '\'')
                .replace('–', '-').replace('—', '-').replace('\u00A0', ' ').replace("…", "...");
        var out = new StringBuilder(folded.length());
        for (var c : folded.toCharArray()) {
            out.append(GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0 ? c : '?');
        }
        return out.toString();
    }

    /** Length in GSM-7 septets: characters of the extension table take two. */
    static int septets(String text) {
        int count = 0;
        for (var c : text.toCharArray()) {
            count += GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1;
        }
        return count;
    }
}
