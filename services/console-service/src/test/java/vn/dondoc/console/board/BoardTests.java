package vn.dondoc.console.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import vn.dondoc.console.ConsoleTest;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.Event;
import vn.dondoc.events.ReportRejected;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.TaskCancelled;
import vn.dondoc.events.TaskCompleted;
import vn.dondoc.events.TaskReopened;
import vn.dondoc.events.TaskReported;
import vn.dondoc.events.TaskUpdated;

@ConsoleTest
class BoardTests {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, Envelope<?>> kafka;
    @Autowired
    TaskBoard board;

    @Test
    void placesEachTaskOfAUnitInItsOfficialCategory() throws Exception {
        String unit = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        LocalDate today = LocalDate.now(VIETNAM);
        String overdue = assign(unit, "Quá hạn", onDate(today.minusDays(5)));
        String soon = assign(unit, "Sắp đến hạn", onDate(today.plusDays(2)));
        String inTime = assign(unit, "Trong hạn", onDate(today.plusDays(10)));
        String doneOnTime = assign(unit, "Xong đúng hạn", onDate(today.plusDays(10)));
        String doneLate = assign(unit, "Xong quá hạn", onDate(today.minusDays(3)));
        String continuous = assign(unit, "Thường xuyên", new Deadline(DeadlineKind.CONTINUOUS, null, null, "Thường xuyên"));
        String awaiting = assign(unit, "Chờ Trung ương",
                new Deadline(DeadlineKind.AWAITING_TRIGGER, null, null, "Theo hướng dẫn của Trung ương"));
        String cancelled = assign(unit, "Đã hủy", onDate(today.plusDays(10)));
        publish(new TaskReported(doneOnTime, unit, Instant.now(), "Đã ban hành", null, "link", null, null),
                new TaskCompleted(doneOnTime, Instant.now(), true),
                new TaskCompleted(doneLate, Instant.now(), false),
                new TaskCancelled(cancelled, "Trùng nhiệm vụ khác", Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> {
            TaskBoard.UnitRow row = rowOf(unit);
            assertThat(row.counts()).containsExactlyInAnyOrderEntriesOf(Map.of(Standing.OVERDUE, 1, Standing.DUE_SOON, 1,
                    Standing.IN_TIME, 1, Standing.DONE_ON_TIME, 1, Standing.DONE_LATE, 1, Standing.NO_DEADLINE, 1));
        });
        TaskBoard.UnitRow row = rowOf(unit);
        assertThat(row.open()).extracting(TaskBoard.Entry::taskId).as("most overdue first, only open tasks")
                .startsWith(overdue).containsExactlyInAnyOrder(overdue, soon, inTime, continuous);
        assertThat(row.open().getFirst().overdueDays()).isEqualTo(5);
        assertThat(board.board().awaitingTrigger()).extracting(TaskBoard.Entry::taskId).contains(awaiting);

        HttpResponse<String> page = http("/board");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Chưa hoàn thành – trong hạn", "Sắp đến hạn", "Quá hạn 5 ngày", "Hoàn thành đúng hạn",
                "Hoàn thành quá hạn", "Không thời hạn", "Chờ điều kiện bên ngoài", "Chờ Trung ương", unit)
                .doesNotContain("Đã hủy");
    }

    @Test
    void keepsTheNewestDescriptionWhateverOrderTheUpdatesArriveIn() throws Exception {
        String unit = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        LocalDate today = LocalDate.now(VIETNAM);
        String taskId = "T-" + UUID.randomUUID();
        Instant t0 = Instant.now();
        var assigned = new TaskAssigned(taskId, "Bản đầu", List.of(unit), List.of(), null, onDate(today.plusDays(30)),
                null, null, t0);
        var newer = new TaskUpdated(taskId, "Bản mới <nhất>", List.of(unit), List.of(), null, onDate(today.plusDays(1)),
                null, null, t0.plusSeconds(10));
        var older = new TaskUpdated(taskId, "Bản cũ", List.of(unit), List.of(), null, onDate(today.plusDays(20)),
                null, null, t0.plusSeconds(5));
        publishAt(assigned, t0);
        publishAt(newer, t0.plusSeconds(10));
        publishAt(older, t0.plusSeconds(5)); // arrives last but is older
        publishAt(newer, t0.plusSeconds(10)); // a replay

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(rowOf(unit).open()).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.title()).isEqualTo("Bản mới <nhất>");
                    assertThat(entry.standing()).isEqualTo(Standing.DUE_SOON);
                }));
        assertThat(http("/board").body()).contains("Bản mới &lt;nhất&gt;").doesNotContain("Bản mới <nhất>");
    }

    @Test
    void opensAReopenedTaskAgainEvenWhenItsCompletionIsReplayed() throws Exception {
        String unit = "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String taskId = "T-" + UUID.randomUUID();
        Instant t0 = Instant.now();
        var completed = new TaskCompleted(taskId, t0.plusSeconds(1), false);
        publishAt(new TaskAssigned(taskId, "Mở lại", List.of(unit), List.of(), null, onDate(LocalDate.now(VIETNAM).minusDays(2)),
                null, null, t0), t0);
        publishAt(new TaskReported(taskId, unit, t0.plusSeconds(1), "Xong", null, "link", null, null), t0.plusSeconds(1));
        publishAt(completed, t0.plusSeconds(1));
        publishAt(new ReportRejected(taskId, unit, "Thiếu số liệu", t0.plusSeconds(2)), t0.plusSeconds(2));
        publishAt(new TaskReopened(taskId, "Báo cáo chưa đạt", t0.plusSeconds(2)), t0.plusSeconds(2));
        publishAt(completed, t0.plusSeconds(1)); // a replay of the old completion

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(rowOf(unit).open()).singleElement().satisfies(entry -> {
            assertThat(entry.standing()).isEqualTo(Standing.OVERDUE);
            assertThat(entry.overdueDays()).isEqualTo(2);
            assertThat(entry.reported()).isEmpty();
        }));
    }

    private TaskBoard.UnitRow rowOf(String unit) {
        return board.board().units().stream().filter(row -> row.unit().equals(unit)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + unit));
    }

    private static Deadline onDate(LocalDate date) {
        return new Deadline(DeadlineKind.DATE, date, date.atTime(17, 0).atZone(VIETNAM).toInstant(),
                "trước ngày " + date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear());
    }

    private String assign(String unit, String title, Deadline deadline) throws Exception {
        String taskId = "T-" + UUID.randomUUID();
        publish(new TaskAssigned(taskId, title, List.of(unit), List.of("KHTC"), "Báo cáo", deadline, null, null, Instant.now()));
        return taskId;
    }

    private void publish(Event... events) throws Exception {
        for (Event event : events) {
            kafka.send(new Envelope<>(UUID.randomUUID().toString(), "/dondoc/task-service", Instant.now(), null, event)
                    .toRecord()).get();
        }
    }

    private void publishAt(Event event, Instant time) {
        try {
            kafka.send(new Envelope<>(UUID.randomUUID().toString(), "/dondoc/task-service", time, null, event).toRecord()).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> http(String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + ConsoleTest.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .timeout(PATIENCE).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
