package vn.dondoc.console.eventlog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * How the console words events for people: Vietnamese names, times in Vietnam as {@code dd/MM/yyyy HH:mm}, and a
 * one-line summary of each event. Pages escape everything they show; this only chooses the words.
 */
public final class Wording {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Every type the log knows, in the order a person thinks of them, with its Vietnamese name. */
    public static final Map<String, String> TYPES = types();

    private static final Map<String, String> STAGES = Map.of(
            "ASSIGNMENT", "thông báo giao nhiệm vụ",
            "ACK_RESEND", "nhắc xác nhận",
            "BEFORE_DUE", "nhắc trước hạn",
            "DUE", "nhắc đến hạn",
            "OVERDUE", "nhắc quá hạn",
            "ESCALATION", "báo cấp trên",
            "INFORMATION", "thông tin cho đơn vị phối hợp",
            "PROGRESS", "nhắc tiến độ");
    private static final Map<String, String> DEADLINE_KINDS = Map.of(
            "RECURRING_YEARLY", "hằng năm",
            "RECURRING_QUARTERLY", "hằng quý",
            "RECURRING_MONTHLY", "hằng tháng",
            "CONTINUOUS", "thường xuyên",
            "FROM_DATE", "từ ngày bắt đầu, không thời hạn",
            "AWAITING_TRIGGER", "chờ điều kiện bên ngoài");

    private Wording() {
    }

