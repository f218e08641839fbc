package vn.dondoc.scheduler.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.EventJson;
import vn.dondoc.events.ReminderPolicy;
import vn.dondoc.events.SourceDocument;
import vn.dondoc.events.Stage;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.UnitRole;

/** The stored form of a plan: everything comes back, the JSON of older versions still reads, a newer form is refused. */
class PlanCodecTests {

    private static final Instant T = Instant.parse("2026-05-20T03:00:00.123456789Z");

    @Test
    void readsBackEveryComponentOfAPlan() {
        ReminderPlan plan = everything();

        assertThat(PlanCodec.read(PlanCodec.write(plan))).isEqualTo(plan);
    }

    @Test
    void keepsAbsentValuesAbsentAndEmptyListsEmpty() {
        var task = new TaskAssigned("t-2", null, null, List.of(), null, null, null, null, null);
        var plan = new ReminderPlan("t-2", task, null, null, List.of(), List.of(), List.of(), null, null, 0, 1, null,
                null, List.of());

        ReminderPlan read = PlanCodec.read(PlanCodec.write(plan));

        assertThat(read).isEqualTo(plan);
        assertThat(read.assignment().leadUnits()).isNull();
        assertThat(read.assignment().coordinatingUnits()).isEmpty();
    }

    @Test
    void readsPlansStoredAsJsonByEarlierVersions() {
        ReminderPlan plan = everything();
        byte[] json = EventJson.MAPPER.writeValueAsBytes(plan);

        assertThat(PlanCodec.read(json)).isEqualTo(plan);
        assertThat(PlanCodec.write(plan)).hasSizeLessThan(json.length / 2);
    }

    @Test
    void refusesAFormatItDoesNotKnow() {
        byte[] newer = PlanCodec.write(everything());
        newer[0] = 2;

        assertThatThrownBy(() -> PlanCodec.read(newer)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown format");
    }

    @Test
    void refusesATruncatedPlan() {
        byte[] stored = PlanCodec.write(everything());

        assertThatThrownBy(() -> PlanCodec.read(Arrays.copyOf(stored, stored.length - 3)))
                .isInstanceOf(SerializationException.class);
    }

    private static ReminderPlan everything() {
        var policy = new ReminderPolicy(List.of(Duration.ofDays(7), Duration.ofHours(2), Duration.ZERO),
                Duration.ofDays(2), Duration.ofMillis(1500), Duration.ofDays(5), Boolean.TRUE);
        var deadline = new Deadline(DeadlineKind.FROM_DATE, LocalDate.of(2026, 5, 20), T, "Từ năm 2026",
                LocalDate.of(2026, 1, 1), "khi Trung ương ban hành Chiến lược");
        var source = new SourceDocument("123/TB-UBND", LocalDate.of(2024, 3, 5), "UBND tỉnh", "9.1",
                "I. Đổi mới mạnh mẽ tư duy");
        var task = new TaskAssigned("t-1", "Báo cáo tình hình thực hiện kế hoạch", List.of("NVY", "SYT"),
                List.of("STC"), "Báo cáo gửi Sở Y tế", deadline,
                new ReminderPolicy(null, null, Duration.ofDays(-1), null, null), source, T.minusSeconds(60));
        var units = List.of(
                new PlannedUnit("NVY", UnitRole.LEAD, true, false, 2, 3, 4, 5, T),
                new PlannedUnit("STC", UnitRole.COORDINATING, false, true, 0, 0, 0, 0, null));
        var pending = List.of(
                new PlannedReminder("t-1/NVY/due/3/r2", "NVY", UnitRole.LEAD, Stage.DUE, 3, 0, "NVY", T),
                new PlannedReminder("t-1/NVY/escalation/3/r2", "NVY", UnitRole.LEAD, Stage.ESCALATION, 3, 0, "UBND",
                        T.plus(Duration.ofDays(5))));
        return new ReminderPlan("t-1", task, new ReminderPlan.Origin("e-1", "/dondoc/task-service", T,
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), policy, units, pending,
                List.of("e-1", "e-2"), T.plusSeconds(1), Instant.ofEpochSecond(-5, 7), 2, 3, LocalDate.of(2026, 12, 15),
                T.minusMillis(1), List.of("t-1/NVY/before_due/3/r2/PT168H"));
    }
}
