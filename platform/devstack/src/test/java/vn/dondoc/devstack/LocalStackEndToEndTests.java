package vn.dondoc.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four services as real processes on the local stack: a task assigned over the API is mailed to its unit at
 * once, reminded at its due time, and the console's event log tells the story in order.
 */
class LocalStackEndToEndTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MAILBOX = "nvy@soyte.local";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String password = "e2e-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void mailsTheAssignmentAndTheDueReminderAndLogsTheEventsInOrder() throws Exception {
        Ports ports = Ports.free();
        // under java.io.tmpdir, which is target/ in this build: kept after the test for its services' logs
        Path data = Files.createTempDirectory("local-stack-e2e-");
        System.out.println("[e2e] services' logs: " + data.resolve("logs"));
        List<ProcessHandle> processes;
        try (var stack = LocalStack.start(Options.defaults().withData(data).withPorts(ports)
                .withAdminPassword(password).withStartupTimeout(Duration.ofMinutes(5)).withOut(statusLinesOnly()))) {
            System.out.printf("[e2e] READY after %.1f s%n", stack.readyAfter().toMillis() / 1000.0);
            processes = stack.processes();
            String tasks = "http://localhost:" + ports.task();

            HttpResponse<String> unit = post(tasks + "/api/units", """
                    {"code":"NVY","name":"Phòng Nghiệp vụ Y","emails":["%s"],"phones":[],"supervisor":null}"""
                    .formatted(MAILBOX));
            assertThat(unit.statusCode()).as(unit.body()).isEqualTo(201);

            OffsetDateTime dueAt = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusSeconds(60)
                    .truncatedTo(ChronoUnit.SECONDS);
            HttpResponse<String> created = post(tasks + "/api/tasks", """
                    {"title":"Báo cáo kết quả triển khai bệnh án điện tử","leadUnits":["NVY"],
                     "deadline":{"dueAt":"%s"},
                     "policy":{"remindBefore":["PT0S"],"workingHoursOnly":false}}""".formatted(dueAt));
            Instant assignedAt = Instant.now();
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String taskId = JSON.readTree(created.body()).get("id").asString();

            List<Received> assignment = await("the assignment email").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> inbox(ports.imap()), mails -> !mails.isEmpty());
            System.out.printf("[e2e] assignment email %.1f s after the task was created: %s%n",
                    Duration.between(assignedAt, Instant.now()).toMillis() / 1000.0, assignment);

            Duration untilDuePlusFive = Duration.between(Instant.now(), dueAt.toInstant().plusSeconds(5));
            List<Received> all = await("the email at the due time").atMost(untilDuePlusFive.plusSeconds(1))
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> inbox(ports.imap()), mails -> mails.stream().anyMatch(
                            mail -> !mail.at().isBefore(dueAt.toInstant().minusSeconds(1))));
            Received due = all.stream().filter(mail -> !mail.at().isBefore(dueAt.toInstant().minusSeconds(1)))
                    .findFirst().orElseThrow();
            System.out.printf("[e2e] due-time email %s after the due time %s: %s%n",
                    Duration.between(dueAt.toInstant(), due.at()), dueAt, due);
            // IMAP's arrival time has whole seconds
            assertThat(due.at()).isBetween(dueAt.toInstant().minusSeconds(1), dueAt.toInstant().plusSeconds(5));

            String console = "http://localhost:" + ports.console();
            List<String> types = await("the event log").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> eventTypes(console, taskId),
                            logged -> containsInOrder(logged, "task.assigned", "reminder.due", "notification.sent"));
            System.out.println("[e2e] event log of " + taskId + ": " + types);
        }
        assertThat(processes).isNotEmpty().noneMatch(ProcessHandle::isAlive);
    }

    /** The stack's own lines; the services' output stays in their log files, so the build output stays readable. */
    private static PrintStream statusLinesOnly() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                if (Options.ALL_SERVICES.stream().noneMatch(service -> line.startsWith("[" + service + "] "))) {
                    super.println(line);
                }
            }
        };
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> eventTypes(String console, String taskId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(console + "/api/events?taskId=" + taskId)).timeout(Duration.ofSeconds(10))
                .header("Authorization", basic()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var types = new ArrayList<String>();
        for (JsonNode event : JSON.readTree(response.body())) {
            types.add(event.get("type").asString());
        }
        return types;
    }

    private static boolean containsInOrder(List<String> logged, String... expected) {
        int next = 0;
        for (String type : logged) {
            if (next < expected.length && type.equals(expected[next])) {
                next++;
            }
        }
        return next == expected.length;
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    record Received(String subject, Instant at, String reminderId) {
    }

    /** The unit's mailbox as a mail client sees it (GreenMail IMAP; login and password are the address). */
    private static List<Received> inbox(int imapPort) throws MessagingException {
        var store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("localhost", imapPort, MAILBOX, MAILBOX);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            var received = new ArrayList<Received>();
            for (Message message : inbox.getMessages()) {
                String[] reminderId = message.getHeader("X-Dondoc-Reminder-Id");
                received.add(new Received(message.getSubject(), message.getReceivedDate().toInstant(),
                        reminderId == null ? null : reminderId[0]));
            }
            inbox.close(false);
            return received;
        } finally {
            store.close();
        }
    }
}
