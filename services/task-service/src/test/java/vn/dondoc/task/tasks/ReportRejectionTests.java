package vn.dondoc.task.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dondoc.events.ReminderPolicy;
import vn.dondoc.events.ReportRejected;
import vn.dondoc.events.TaskCompleted;
import vn.dondoc.task.units.UnitCode;

class ReportRejectionTests {

    private static final LocalDate DUE = LocalDate.of(2026, 12, 1);
    private static final UnitCode NVY = UnitCode.of("NVY");
    private static final UnitCode NVD = UnitCode.of("NVD");
    private static final Origin LINK = new Origin("link", "203.0.113.7", "Mozilla/5.0");

    @Test
    void rejectingAReportReopensThatUnitAndTheTaskItCompleted() {
        var task = Task.assign(new TaskId("T-1"), "Ban hành kế hoạch", List.of(NVY, NVD), List.of(), null,
                Deadlines.onDay(DUE), ReminderPolicy.defaults(), null, at(DUE.minusDays(10), 9));
        task.report(NVY, "Đã ban hành", "12/KH-NVY", LINK, at(DUE.minusDays(2), 9));
        task.report(NVD, "Đã phối hợp", null, LINK, at(DUE.minusDays(1), 9));
        assertThat(task.recordedEvents()).last().isInstanceOf(TaskCompleted.class);

        task.rejectReport(NVY, "Thiếu kế hoạch kèm theo", at(DUE.minusDays(1), 10));

        assertThat(task.recordedEvents()).last().isInstanceOfSatisfying(ReportRejected.class, rejected -> {
            assertThat(rejected.unit()).isEqualTo("NVY");
            assertThat(rejected.reason()).isEqualTo("Thiếu kế hoạch kèm theo");
        });
        assertThat(task.units()).filteredOn(unit -> unit.code().equals("NVY")).singleElement()
                .satisfies(unit -> {
                    assertThat(unit.state()).isEqualTo(UnitState.ACKNOWLEDGED);
                    assertThat(unit.reportedAt()).isNull();
                    assertThat(unit.acknowledgedAt()).isNotNull();
                });
        assertThat(task.completedAt()).isNull();
        assertThat(task.status(at(DUE.minusDays(1), 11))).isEqualTo(TaskStatus.SAP_DEN_HAN);

        task.report(NVY, "Đã bổ sung", "12/KH-NVY", LINK, at(DUE, 9));
        assertThat(task.recordedEvents()).last().isInstanceOf(TaskCompleted.class);
    }

    @Test
    void onlyAReportCanBeRejected() {
        var task = Task.assign(new TaskId("T-2"), "Ban hành kế hoạch", List.of(NVY), List.of(), null,
                Deadlines.onDay(DUE), ReminderPolicy.defaults(), null, at(DUE.minusDays(10), 9));

        assertThatThrownBy(() -> task.rejectReport(NVY, "?", at(DUE.minusDays(2), 9)))
                .isInstanceOf(UnitNotOnTask.class);
        task.cancel("Trùng", at(DUE.minusDays(2), 10));
        assertThatThrownBy(() -> task.rejectReport(NVY, "?", at(DUE.minusDays(2), 11))).isInstanceOf(TaskClosed.class);
    }

    private static Clock at(LocalDate day, int hour) {
        return Clock.fixed(LocalDateTime.of(day, LocalTime.of(hour, 0)).toInstant(ZoneOffset.ofHours(7)), ZoneOffset.UTC);
    }
}
