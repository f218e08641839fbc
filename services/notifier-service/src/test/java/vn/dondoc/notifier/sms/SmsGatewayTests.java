package vn.dondoc.notifier.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.NotificationFailed;
import vn.dondoc.events.NotificationSent;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.ReminderId;
import vn.dondoc.events.Stage;
import vn.dondoc.events.TaskSummary;
import vn.dondoc.events.Topics;
import vn.dondoc.events.UnitRegistered;
import vn.dondoc.events.UnitRole;
import vn.dondoc.testing.RealInfrastructure;

/**
 * Two gateways stand in for real providers: a brandname-style JSON gateway first, a Twilio-compatible one second.
 * Shows what goes over the wire and when the second is used.
 */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=sms-gateway-tests-${random.uuid}",
        "resilience4j.retry.configs.sms.wait-duration=50ms", "dondoc.links.public-base-url=https://dondoc.test"})
@RealInfrastructure
class SmsGatewayTests {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final WireMockServer brandname = new WireMockServer(options().dynamicPort());
    private static final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private static final Queue<Envelope<?>> notifications = new ConcurrentLinkedQueue<>();

    static {
        brandname.start();
        twilio.start();
        brandname.stubFor(post("/api/v2/sms").willReturn(aResponse().withStatus(200).withBody("{\"code\":0}")));
        twilio.stubFor(post(urlEqualTo("/2010-04-01/Accounts/AC123/Messages.json"))
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM1\",\"status\":\"queued\"}")));
    }

    @DynamicPropertySource
    static void gateways(DynamicPropertyRegistry registry) {
        registry.add("dondoc.sms.providers[0].name", () -> "brandname");
        registry.add("dondoc.sms.providers[0].type", () -> "generic");
        registry.add("dondoc.sms.providers[0].url", () -> brandname.baseUrl() + "/api/v2/sms");
        registry.add("dondoc.sms.providers[0].auth-header", () -> "X-Api-Key");
        registry.add("dondoc.sms.providers[0].auth-value", () -> "secret-key");
        registry.add("dondoc.sms.providers[0].sender", () -> "SOYTE");
        registry.add("dondoc.sms.providers[0].body-template",
                () -> "{\"phone\":\"{to}\",\"message\":\"{text}\",\"brandname\":\"{sender}\",\"type\":2}");
        registry.add("dondoc.sms.providers[1].name", () -> "twilio");
        registry.add("dondoc.sms.providers[1].type", () -> "twilio");
        registry.add("dondoc.sms.providers[1].url", twilio::baseUrl);
        registry.add("dondoc.sms.providers[1].account-sid", () -> "AC123");
        registry.add("dondoc.sms.providers[1].auth-token", () -> "token456");
        registry.add("dondoc.sms.providers[1].sender", () -> "+15005550006");
    }

    @AfterAll
    static void stop() {
        brandname.stop();
        twilio.stop();
    }

    @Autowired
    KafkaTemplate<String, Envelope<?>> kafka;

    @Autowired
    Clock clock;

    @TestConfiguration
    static class NotificationLog {

        @KafkaListener(topics = Topics.NOTIFICATIONS, groupId = "sms-notification-log-${random.uuid}")
        void on(ConsumerRecord<String, Envelope<?>> record) {
            notifications.add(record.value());
        }
    }

    @Test
    void postsTheConfiguredJsonBodyToTheFirstGateway() {
        var phone = aPhone();
        var reminder = remind(phone, Stage.DUE);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sent(reminder)).singleElement()
                .satisfies(sent -> assertThat(sent.provider()).isEqualTo("brandname")));
        var request = only(brandname, phone);
        assertThat(request.getHeader("X-Api-Key")).isEqualTo("secret-key");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        var body = JsonMapper.builder().build().readTree(request.getBodyAsString());
        assertThat(body.get("phone").asString()).isEqualTo(phone);
        assertThat(body.get("brandname").asString()).isEqualTo("SOYTE");
        assertThat(body.get("type").asInt()).isEqualTo(2);
        var text = body.get("message").asString();
        assertThat(text).startsWith("[Don doc] Nhac han: Tham muu ban hanh Ke hoach")
                .contains(" - han " + reminder.data().task().deadline().dueDate()
                        .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                .containsPattern("Bao cao: https://dondoc\\.test/ack/[A-Za-z0-9_-]{100,140}$")
                .matches("[\\x20-\\x7E]+");
        assertThat(SmsText.septets(text)).isLessThanOrEqualTo(306);
    }

    @Test
    void failsOverToTwilioWhenTheFirstGatewayIsDown() {
        var phone = aPhone();
        brandname.stubFor(post("/api/v2/sms").withRequestBody(matchingJsonPath("$.phone", equalTo(phone)))
                .willReturn(aResponse().withStatus(503).withBody("maintenance")));
        var reminder = remind(phone, Stage.OVERDUE);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sent(reminder)).singleElement()
                .satisfies(sent -> assertThat(sent.provider()).isEqualTo("twilio")));
        brandname.verify(3, postRequestedFor(urlEqualTo("/api/v2/sms")).withRequestBody(containing(phone)));
        var request = only(twilio, phone);
        assertThat(request.getHeader("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("AC123:token456".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        var form = form(request.getBodyAsString());
        assertThat(form).containsEntry("To", phone).containsEntry("From", "+15005550006");
        assertThat(form.get("Body")).startsWith("[Don doc] Qua han: ").contains("(qua han ");
    }

    @Test
    void neitherRetriesNorFailsOverWhenTheNumberIsRefused() {
        var phone = aPhone();
        brandname.stubFor(post("/api/v2/sms").withRequestBody(matchingJsonPath("$.phone", equalTo(phone)))
                .willReturn(aResponse().withStatus(422).withBody("{\"error\":\"invalid phone number\"}")));
        var reminder = remind(phone, Stage.DUE);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(failed(reminder)).singleElement()
                .satisfies(failed -> assertThat(failed.permanent()).isTrue()));
        brandname.verify(1, postRequestedFor(urlEqualTo("/api/v2/sms")).withRequestBody(containing(phone)));
        assertThat(twilio.findAll(postRequestedFor(urlEqualTo("/2010-04-01/Accounts/AC123/Messages.json"))
                .withRequestBody(containing(phone.substring(1))))).isEmpty();
        assertThat(sent(reminder)).isEmpty();
    }

    @Test
    void sendsNoSmsForStagesThatAreEmailOnly() {
        var phone = aPhone();
        var reminder = remind(phone, Stage.BEFORE_DUE);

        await().atMost(PATIENCE).until(() -> notifications.stream().anyMatch(e -> e.data() instanceof NotificationSent s
                && s.reminderId().equals(reminder.data().reminderId())));
        assertThat(sent(reminder)).isEmpty();
        assertThat(brandname.findAll(postRequestedFor(urlEqualTo("/api/v2/sms")).withRequestBody(containing(phone))))
                .isEmpty();
    }

    private static String aPhone() {
        return "+849" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** The one request carrying this number (JSON has it as is, the form URL-encoded: the digits match both). */
    private static LoggedRequest only(WireMockServer server, String phone) {
        var requests = server.findAll(postRequestedFor(anyUrl()).withRequestBody(containing(phone.substring(1))));
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (var pair : body.split("&")) {
            var eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private Envelope<ReminderDue> remind(String phone, Stage stage) {
        var code = "S" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var unit = new UnitRegistered(code, "Phòng thử nghiệm " + code, List.of(), "SYT", "BGD",
                List.of(code.toLowerCase() + "@soyte.local"), List.of(phone), true);
        kafka.send(Envelope.of("/dondoc/task-service", unit, clock).toRecord()).join();
        var taskId = UUID.randomUUID().toString();
        var due = stage == Stage.OVERDUE ? LocalDate.now(HANOI).minusDays(2) : LocalDate.now(HANOI).plusDays(
                stage == Stage.DUE ? 0 : 3);
        var deadline = new Deadline(DeadlineKind.DATE, due, due.atTime(17, 0).atZone(HANOI).toInstant(), null);
        var task = new TaskSummary("Tham mưu ban hành Kế hoạch triển khai thực hiện chuyển đổi số trong lĩnh vực y tế "
                + "trên địa bàn tỉnh giai đoạn 2026–2030, tầm nhìn đến năm 2035, bảo đảm đồng bộ với hệ thống "
                + "thông tin của Bộ Y tế và các đơn vị trực thuộc", "Kế hoạch", List.of(code), List.of(), deadline, null);
        var reminderId = ReminderId.of(taskId, code, stage, 1, null);
        var reminder = new ReminderDue(reminderId, taskId, code, UnitRole.LEAD, stage, 1, code, Instant.now(clock), task);
        var envelope = new Envelope<>(reminderId, "/dondoc/scheduler-service", Instant.now(clock), null, reminder);
        kafka.send(envelope.toRecord()).join();
        return envelope;
    }

    private static List<NotificationSent> sent(Envelope<ReminderDue> reminder) {
        return notifications.stream().map(Envelope::data).filter(NotificationSent.class::isInstance)
                .map(NotificationSent.class::cast).filter(sent -> sent.channel() == vn.dondoc.events.Channel.SMS
                        && sent.reminderId().equals(reminder.data().reminderId())).toList();
    }

    private static List<NotificationFailed> failed(Envelope<ReminderDue> reminder) {
        return notifications.stream().map(Envelope::data).filter(NotificationFailed.class::isInstance)
                .map(NotificationFailed.class::cast).filter(failed -> failed.channel() == vn.dondoc.events.Channel.SMS
                        && failed.reminderId().equals(reminder.data().reminderId())).toList();
    }
}
