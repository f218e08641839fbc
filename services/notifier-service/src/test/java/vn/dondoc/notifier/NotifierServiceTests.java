package vn.dondoc.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.nio.file.Files;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.Event;
import vn.dondoc.events.NotificationSent;
import vn.dondoc.events.NotificationSuppressed;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.ReminderId;
import vn.dondoc.events.SourceDocument;
import vn.dondoc.events.Stage;
import vn.dondoc.events.TaskSummary;
import vn.dondoc.events.Topics;
import vn.dondoc.events.UnitRegistered;
import vn.dondoc.events.UnitRole;
import vn.dondoc.events.links.AckToken;
import vn.dondoc.events.links.AckToken.Purpose;
import vn.dondoc.events.links.AckTokens;
import vn.dondoc.events.links.InvalidAckToken;
import vn.dondoc.testing.Infrastructure;
import vn.dondoc.testing.RealInfrastructure;

// a consumer group of its own, so no other context in this JVM takes a share of the partitions
@SpringBootTest(properties = "spring.kafka.consumer.group-id=notifier-tests-${random.uuid}")
@RealInfrastructure
class NotifierServiceTests {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Queue<Envelope<?>> notifications = new ConcurrentLinkedQueue<>();

    private static final KeyPair LINK_KEYS = AckTokens.generateKeyPair();
    private static final Pattern LINK = Pattern.compile("http://dondoc\\.test/ack/([A-Za-z0-9_-]+)");

    @Autowired
    KafkaTemplate<String, Envelope<?>> kafka;

    @DynamicPropertySource
    static void linkKey(DynamicPropertyRegistry registry) throws Exception {
        var file = Files.createTempFile("link-key", ".pem");
        Files.writeString(file, AckTokens.pem(LINK_KEYS.getPrivate()));
        registry.add("dondoc.links.private-key-file", file::toString);
        registry.add("dondoc.links.public-base-url", () -> "http://dondoc.test");
    }

    @Autowired
    Clock clock;

    @Autowired
    MongoTemplate mongo;

    @TestConfiguration
    static class NotificationLog {

        @KafkaListener(topics = Topics.NOTIFICATIONS, groupId = "notification-log-${random.uuid}")
        void on(ConsumerRecord<String, Envelope<?>> record) {
            notifications.add(record.value());
        }
    }

