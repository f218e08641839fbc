package vn.dondoc.console.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dondoc.console.ConsoleTest;
import vn.dondoc.console.eventlog.LoggedEvent;
import vn.dondoc.events.Topics;

/** The board's facts: whatever batches bring them (replayed, overlapping, out of order), each counts once. */
@ConsoleTest
class TaskFactsTests {

    @Autowired
    TaskProjection projection;

    @Test
    void foldsReplayedAndOverlappingBatchesIntoTheSameState() {
        String taskId = "T-" + UUID.randomUUID();
        long offset = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        Instant t0 = Instant.parse("2026-11-20T23:59:59.900Z"); // the facts span two days
        LoggedEvent assigned = event(taskId, offset, "task.assigned", t0, Map.of("title", "Báo cáo A",
                "leadUnits", List.of("NVY"), "coordinatingUnits", List.of(), "deadline", Map.of("kind", "DATE", "dueDate", "2026-12-01")));
        LoggedEvent acknowledged = event(taskId, offset + 1, "task.acknowledged", t0.plusSeconds(1), Map.of("unit", "NVY"));
        LoggedEvent updated = event(taskId, offset + 2, "task.updated", t0.plusSeconds(2), Map.of("title", "Báo cáo B",
                "leadUnits", List.of("NVY", "KHTH"), "coordinatingUnits", List.of(), "deadline", Map.of("kind", "DATE", "dueDate", "2026-12-01")));
        LoggedEvent reported = event(taskId, offset + 3, "task.reported", t0.plusSeconds(3), Map.of("unit", "NVY"));

        projection.apply(List.of(updated, acknowledged));
        projection.apply(List.of(assigned, acknowledged, reported));
        projection.apply(List.of(reported, updated, assigned, acknowledged));

        Document task = projection.tasks().get(taskId);
        assertThat(task.getString("title")).as("the newest description, whatever arrived last").isEqualTo("Báo cáo B");
        assertThat(task.getList("leadUnits", String.class)).containsExactly("NVY", "KHTH");
        assertThat(task.getList("acknowledged", String.class)).containsExactly("NVY");
        assertThat(task.getList("reported", String.class)).containsExactly("NVY");
        assertThat(task.getDate("assignedAt").toInstant()).isEqualTo(t0);
        assertThat(TaskBoard.entry(task, t0).standing()).isEqualTo(Standing.IN_TIME);
    }

    private static LoggedEvent event(String taskId, long offset, String type, Instant time, Map<String, Object> data) {
        Map<String, Object> all = new HashMap<>(data);
        all.put("taskId", taskId);
        return new LoggedEvent(Topics.TASKS + "/0/" + offset, UUID.randomUUID().toString(), type, time, taskId,
                "NVY", List.of("NVY"), Topics.TASKS, 0, offset, null, List.of(), all, null, Instant.now(), taskId);
    }
}