    private static Map<String, String> types() {
        var types = new LinkedHashMap<String, String>();
        types.put("task.assigned", "Giao nhiệm vụ");
        types.put("task.updated", "Cập nhật nhiệm vụ");
        types.put("task.deadline-extended", "Gia hạn");
        types.put("task.acknowledged", "Xác nhận đã nhận");
        types.put("task.reported", "Báo cáo hoàn thành");
        types.put("task.completed", "Hoàn thành");
        types.put("task.cancelled", "Hủy nhiệm vụ");
        types.put("task.reopened", "Mở lại nhiệm vụ");
        types.put("report.rejected", "Không chấp nhận báo cáo");
        types.put("reminders.planned", "Lập lịch nhắc");
        types.put("reminder.due", "Đến lúc nhắc");
        types.put("notification.sent", "Đã gửi thông báo");
        types.put("notification.failed", "Gửi không thành công");
        types.put("notification.suppressed", "Không gửi");
        types.put("unit.registered", "Đăng ký đơn vị");
        types.put("unit.changed", "Thay đổi đơn vị");
        types.put(LoggedEvent.DEAD_LETTER, "Bản ghi lỗi (dead letter)");
        return java.util.Collections.unmodifiableMap(types);
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** An ISO-8601 instant as the data carries it, shown in Vietnam; the text itself when it is not one. */
    public static String time(Object iso) {
        if (iso == null) {
            return "";
        }
        try {
            return time(Instant.parse(iso.toString()));
        } catch (DateTimeParseException notAnInstant) {
            return iso.toString();
        }
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String type(String type) {
        return type == null ? "Không rõ loại" : TYPES.getOrDefault(type, type);
    }

    public static String stage(Object stage) {
        return stage == null ? "" : STAGES.getOrDefault(stage.toString(), stage.toString());
    }

    public static String channel(Object channel) {
        return "SMS".equals(channel) ? "SMS" : "EMAIL".equals(channel) ? "email" : Objects.toString(channel, "");
    }

    /** A deadline (the data's {@code {kind,dueDate,dueAt,text,startDate,condition}}) in a few words. */
    public static String deadline(Object value) {
        if (!(value instanceof Map<?, ?> deadline)) {
            return "không thời hạn";
        }
        String when;
        if (deadline.get("dueAt") != null && "INSTANT".equals(deadline.get("kind"))) {
            when = time(deadline.get("dueAt"));
        } else if (deadline.get("dueDate") != null) {
            when = date(LocalDate.parse(deadline.get("dueDate").toString()));
        } else {
            when = DEADLINE_KINDS.getOrDefault(String.valueOf(deadline.get("kind")), "không thời hạn");
        }
        Object text = deadline.get("text");
        if (text != null && !text.toString().isBlank() && !text.toString().equals(when)) {
            when += " („" + text + "“)";
        }
        if (deadline.get("condition") != null && deadline.get("dueDate") != null) {
            when += ", " + deadline.get("condition");
        }
        return when;
    }

    /** One line saying what happened, in Vietnamese. */
    public static String summary(LoggedEvent event) {
        if (event.deadLetter()) {
            return deadLetterSummary(event);
        }
        if (!(event.data() instanceof Map<?, ?> data)) {
            return "Dữ liệu không đọc được: " + abbreviate(Objects.toString(event.data(), ""));
        }
        String type = Objects.toString(event.type(), "");
        return switch (type) {
            case "task.assigned" -> "Giao „%s“ cho %s, hạn %s".formatted(data.get("title"), units(data.get("leadUnits")),
                    deadline(data.get("deadline")));
            case "task.updated" -> "Cập nhật „%s“: đơn vị chủ trì %s, hạn %s".formatted(data.get("title"),
                    units(data.get("leadUnits")), deadline(data.get("deadline")));
            case "task.deadline-extended" -> "Đổi hạn từ %s thành %s%s".formatted(deadline(data.get("previous")),
                    deadline(data.get("deadline")), reason(data.get("reason")));
            case "task.acknowledged" -> "%s xác nhận đã nhận nhiệm vụ%s".formatted(data.get("unit"), via(data.get("channel")));
            case "task.reported" -> "%s báo cáo hoàn thành%s%s".formatted(data.get("unit"), via(data.get("channel")),
                    data.get("note") == null ? "" : ": " + data.get("note"));
            case "task.completed" -> Boolean.TRUE.equals(data.get("onTime")) ? "Nhiệm vụ hoàn thành đúng hạn"
                    : "Nhiệm vụ hoàn thành quá hạn";
            case "task.cancelled" -> "Hủy nhiệm vụ" + reason(data.get("reason"));
            case "task.reopened" -> "Mở lại nhiệm vụ" + reason(data.get("reason"));
            case "report.rejected" -> "Không chấp nhận báo cáo của %s%s".formatted(data.get("unit"), reason(data.get("reason")));
            case "reminders.planned" -> planned(data);
            case "reminder.due" -> "Nhắc %s: %s, lần %s%s".formatted(data.get("unit"), stage(data.get("stage")),
                    data.get("cycle"), Objects.equals(data.get("recipient"), data.get("unit")) || data.get("recipient") == null
                            ? "" : " (gửi " + data.get("recipient") + ")");
            case "notification.sent" -> "Đã gửi %s tới %s (%s)%s".formatted(channel(data.get("channel")),
                    data.get("address"), data.get("unit"),
                    Boolean.TRUE.equals(data.get("possibleDuplicate")) ? ", có thể trùng" : "");
            case "notification.failed" -> "Gửi %s tới %s (%s) không thành công%s: %s".formatted(channel(data.get("channel")),
                    data.get("address"), data.get("unit"), Boolean.TRUE.equals(data.get("permanent")) ? " (lỗi vĩnh viễn)" : "",
                    data.get("reason"));
            case "notification.suppressed" -> "Không gửi %s tới %s (%s): %s".formatted(channel(data.get("channel")),
                    Objects.toString(data.get("address"), "—"), data.get("unit"), data.get("reason"));
            case "unit.registered" -> "Đăng ký đơn vị %s – %s".formatted(data.get("code"), data.get("name"));
            case "unit.changed" -> "Cập nhật đơn vị %s – %s".formatted(data.get("code"), data.get("name"));
            default -> type.isEmpty() ? "Bản ghi không có loại sự kiện" : type;
        };
    }

    private static String deadLetterSummary(LoggedEvent event) {
        String topic = Objects.toString(event.originalTopic(), "không rõ topic");
        String why = event.header(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        if (why == null) {
            why = event.header("__streams.errors.message");
        }
        return "Không xử lý được bản ghi của %s%s".formatted(topic, why == null ? "" : ": " + abbreviate(why));
    }

    private static String planned(Map<?, ?> data) {
        if (!(data.get("upcoming") instanceof List<?> upcoming) || upcoming.isEmpty()) {
            return "Không còn lần nhắc nào";
        }
        Object first = upcoming.getFirst() instanceof Map<?, ?> next ? next.get("fireAt") : null;
        return "%d lần nhắc sắp tới, lần đầu %s".formatted(upcoming.size(), time(first));
    }

    private static String units(Object units) {
        return units instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : "";
    }

    private static String via(Object channel) {
        return channel == null ? "" : " (qua " + ("link".equals(channel) ? "đường link" : channel) + ")";
    }

    private static String reason(Object reason) {
        return reason == null || reason.toString().isBlank() ? "" : ": " + reason;
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= 160 ? line : line.substring(0, 159) + "…";
    }
}
