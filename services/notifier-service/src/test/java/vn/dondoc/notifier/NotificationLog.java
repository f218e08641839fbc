package vn.dondoc.notifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.Event;
import vn.dondoc.events.NotificationFailed;
import vn.dondoc.events.NotificationSent;
import vn.dondoc.events.NotificationSuppressed;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.ReminderId;
import vn.dondoc.events.Stage;
import vn.dondoc.events.TaskSummary;
import vn.dondoc.events.UnitRegistered;
import vn.dondoc.events.UnitRole;
import vn.dondoc.events.Topics;

/**
 * What the notifier published, read back from the notifications topic, and small builders of the events it
 * consumes. Import it into a test with {@code @Import(NotificationLog.class)}.
 */
public class NotificationLog {

    public static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Queue<Envelope<?>> received = new ConcurrentLinkedQueue<>();

    @KafkaListener(topics = Topics.NOTIFICATIONS, groupId = "notification-log-${random.uuid}")
    void on(ConsumerRecord<String, Envelope<?>> record) {
        received.add(record.value());
    }

    public <E extends Event> List<E> of(String reminderId, Class<E> type) {
        return received.stream().map(Envelope::data).filter(type::isInstance).map(type::cast)
                .filter(event -> reminderId.equals(switch (event) {
                    case NotificationSent sent -> sent.reminderId();
                    case NotificationSuppressed suppressed -> suppressed.reminderId();
                    case NotificationFailed failed -> failed.reminderId();
                    default -> null;
                })).toList();
    }

    /**
     * A mail sender for an SMTP server of the test's own. {@code @RealInfrastructure} puts its own
     * {@code spring.mail.*} first among the property sources, so a test's server is given as the bean instead.
     */
    public static org.springframework.mail.javamail.JavaMailSenderImpl mailSenderFor(int port) {
        var sender = new org.springframework.mail.javamail.JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        var properties = new java.util.Properties();
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        sender.setJavaMailProperties(properties);
        return sender;
    }

    public static Envelope<UnitRegistered> aUnit(String code, List<String> emails, Clock clock) {
        return Envelope.of("/dondoc/task-service", new UnitRegistered(code, "Phòng thử nghiệm " + code, List.of(),
                "SYT", "BGD", emails, List.of(), true), clock);
    }

    public static String aUnitCode() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A reminder of a new task due in three days, for {@code unit}. */
    public static Envelope<ReminderDue> aReminder(String unit, Clock clock) {
        var taskId = UUID.randomUUID().toString();
        var due = LocalDate.now(clock.withZone(HANOI)).plusDays(3);
        var reminderId = ReminderId.of(taskId, unit, Stage.BEFORE_DUE, 1, Duration.ofDays(3));
        var deadline = new Deadline(DeadlineKind.DATE, due, due.atTime(17, 0).atZone(HANOI).toInstant(), null);
        var task = new TaskSummary("Báo cáo kết quả " + taskId.substring(0, 6), "Báo cáo", List.of(unit), List.of(),
                deadline, null);
        var reminder = new ReminderDue(reminderId, taskId, unit, UnitRole.LEAD, Stage.BEFORE_DUE, 1, unit,
                Instant.now(clock), task);
        return new Envelope<>(reminderId, "/dondoc/scheduler-service", Instant.now(clock), null, reminder);
    }
}
