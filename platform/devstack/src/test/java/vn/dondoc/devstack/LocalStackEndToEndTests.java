package vn.dondoc.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four services as real processes on the local stack: a task assigned over the API is mailed to its unit at
 * once, reminded at its due time, and the console's event log tells the story in order.
 */
class LocalStackEndToEndTests {

    private static final JsonMapper JSON = StackClient.JSON;
    private static final String MAILBOX = "nvy@soyte.local";

    private final String password = "e2e-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void mailsTheAssignmentAndTheDueReminderAndLogsTheEventsInOrder() throws Exception {
        Ports ports = Ports.free();
        var client = new StackClient(ports, password);
        // under java.io.tmpdir, which is target/ in this build: kept after the test for its services' logs
        Path data = Files.createTempDirectory("local-stack-e2e-");
        System.out.println("[e2e] services' logs: " + data.resolve("logs"));
        List<ProcessHandle> processes;
        try (var stack = LocalStack.start(Options.defaults().withData(data).withPorts(ports)
                .withAdminPassword(password).withStartupTimeout(Duration.ofMinutes(5)).withOut(StackClient.statusLinesOnly()))) {
            System.out.printf("[e2e] READY after %.1f s%n", stack.readyAfter().toMillis() / 1000.0);
            processes = stack.processes();
            String tasks = "http://localhost:" + ports.task();

            HttpResponse<String> unit = client.post(tasks + "/api/units", """
                    {"code":"NVY","name":"Phòng Nghiệp vụ Y","emails":["%s"],"phones":[],"supervisor":null}"""
                    .formatted(MAILBOX));
            assertThat(unit.statusCode()).as(unit.body()).isEqualTo(201);

            OffsetDateTime dueAt = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusSeconds(30)
                    .truncatedTo(ChronoUnit.SECONDS);
            HttpResponse<String> created = client.post(tasks + "/api/tasks", """
                    {"title":"Báo cáo kết quả triển khai bệnh án điện tử","leadUnits":["NVY"],
                     "deadline":{"dueAt":"%s"},
                     "policy":{"remindBefore":["PT0S"],"workingHoursOnly":false}}""".formatted(dueAt));
            Instant assignedAt = Instant.now();
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String taskId = JSON.readTree(created.body()).get("id").asString();

            List<StackClient.Email> assignment = await("the assignment email").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> client.inbox(MAILBOX), mails -> !mails.isEmpty());
            System.out.printf("[e2e] assignment email %.1f s after the task was created: %s%n",
                    Duration.between(assignedAt, Instant.now()).toMillis() / 1000.0, assignment);

            Duration untilDuePlusFive = Duration.between(Instant.now(), dueAt.toInstant().plusSeconds(5));
            List<StackClient.Email> all = await("the email at the due time").atMost(untilDuePlusFive.plusSeconds(1))
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> client.inbox(MAILBOX), mails -> mails.stream().anyMatch(
                            mail -> !mail.at().isBefore(dueAt.toInstant().minusSeconds(1))));
            StackClient.Email due = all.stream().filter(mail -> !mail.at().isBefore(dueAt.toInstant().minusSeconds(1)))
                    .findFirst().orElseThrow();
            System.out.printf("[e2e] due-time email %s after the due time %s: %s%n",
                    Duration.between(dueAt.toInstant(), due.at()), dueAt, due);
            // IMAP's arrival time has whole seconds
            assertThat(due.at()).isBetween(dueAt.toInstant().minusSeconds(1), dueAt.toInstant().plusSeconds(5));

            List<String> types = await("the event log").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> eventTypes(client, taskId),
                            logged -> containsInOrder(logged, "task.assigned", "reminder.due", "notification.sent"));
            System.out.println("[e2e] event log of " + taskId + ": " + types);
        }
        assertThat(processes).isNotEmpty().noneMatch(ProcessHandle::isAlive);
    }

    private static List<String> eventTypes(StackClient client, String taskId) throws Exception {
        return client.events(taskId).stream().map(event -> event.get("type").asString()).toList();
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
}
