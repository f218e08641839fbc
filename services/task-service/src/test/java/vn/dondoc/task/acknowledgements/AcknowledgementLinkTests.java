package vn.dondoc.task.acknowledgements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.ReportRejected;
import vn.dondoc.events.TaskAcknowledged;
import vn.dondoc.events.TaskCompleted;
import vn.dondoc.events.TaskReported;
import vn.dondoc.events.Topics;
import vn.dondoc.events.links.AckToken;
import vn.dondoc.events.links.AckToken.Purpose;
import vn.dondoc.events.links.AckTokens;
import vn.dondoc.task.Api;
import vn.dondoc.task.Topic;
import vn.dondoc.testing.RealInfrastructure;

/**
 * The public pages of signed links, over real HTTP against the whole service: opening changes nothing, only the
 * page's form does, and every kind of bad link gets a friendly page with the right status and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dondoc.admin.password=" + Api.PASSWORD,
        "dondoc.links.trusted-proxies=127.0.0.1",
        "dondoc.links.flood.burst=20",
        "dondoc.links.flood.per-minute=20"})
@RealInfrastructure
class AcknowledgementLinkTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The notifier's key pair of this test deployment. */
    private static final KeyPair KEYS = AckTokens.generateKeyPair();

    @DynamicPropertySource
    static void publicKey(DynamicPropertyRegistry registry) {
        registry.add("dondoc.links.public-key", () -> AckTokens.pem(KEYS.getPublic()));
    }

    @LocalServerPort
    int port;

    @Test
    void showsTheTaskWithOneAcknowledgementButtonAndNoScript() {
        var api = Api.asAdmin(port);
        String unit = registerUnit(api);
        String taskId = assign(api, List.of(unit), List.of());

        var page = browser().get(token(taskId, unit, Purpose.ACK));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("Kiểm tra công tác phòng chống dịch", "01/12/2026",
                "Văn bản số 123/TB-UBND ngày 05/03/2024 của UBND tỉnh", "mục 9.1", "Chưa hoàn thành", unit,
                "Xác nhận đã nhận nhiệm vụ", "name=\"_csrf\"");
        assertThat(page.body().split("<form", -1)).hasSize(2);
        assertThat(page.body()).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onload")
                .doesNotContain("Báo cáo hoàn thành</button>");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        assertThat(page.headers().firstValue("Referrer-Policy").orElseThrow()).isEqualTo("no-referrer");
    }

    @Test
    void acknowledgesOnlyWhenTheFormIsSentAndTwiceIsHarmless() {
        var api = Api.asAdmin(port);
        String unit = registerUnit(api);
        String other = registerUnit(api);
        String taskId = assign(api, List.of(unit, other), List.of());
        String token = token(taskId, unit, Purpose.ACK);
        String address = newAddress();
        var browser = new LinkClient(port, address);

        assertThat(browser.get(token).status()).isEqualTo(200);
        assertThat(browser.head(token).status()).isEqualTo(200);
        assertThat(browser.get(token).status()).isEqualTo(200);
        assertThat(state(api, taskId, unit)).isEqualTo("ASSIGNED");

        var done = browser.acknowledge(token);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Đã ghi nhận: đơn vị " + unit + " xác nhận đã nhận nhiệm vụ lúc")
                .doesNotContain("Xác nhận đã nhận nhiệm vụ</button>")
                .contains("Báo cáo hoàn thành</button>");
        assertThat(state(api, taskId, unit)).isEqualTo("ACKNOWLEDGED");
        assertThat(state(api, taskId, other)).isEqualTo("ASSIGNED");

        var again = browser.acknowledge(token);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("Đơn vị " + unit + " đã xác nhận nhận nhiệm vụ này trước đó, lúc");
        var fromElsewhere = new LinkClient(port, newAddress()).get(token);
        assertThat(fromElsewhere.body()).doesNotContain("Xác nhận đã nhận nhiệm vụ</button>");

        try (var events = new Topic(Topics.TASKS)) {
            await().atMost(PATIENCE).until(() -> !acknowledgements(events, taskId).isEmpty());
            var acknowledged = (TaskAcknowledged) acknowledgements(events, taskId).getFirst().value().data();
            assertThat(acknowledged.unit()).isEqualTo(unit);
            assertThat(acknowledged.channel()).isEqualTo("link");
            assertThat(acknowledged.remoteAddress()).isEqualTo(address);
            assertThat(acknowledged.userAgent()).isEqualTo(LinkClient.USER_AGENT);
            // the relay publishes in order: a later event proves a second acknowledgement would have been seen
            cancel(api, taskId);
            await().atMost(PATIENCE).until(() -> events.records(Topic.keyed(taskId)).stream()
                    .anyMatch(r -> r.value().data() instanceof vn.dondoc.events.TaskCancelled));
            assertThat(acknowledgements(events, taskId)).hasSize(1);
        }
    }

    @Test
    void reportsAndCompletesTheTaskWhenEveryLeadUnitHasReported() {
        var api = Api.asAdmin(port);
        String first = registerUnit(api);
        String second = registerUnit(api);
        String coordinating = registerUnit(api);
        String taskId = assign(api, List.of(first, second), List.of(coordinating));

        var reported = browser().report(token(taskId, first, Purpose.REPORT), "Đã tổ chức kiểm tra 12 cơ sở",
                "45/BC-NVY");
        assertThat(reported.status()).isEqualTo(200);
        assertThat(reported.body()).contains("Đã ghi nhận: đơn vị " + first + " báo cáo hoàn thành lúc");
        assertThat(state(api, taskId, first)).isEqualTo("REPORTED");

        var coordinatingReport = browser().post(token(taskId, coordinating, Purpose.REPORT), Map.of());
        assertThat(coordinatingReport.status()).isEqualTo(403);

        var coordinatingPage = browser();
        assertThat(coordinatingPage.get(token(taskId, coordinating, Purpose.REPORT)).body()).doesNotContain("<form");
        // the session's CSRF token, from the page of its acknowledgement link
        var page = coordinatingPage.get(token(taskId, coordinating, Purpose.ACK));
        var refused = coordinatingPage.post(token(taskId, coordinating, Purpose.REPORT),
                Map.of("_csrf", page.csrf(), "action", "report", "note", "Xong"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Chỉ đơn vị chủ trì báo cáo hoàn thành");

        var empty = browser().report(token(taskId, second, Purpose.REPORT), "  ", null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Hãy ghi vài dòng về kết quả thực hiện");
        assertThat(state(api, taskId, second)).isEqualTo("ASSIGNED");

        var secondUnit = browser();
        String reportLink = token(taskId, second, Purpose.REPORT);
        var form = Map.of("_csrf", secondUnit.get(reportLink).csrf(), "action", "report", "note", "Hoàn thành");
        var last = secondUnit.post(reportLink, form);
        assertThat(last.body()).contains("nhiệm vụ đã hoàn thành");
        assertThat(api.get("/api/tasks/" + taskId).json().get("status").asString()).isEqualTo("HOAN_THANH_DUNG_HAN");
        var twice = secondUnit.post(reportLink, form);
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.body()).contains("đã báo cáo hoàn thành trước đó, lúc");

        var rejected = api.post("/api/tasks/" + taskId + "/units/" + first + "/reject", """
                {"reason":"Thiếu biên bản kiểm tra"}""");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(state(api, taskId, first)).isEqualTo("ACKNOWLEDGED");
        assertThat(api.get("/api/tasks/" + taskId).json().get("status").asString()).isNotEqualTo("HOAN_THANH_DUNG_HAN");
        assertThat(api.post("/api/tasks/" + taskId + "/units/" + first + "/reject", """
                {"reason":"lại"}""").status()).isEqualTo(409);
        assertThat(api.post("/api/tasks/" + taskId + "/units/" + first + "/reject", "{}").status()).isEqualTo(400);
        assertThat(Api.anonymous(port).post("/api/tasks/" + taskId + "/units/" + second + "/reject", """
                {"reason":"x"}""").status()).isEqualTo(401);

        try (var events = new Topic(Topics.TASKS)) {
            await().atMost(PATIENCE).until(() -> events.records(Topic.keyed(taskId)).stream()
                    .anyMatch(r -> r.value().data() instanceof ReportRejected));
            var data = events.records(Topic.keyed(taskId)).stream().map(r -> r.value().data()).toList();
            assertThat(data).filteredOn(TaskReported.class::isInstance).hasSize(2)
                    .first().isInstanceOfSatisfying(TaskReported.class, report -> {
                        assertThat(report.unit()).isEqualTo(first);
                        assertThat(report.note()).isEqualTo("Đã tổ chức kiểm tra 12 cơ sở");
                        assertThat(report.document()).isEqualTo("45/BC-NVY");
                        assertThat(report.channel()).isEqualTo("link");
                        assertThat(report.userAgent()).isEqualTo(LinkClient.USER_AGENT);
                    });
            assertThat(data).filteredOn(TaskCompleted.class::isInstance).hasSize(1);
            assertThat(data).filteredOn(ReportRejected.class::isInstance).singleElement()
                    .isInstanceOfSatisfying(ReportRejected.class, rejection -> {
                        assertThat(rejection.unit()).isEqualTo(first);
                        assertThat(rejection.reason()).isEqualTo("Thiếu biên bản kiểm tra");
                    });
        }
        var reportAgain = browser().get(token(taskId, first, Purpose.ACK));
        assertThat(reportAgain.body()).contains("Báo cáo hoàn thành</button>");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void refusesEveryKindOfBadLinkWithAFriendlyPageAndChangesNothing(CapturedOutput log) {
        var api = Api.asAdmin(port);
        String unit = registerUnit(api);
        String stranger = registerUnit(api);
        String taskId = assign(api, List.of(unit), List.of());
        String good = token(taskId, unit, Purpose.ACK);
        var browser = browser();

        char last = good.charAt(good.length() - 2);
        String forged = good.substring(0, good.length() - 2) + (last == 'A' ? 'B' : 'A') + good.charAt(good.length() - 1);
        refused(browser.get(forged), 403, "Liên kết không hợp lệ");
        String otherDeployment = AckTokens.sign(new AckToken(taskId, unit, Purpose.ACK, 1, inDays(30)),
                AckTokens.generateKeyPair().getPrivate());
        refused(browser.get(otherDeployment), 403, "Liên kết không hợp lệ");
        refused(browser.get(token(taskId, stranger, Purpose.ACK)), 403, "Đơn vị không được giao nhiệm vụ này");
        refused(browser.get(token("T-0000000000ZZZZZZZZ", unit, Purpose.ACK)), 404, "Không tìm thấy nhiệm vụ");
        refused(browser.get(AckTokens.sign(new AckToken(taskId, unit, Purpose.ACK, 1,
                Instant.now().minus(1, ChronoUnit.HOURS)), KEYS.getPrivate())), 410, "Liên kết đã hết hạn");
        refused(browser.get("khong-phai-token"), 400, "Liên kết không hợp lệ");
        refused(browser.get("abc!def"), 400, "Liên kết không hợp lệ");
        refused(browser.get(good.substring(0, good.length() - 10)), 400, "Liên kết không hợp lệ");
        refused(browser.get("A".repeat(5000)), 400, "Liên kết không hợp lệ");
        refused(browser.post(good, Map.of("action", "ack")), 403, "Không thể ghi nhận");
        refused(browser.post(good, Map.of("action", "ack", "_csrf", "doan-bua")), 403, "Không thể ghi nhận");
        refused(new LinkClient(port, newAddress()).post(good, Map.of("action", "ack", "_csrf", browser.get(good).csrf())),
                403, "Không thể ghi nhận");
        assertThat(browser.head(forged).status()).isEqualTo(403);
        refused(browser.get(good + "/them"), 404, "Không tìm thấy trang");
        refused(browser.get(""), 404, "Không tìm thấy trang");

        assertThat(state(api, taskId, unit)).isEqualTo("ASSIGNED");
        assertThat(state(api, taskId, stranger)).isNull();

        cancel(api, taskId);
        refused(browser.get(good), 410, "Nhiệm vụ đã bị hủy");
        var page = new LinkClient(port, newAddress());
        refused(page.post(good, Map.of("action", "ack")), 403, "Không thể ghi nhận");
        assertThat(state(api, taskId, unit)).isEqualTo("ASSIGNED");
        assertThat(log.getAll()).contains("Refused GET /ack/", "BAD_SIGNATURE", "EXPIRED", "OVERSIZED", "MALFORMED",
                "is cancelled", "not on task", "MissingCsrfTokenException", "InvalidCsrfTokenException");
    }

    @Test
    void refusesAFloodFromOneAddressButNotOthers() {
        var api = Api.asAdmin(port);
        String unit = registerUnit(api);
        String taskId = assign(api, List.of(unit), List.of());
        String token = token(taskId, unit, Purpose.ACK);
        var flooder = browser();

        var statuses = new java.util.ArrayList<Integer>();
        for (int i = 0; i < 25; i++) {
            statuses.add(flooder.get(i % 2 == 0 ? token : "rac-" + i).status());
        }

        assertThat(statuses).contains(429);
        assertThat(statuses.subList(0, 20)).doesNotContain(429);
        var flooded = flooder.get(token);
        refused(flooded, 429, "Quá nhiều yêu cầu");
        assertThat(flooded.headers().firstValue("Retry-After")).contains("60");
        assertThat(browser().get(token).status()).isEqualTo(200);
        assertThat(state(api, taskId, unit)).isEqualTo("ASSIGNED");
    }

    private static void refused(LinkClient.Page page, int status, String heading) {
        assertThat(page.status()).as(page.body()).isEqualTo(status);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains(heading, "Không có gì được ghi nhận")
                .doesNotContain("Exception", "at vn.", "Whitelabel", "<form", "<script");
    }

    private LinkClient browser() {
        return new LinkClient(port, newAddress());
    }

    private static String newAddress() {
        var random = ThreadLocalRandom.current();
        return "10.%d.%d.%d".formatted(random.nextInt(256), random.nextInt(256), random.nextInt(1, 255));
    }

    static String token(String taskId, String unit, Purpose purpose) {
        return AckTokens.sign(new AckToken(taskId, unit, purpose, 1, inDays(30)), KEYS.getPrivate());
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS);
    }

    private static List<ConsumerRecord<String, Envelope<?>>> acknowledgements(Topic events, String taskId) {
        return events.records(Topic.keyed(taskId)).stream()
                .filter(record -> record.value().data() instanceof TaskAcknowledged).toList();
    }

    private static String state(Api api, String taskId, String unit) {
        for (var each : api.get("/api/tasks/" + taskId).json().get("units")) {
            if (each.get("code").asString().equals(unit)) {
                return each.get("state").asString();
            }
        }
        return null;
    }

    private static void cancel(Api api, String taskId) {
        assertThat(api.post("/api/tasks/" + taskId + "/cancel", """
                {"reason":"Trùng nhiệm vụ khác"}""").status()).isEqualTo(200);
    }

    @Test
    void escapesMarkupInTitles() {
        var api = Api.asAdmin(port);
        String unit = "X" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        assertThat(api.post("/api/units", """
                {"code":"%s","name":"<img src=x onerror=alert(1)> Phòng & Ban"}""".formatted(unit)).status())
                .isEqualTo(201);
        var created = api.post("/api/tasks", """
                {"title":"<script>alert('x')</script> Báo cáo \\"khẩn\\"","leadUnits":["%s"],
                 "deadline":{"date":"2026-12-01"}}""".formatted(unit));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        var page = browser().get(token(created.json().get("id").asString(), unit, Purpose.ACK));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Báo cáo &quot;khẩn&quot;")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img");
    }

    private static String registerUnit(Api api) {
        String code = "A" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        var response = api.post("/api/units", """
                {"code":"%s","name":"Đơn vị %s","emails":["%s@syt.example.vn"]}""".formatted(code, code, code.toLowerCase()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return code;
    }

    private static String assign(Api api, List<String> leads, List<String> coordinating) {
        var created = api.post("/api/tasks", """
                {"title":"Kiểm tra công tác phòng chống dịch","leadUnits":%s,"coordinatingUnits":%s,
                 "deadline":{"date":"2026-12-01"},
                 "source":{"number":"123/TB-UBND","date":"2024-03-05","issuer":"UBND tỉnh","item":"9.1"}}"""
                .formatted(json(leads), json(coordinating)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String json(List<String> codes) {
        return codes.stream().map(code -> "\"" + code + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