    @Test
    void emailsEveryAddressOfTheUnitInVietnamese(Infrastructure infrastructure) throws Exception {
        var unit = aUnit(2);
        var due = LocalDate.now(HANOI).plusDays(3);
        var reminder = aReminder(unit, Stage.BEFORE_DUE, due);
        publish(unit.envelope);
        publish(reminder);

        var expectedSubject = "[Đôn đốc] Nhắc hạn: " + reminder.data().task().title() + " — hạn "
                + due.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        for (var address : unit.emails) {
            var message = await().atMost(PATIENCE).until(() -> infrastructure.mailbox().messagesTo(address),
                    messages -> !messages.isEmpty()).getFirst();
            assertThat(message.getSubject()).isEqualTo(expectedSubject);
            assertThat(message.getHeader("X-Dondoc-Reminder-Id", null)).isEqualTo(reminder.data().reminderId());
            assertThat(message.getMessageID()).isNotBlank();
            var text = partsOfType(message, "text/plain");
            var html = partsOfType(message, "text/html");
            assertThat(text).hasSize(1).first().asString()
                    .contains(reminder.data().task().title(), due.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                            "còn 3 ngày", "Phòng thử nghiệm");
            assertThat(html).hasSize(1).first().asString()
                    .contains(reminder.data().task().title(), due.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                            "Xác nhận đã nhận nhiệm vụ", "Báo cáo hoàn thành");
            var expiry = due.atTime(17, 0).atZone(HANOI).toInstant().plus(Duration.ofDays(30));
            for (var part : List.of(text.getFirst(), html.getFirst())) {
                assertThat(tokens(part)).hasSize(2).satisfiesExactly(
                        ack -> assertThat(ack).isEqualTo(new AckToken(reminder.data().taskId(), unit.code, Purpose.ACK, 1, expiry)),
                        report -> assertThat(report).isEqualTo(new AckToken(reminder.data().taskId(), unit.code, Purpose.REPORT, 1, expiry)));
            }
            assertThat(text.getFirst()).contains("Xác nhận đã nhận nhiệm vụ: http://dondoc.test/ack/",
                    "Báo cáo hoàn thành: http://dondoc.test/ack/");
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(reminder, NotificationSent.class))
                .extracting(NotificationSent::address).containsExactlyInAnyOrderElementsOf(unit.emails));
    }

    @Test
    void announcesAnAssignmentInTheSubject(Infrastructure infrastructure) throws Exception {
        var unit = aUnit(1);
        var due = LocalDate.now(HANOI).plusDays(20);
        var reminder = aReminder(unit, Stage.ASSIGNMENT, due);
        publish(unit.envelope);
        publish(reminder);

        var message = await().atMost(PATIENCE).until(() -> infrastructure.mailbox().messagesTo(unit.emails.getFirst()),
                messages -> !messages.isEmpty()).getFirst();
        assertThat(message.getSubject()).isEqualTo("[Đôn đốc] Giao nhiệm vụ: " + reminder.data().task().title()
                + " — hạn " + due.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    }

    @Test
    void escapesMarkupThatCameFromDocumentsInTheHtmlPart(Infrastructure infrastructure) throws Exception {
        var unit = aUnit(1);
        var plain = aReminder(unit, Stage.BEFORE_DUE, LocalDate.now(HANOI).plusDays(3));
        var summary = plain.data().task();
        var marked = new TaskSummary("<script>alert('x')</script> Báo cáo \"khẩn\" & <b>gấp</b>",
                "<img src=x onerror=alert(1)>", summary.leadUnits(), summary.coordinatingUnits(), summary.deadline(),
                summary.source());
        var data = plain.data();
        var reminder = new Envelope<>(plain.id(), plain.source(), plain.time(), null, new ReminderDue(data.reminderId(),
                data.taskId(), data.unit(), data.role(), data.stage(), data.cycle(), data.recipient(), data.fireAt(),
                marked));
        publish(unit.envelope);
        publish(reminder);

        var message = await().atMost(PATIENCE).until(() -> infrastructure.mailbox().messagesTo(unit.emails.getFirst()),
                messages -> !messages.isEmpty()).getFirst();

        assertThat(message.getSubject()).contains("<script>alert('x')</script> Báo cáo \"khẩn\" & <b>gấp</b>");
        assertThat(partsOfType(message, "text/html")).hasSize(1).first().asString()
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Báo cáo &quot;khẩn&quot; &amp; &lt;b&gt;gấp&lt;/b&gt;",
                        "&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img").doesNotContain("<b>gấp");
        assertThat(partsOfType(message, "text/plain")).hasSize(1).first().asString()
                .contains("<script>alert('x')</script> Báo cáo \"khẩn\"");
    }

    @Test
    void sendsARepeatedReminderOnlyOnce(Infrastructure infrastructure) {
        var unit = aUnit(1);
        var reminder = aReminder(unit, Stage.DUE, LocalDate.now(HANOI));
        publish(unit.envelope);
        publish(reminder);
        publish(reminder);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(reminder, NotificationSuppressed.class))
                .extracting(NotificationSuppressed::reason).containsExactly("duplicate"));
        assertThat(infrastructure.mailbox().messagesTo(unit.emails.getFirst())).hasSize(1);
        assertThat(outcomes(reminder, NotificationSent.class)).hasSize(1);
    }

    @Test
    void resendsOnceAfterAnInterruptedAttemptAndSaysItMayBeADuplicate(Infrastructure infrastructure) {
        var unit = aUnit(1);
        var reminder = aReminder(unit, Stage.DUE, LocalDate.now(HANOI));
        // what a crash between claiming and recording the server's answer leaves behind
        mongo.getCollection("deliveries").insertOne(new Document(Map.of("reminderId", reminder.data().reminderId(),
                "taskId", reminder.data().taskId(), "unit", unit.code, "channel", "EMAIL",
                "address", unit.emails.getFirst(), "state", "SENDING", "attempts", 1, "possibleDuplicate", false,
                "permanent", false, "outcomePublished", false)));
        publish(unit.envelope);
        publish(reminder);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(reminder, NotificationSent.class))
                .singleElement().satisfies(sent -> {
                    assertThat(sent.possibleDuplicate()).isTrue();
                    assertThat(sent.attempts()).isEqualTo(2);
                }));
        // the interrupted attempt's event may be out already (it goes before its answer is written): this one has
        // an id of its own, so readers that drop repeated ids still learn of the second copy
        assertThat(notifications).filteredOn(envelope -> envelope.data() instanceof NotificationSent sent
                        && sent.reminderId().equals(reminder.data().reminderId()))
                .singleElement().extracting(Envelope::id).asString().endsWith("/sent/2");
        assertThat(infrastructure.mailbox().messagesTo(unit.emails.getFirst())).hasSize(1);
    }

    @Test
    void suppressesAReminderToAUnitWithoutEmail(Infrastructure infrastructure) {
        var unit = aUnit(0);
        var reminder = aReminder(unit, Stage.BEFORE_DUE, LocalDate.now(HANOI).plusDays(3));
        publish(unit.envelope);
        publish(reminder);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(reminder, NotificationSuppressed.class))
                .extracting(NotificationSuppressed::reason).containsExactly("unit without contacts"));
        assertThat(outcomes(reminder, NotificationSent.class)).isEmpty();
    }

    @Test
    void waitsForAUnitTheDirectoryHasNotAnnouncedYet(Infrastructure infrastructure) {
        var unit = aUnit(1);
        var reminder = aReminder(unit, Stage.BEFORE_DUE, LocalDate.now(HANOI).plusDays(3));
        publish(reminder);
        // longer than the shared error handler's few seconds of retries: the reminder must still be waiting
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10))
                .until(() -> outcomes(reminder, Event.class).isEmpty());
        publish(unit.envelope);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(reminder, NotificationSent.class)).hasSize(1));
        assertThat(infrastructure.mailbox().messagesTo(unit.emails.getFirst())).hasSize(1);
    }

    private record TestUnit(String code, List<String> emails, Envelope<UnitRegistered> envelope) {
    }

    @Test
    void textsTheDueDayThroughTheSmsGatewayWithoutDiacritics(Infrastructure infrastructure) throws Exception {
        var phone = "+849" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
        var unit = aUnit(1, List.of(phone));
        var reminder = aReminder(unit, Stage.DUE, LocalDate.now(HANOI));
        publish(unit.envelope);
        publish(reminder);

        var sms = await().atMost(PATIENCE).until(() -> infrastructure.sms().messages().stream()
                .filter(message -> message.to().equals(phone)).toList(), messages -> !messages.isEmpty()).getFirst();
        assertThat(sms.text()).startsWith("[Don doc] Nhac han: Tham muu ban hanh Ke hoach")
                .matches("[\\x20-\\x7E]+").contains("Bao cao: http://dondoc.test/ack/");
        assertThat(tokens(sms.text())).singleElement().satisfies(token -> {
            assertThat(token.purpose()).isEqualTo(Purpose.REPORT);
            assertThat(token.unit()).isEqualTo(unit.code);
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(outcomes(reminder, NotificationSent.class))
                .extracting(NotificationSent::channel, NotificationSent::address, NotificationSent::provider)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(vn.dondoc.events.Channel.EMAIL, unit.emails.getFirst(), "smtp"),
                        org.assertj.core.groups.Tuple.tuple(vn.dondoc.events.Channel.SMS, phone, "simulator")));
    }

    private TestUnit aUnit(int emailCount) {
        return aUnit(emailCount, List.of());
    }

    private TestUnit aUnit(int emailCount, List<String> phones) {
        var code = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<String> emails = new ArrayList<>();
        for (int i = 1; i <= emailCount; i++) {
            emails.add(code.toLowerCase() + "-" + i + "@soyte.local");
        }
        var registered = new UnitRegistered(code, "Phòng thử nghiệm " + code, List.of(), "SYT", "BGD", emails,
                phones, true);
        return new TestUnit(code, emails, Envelope.of("/dondoc/task-service", registered, clock));
    }

    private Envelope<ReminderDue> aReminder(TestUnit unit, Stage stage, LocalDate due) {
        var taskId = UUID.randomUUID().toString();
        var reminderId = ReminderId.of(taskId, unit.code, stage, 1, stage == Stage.BEFORE_DUE ? Duration.ofDays(3) : null);
        var deadline = new Deadline(DeadlineKind.DATE, due, due.atTime(17, 0).atZone(HANOI).toInstant(), null);
        var task = new TaskSummary("Tham mưu ban hành Kế hoạch " + taskId.substring(0, 6) + " về chuyển đổi số y tế",
                "Kế hoạch", List.of(unit.code), List.of("KHTC"), deadline,
                new SourceDocument("123/TB-UBND", LocalDate.of(2024, 3, 5), "UBND tỉnh", "9.1"));
        var reminder = new ReminderDue(reminderId, taskId, unit.code, UnitRole.LEAD, stage, 1, unit.code,
                Instant.now(clock), task);
        return new Envelope<>(reminderId, "/dondoc/scheduler-service", Instant.now(clock), null, reminder);
    }

    /** The tokens of the links in a message part, verified with the public key of the pair the service signs with. */
    private List<AckToken> tokens(String part) throws InvalidAckToken {
        List<AckToken> tokens = new ArrayList<>();
        var links = LINK.matcher(part);
        while (links.find()) {
            tokens.add(AckTokens.verify(links.group(1), LINK_KEYS.getPublic(), clock));
        }
        return tokens;
    }

    private void publish(Envelope<?> envelope) {
        kafka.send(envelope.toRecord()).join();
    }

    private static <E extends Event> List<E> outcomes(Envelope<ReminderDue> reminder, Class<E> type) {
        var reminderId = reminder.data().reminderId();
        return notifications.stream().map(Envelope::data).filter(type::isInstance).map(type::cast)
                .filter(event -> switch (event) {
                    case NotificationSent sent -> sent.reminderId().equals(reminderId);
                    case NotificationSuppressed suppressed -> suppressed.reminderId().equals(reminderId);
                    case vn.dondoc.events.NotificationFailed failed -> failed.reminderId().equals(reminderId);
                    default -> false;
                }).toList();
    }

    private static List<String> partsOfType(Part part, String mimeType) throws Exception {
        List<String> found = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            var multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                found.addAll(partsOfType(child, mimeType));
            }
        } else if (part.isMimeType(mimeType)) {
            found.add((String) part.getContent());
        }
        return found;
    }
}
