package vn.dondoc.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dondoc.testing.Browser;

/**
 * The signed links of real reminder emails on the local stack (the four services as processes): a person opens the
 * link from the mailbox in Chromium and presses the button; a mail scanner that fetches and renders every link of
 * an email acknowledges nothing; and an acknowledgement or a report reaches the scheduler, which stops that unit's
 * re-sends or reminders only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcknowledgementLinkBrowserTests {

    private static final JsonMapper JSON = StackClient.JSON;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final String password = "ack-" + UUID.randomUUID().toString().substring(0, 8);
    private LocalStack stack;
    private Ports ports;
    private StackClient client;

    @BeforeAll
    void startTheStack() throws Exception {
        ports = Ports.free();
        client = new StackClient(ports, password);
        Path data = Files.createTempDirectory("local-stack-ack-");
        System.out.println("[ack] services' logs: " + data.resolve("logs"));
        stack = LocalStack.start(Options.defaults().withData(data).withPorts(ports).withAdminPassword(password)
                .withStartupTimeout(Duration.ofMinutes(5)).withOut(StackClient.statusLinesOnly()));
        assertThat(data.resolve("keys").resolve("links-public.pem")).isRegularFile();
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void acknowledgesThroughTheEmailedLinkInARealBrowser() throws Exception {
        String unit = registerUnit();
        String taskId = assign("Báo cáo tiến độ tiêm chủng mở rộng", List.of(unit), null);
        var email = await("the assignment email").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> client.inbox(mailbox(unit)), mails -> !mails.isEmpty()).getFirst();
        String ackLink = email.links().stream().filter(link -> link.contains("/ack/")).findFirst().orElseThrow();
        assertThat(ackLink).startsWith("http://localhost:" + ports.task() + "/ack/");

        WebDriver browser = Browser.chromium();
        try {
            browser.get(ackLink);
            Browser.screenshot(browser, SCREENSHOTS.resolve("ack-1-page.png"));
            // as a phone shows it: the page has to work there, where most people open their mail
            browser.manage().window().setSize(new Dimension(390, 844));
            Browser.screenshot(browser, SCREENSHOTS.resolve("ack-1-page-phone.png"));
            assertThat(browser.getPageSource()).contains("Báo cáo tiến độ tiêm chủng mở rộng");
            var button = browser.findElement(By.xpath("//button[normalize-space()='Xác nhận đã nhận nhiệm vụ']"));

            button.click();

            await("the confirmation").atMost(PATIENCE).until(() -> browser.getPageSource()
                    .contains("Đã ghi nhận: đơn vị " + unit + " xác nhận đã nhận nhiệm vụ lúc"));
            Browser.screenshot(browser, SCREENSHOTS.resolve("ack-2-confirmed.png"));
        } finally {
            browser.quit();
        }
        assertThat(unitState(taskId, unit)).isEqualTo("ACKNOWLEDGED");
        JsonNode acknowledged = await("task.acknowledged in the console's event log").atMost(PATIENCE)
                .ignoreExceptions().until(() -> client.events(taskId).stream()
                        .filter(event -> event.get("type").asString().equals("task.acknowledged")).toList(),
                        found -> !found.isEmpty()).getFirst();
        assertThat(acknowledged.get("data").get("unit").asString()).isEqualTo(unit);
        assertThat(acknowledged.get("data").get("channel").asString()).isEqualTo("link");
        assertThat(acknowledged.get("data").get("userAgent").asString()).contains("Chrome");
    }

    @Test
    void aMailScannerFetchingAndRenderingEveryLinkAcknowledgesNothing() throws Exception {
        String unit = registerUnit();
        String taskId = assign("Rà soát danh mục thuốc thiết yếu", List.of(unit), null);
        var email = await("the assignment email").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> client.inbox(mailbox(unit)), mails -> !mails.isEmpty()).getFirst();
        assertThat(email.reminderId()).isNotNull();
        assertThat(email.links()).anyMatch(link -> link.contains("/ack/"));

        var scanner = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        WebDriver browser = Browser.chromium();
        try {
            int shot = 0;
            for (String link : email.links()) {
                for (String method : List.of("GET", "HEAD")) {
                    var response = scanner.send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(30))
                            .header("User-Agent", "Mozilla/5.0 (compatible; SafeLinksScanner/1.0)")
                            .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.ofString());
                    System.out.printf("[ack] scanner %s %s → %d%n", method, abbreviated(link), response.statusCode());
                }
                browser.get(link);
                Browser.screenshot(browser, SCREENSHOTS.resolve("scanner-" + (++shot) + ".png"));
            }
        } finally {
            browser.quit();
        }

        assertThat(unitState(taskId, unit)).isEqualTo("ASSIGNED");
        // a later event of the same task, in order behind anything the scan could have caused
        var cancelled = client.post("http://localhost:" + ports.task() + "/api/tasks/" + taskId + "/cancel",
                "{\"reason\":\"Kết thúc kiểm thử\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        List<String> types = await("task.cancelled in the event log").atMost(PATIENCE).ignoreExceptions()
                .until(() -> client.events(taskId).stream().map(event -> event.get("type").asString()).toList(),
                        logged -> logged.contains("task.cancelled"));
        assertThat(types).doesNotContain("task.acknowledged", "task.reported", "task.completed");
    }

    @Test
    void theSchedulerStopsReSendingToTheUnitThatAcknowledgedAndRemindingTheUnitThatReported() throws Exception {
        String acknowledging = registerUnit();
        String waiting = registerUnit();
        String taskId = assign("Tổng hợp số liệu khám chữa bệnh quý IV", List.of(acknowledging, waiting), "PT20S");
        var email = await("the assignment email").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> client.inbox(mailbox(acknowledging)), mails -> !mails.isEmpty()).getFirst();
        String ackLink = email.links().stream().filter(link -> link.contains("/ack/")).findFirst().orElseThrow();
        var person = new FormClient();

        assertThat(person.press(ackLink, "ack", null).body()).contains("Đã ghi nhận");
        // a re-send already on its way when the acknowledgement arrived (a slow mail) is not the scheduler's fault
        var acknowledgedAt = java.time.Instant.now().plusSeconds(2);

        await("the acknowledging unit's re-sends taken off its schedule").atMost(PATIENCE).ignoreExceptions()
                .until(() -> upcoming(taskId), plan -> plan.stream().noneMatch(
                        r -> r[0].equals(acknowledging) && r[1].equals("ACK_RESEND")));
        List<JsonNode> reSends = await("a re-send of the assignment to the other unit").atMost(PATIENCE)
                .ignoreExceptions().until(() -> client.events(taskId).stream()
                        .filter(e -> e.get("type").asString().equals("reminder.due")
                                && e.get("data").get("stage").asString().equals("ACK_RESEND")
                                && java.time.OffsetDateTime.parse(e.get("time").asString()).toInstant()
                                        .isAfter(acknowledgedAt)).toList(),
                        found -> found.stream().anyMatch(e -> e.get("data").get("unit").asString().equals(waiting)));
        assertThat(reSends).allSatisfy(e -> assertThat(e.get("data").get("unit").asString()).isEqualTo(waiting));

        String reportLink = email.links().stream().filter(link -> link.contains("/ack/") && !link.equals(ackLink))
                .findFirst().orElseThrow();
        assertThat(person.press(reportLink, "report", "Đã gửi số liệu quý IV").body())
                .contains("báo cáo hoàn thành lúc");
        await("the reporting unit's reminders taken off its schedule").atMost(PATIENCE).ignoreExceptions()
                .until(() -> upcoming(taskId), plan -> plan.stream().noneMatch(r -> r[0].equals(acknowledging))
                        && plan.stream().anyMatch(r -> r[0].equals(waiting)));
        assertThat(unitState(taskId, waiting)).isEqualTo("ASSIGNED");
    }

    /** A person's browser without the browser: opens the page, then sends its form with the session's CSRF field. */
    private final class FormClient {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> press(String link, String action, String note) throws Exception {
            var page = client.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(csrf.find()).as(page.body()).isTrue();
            String form = "_csrf=" + enc(csrf.group(1)) + "&action=" + action + (note == null ? "" : "&note=" + enc(note));
            return client.send(HttpRequest.newBuilder(URI.create(link)).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static String enc(String value) {
            return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    private String registerUnit() throws Exception {
        String code = "L" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        var created = client.post("http://localhost:" + ports.task() + "/api/units", """
                {"code":"%s","name":"Phòng %s","emails":["%s"],"phones":[]}""".formatted(code, code, mailbox(code)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return code;
    }

    private static String mailbox(String unit) {
        return unit.toLowerCase() + "@soyte.local";
    }

    private String assign(String title, List<String> leads, String ackWithin) throws Exception {
        String due = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(10).toString();
        String policy = ackWithin == null ? "{\"remindBefore\":[\"P1D\"],\"workingHoursOnly\":false}"
                : "{\"remindBefore\":[\"P1D\"],\"ackWithin\":\"%s\",\"workingHoursOnly\":false}".formatted(ackWithin);
        var created = client.post("http://localhost:" + ports.task() + "/api/tasks", """
                {"title":"%s","leadUnits":%s,"deadline":{"date":"%s"},"policy":%s,
                 "source":{"number":"45/TB-SYT","date":"2026-11-02","issuer":"Sở Y tế","item":"3"}}"""
                .formatted(title, JSON.writeValueAsString(leads), due, policy));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asString();
    }

    private String unitState(String taskId, String unit) throws Exception {
        var task = JSON.readTree(client.get("http://localhost:" + ports.task() + "/api/tasks/" + taskId).body());
        for (JsonNode each : task.get("units")) {
            if (each.get("code").asString().equals(unit)) {
                return each.get("state").asString();
            }
        }
        return null;
    }

    /** The scheduler's upcoming reminders of the task as (unit, stage) pairs. */
    private List<String[]> upcoming(String taskId) throws Exception {
        var response = client.get("http://localhost:" + ports.scheduler() + "/api/schedules/" + taskId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var pairs = new ArrayList<String[]>();
        for (JsonNode reminder : JSON.readTree(response.body()).get("upcoming")) {
            pairs.add(new String[] {reminder.get("unit").asString(), reminder.get("stage").asString()});
        }
        return pairs;
    }

    private static String abbreviated(String link) {
        return link.length() > 60 ? link.substring(0, 60) + "…" : link;
    }
}
