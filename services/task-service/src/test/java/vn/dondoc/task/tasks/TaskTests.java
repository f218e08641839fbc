package vn.dondoc.task.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.TaskAcknowledged;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.TaskCancelled;
import vn.dondoc.events.TaskCompleted;
import vn.dondoc.events.TaskReported;
import vn.dondoc.task.units.UnitCode;

class TaskTests {

    private static final LocalDate DUE = LocalDate.of(2026, 12, 1);
    private static final UnitCode NVY = UnitCode.of("NVY");
    private static final UnitCode NVD = UnitCode.of("NVD");

    @Test
    void recordsTheAssignmentWithLeadAndCoordinatingUnits() {
        var task = aTask().coordinatedBy(NVD, NVY).build();

        assertThat(task.recordedEvents()).singleElement().isInstanceOfSatisfying(TaskAssigned.class, assigned -> {
            assertThat(assigned.taskId()).isEqualTo(task.id());
            assertThat(assigned.leadUnits()).containsExactly("NVY");
            assertThat(assigned.coordinatingUnits()).as("a lead unit is not also coordinating").containsExactly("NVD");
            assertThat(assigned.deadline().dueAt()).isEqualTo(at(DUE, 17, 0).instant());
        });
        assertThat(task.units()).extracting(UnitAssignment::state).containsOnly(UnitState.ASSIGNED);
    }

    @Test
    void isInTimeMoreThanThreeDaysBeforeTheDueDay() {
        var task = aTask().build();

        assertThat(task.status(at(DUE.minusDays(4), 23, 59))).isEqualTo(TaskStatus.CHUA_HOAN_THANH_TRONG_HAN);
    }

    @Test
    void isDueSoonWithinThreeCalendarDays() {
        var task = aTask().build();

        assertThat(task.status(at(DUE.minusDays(3), 7, 0))).isEqualTo(TaskStatus.SAP_DEN_HAN);
        assertThat(task.status(at(DUE, 17, 0))).as("at the due instant itself").isEqualTo(TaskStatus.SAP_DEN_HAN);
        assertThat(TaskStatus.SAP_DEN_HAN.label()).isEqualTo("Sắp đến hạn");
    }

    @Test
    void isOverdueAfterFivePmOnTheDueDay() {
        var task = aTask().build();

        assertThat(task.status(at(DUE, 17, 1))).isEqualTo(TaskStatus.QUA_HAN);
    }

    @Test
    void isCompletedOnTimeWhenEveryLeadUnitReportedBeforeTheDeadline() {
        var task = aTask().ledBy(NVY, NVD).build();

        task.report(NVY, "Đã ban hành", null, Origin.api(), at(DUE.minusDays(2), 9, 0));
        assertThat(task.status(at(DUE.minusDays(2), 9, 0))).as("one lead unit still working").isEqualTo(TaskStatus.SAP_DEN_HAN);
        task.report(NVD, "Đã ban hành", null, Origin.api(), at(DUE, 16, 0));

        assertThat(task.status(at(DUE.plusYears(1), 0, 0))).isEqualTo(TaskStatus.HOAN_THANH_DUNG_HAN);
        assertThat(task.recordedEvents()).last().isInstanceOfSatisfying(TaskCompleted.class,
                completed -> assertThat(completed.onTime()).isTrue());
    }

    @Test
    void isCompletedLateWhenTheLastReportCameAfterTheDeadline() {
        var task = aTask().build();

        task.report(NVY, "Muộn", null, Origin.api(), at(DUE.plusDays(1), 8, 0));

        assertThat(task.status(at(DUE.plusDays(2), 8, 0))).isEqualTo(TaskStatus.HOAN_THANH_QUA_HAN);
        assertThat(task.recordedEvents()).last().isInstanceOfSatisfying(TaskCompleted.class,
                completed -> assertThat(completed.onTime()).isFalse());
    }

    @Test
    void hasNoDeadlineCategoryWhenContinuous() {
        var task = aTask().due(new Deadline(DeadlineKind.CONTINUOUS, null, null, "Thường xuyên")).build();

        assertThat(task.status(at(DUE.plusYears(5), 0, 0))).isEqualTo(TaskStatus.KHONG_THOI_HAN);
    }

    @Test
    void acknowledgingTwiceChangesNothing() {
        var task = aTask().build();

        task.acknowledge(NVY, Origin.api(), at(DUE.minusDays(10), 9, 0));
        task.acknowledge(NVY, Origin.api(), at(DUE.minusDays(9), 9, 0));

        assertThat(task.recordedEvents()).filteredOn(TaskAcknowledged.class::isInstance).hasSize(1);
        assertThat(task.units().getFirst().acknowledgedAt()).isEqualTo(at(DUE.minusDays(10), 9, 0).instant());
    }

    @Test
    void refusesAReportFromACoordinatingUnit() {
        var task = aTask().coordinatedBy(NVD).build();

        assertThatThrownBy(() -> task.report(NVD, "x", null, Origin.api(), at(DUE, 9, 0))).isInstanceOf(UnitNotOnTask.class);
        assertThat(task.recordedEvents()).noneMatch(TaskReported.class::isInstance);
    }

    @Test
    void cancellingRecordsTheReasonAndClosesTheTask() {
        var task = aTask().build();

        task.cancel("Trùng với nhiệm vụ khác", at(DUE.minusDays(20), 9, 0));

        assertThat(task.status(at(DUE.plusDays(1), 9, 0))).isEqualTo(TaskStatus.DA_HUY);
        assertThat(task.recordedEvents()).last().isInstanceOfSatisfying(TaskCancelled.class,
                cancelled -> assertThat(cancelled.reason()).isEqualTo("Trùng với nhiệm vụ khác"));
        assertThatThrownBy(() -> task.cancel("lại", at(DUE, 9, 0))).isInstanceOf(TaskClosed.class);
        assertThatThrownBy(() -> task.acknowledge(NVY, Origin.api(), at(DUE, 9, 0))).isInstanceOf(TaskClosed.class);
    }

    /** A fixed clock at a wall-clock time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
    private static Clock at(LocalDate day, int hour, int minute) {
        return Clock.fixed(LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).toInstant(ZoneOffset.ofHours(7)),
                ZoneOffset.UTC);
    }

    private static Builder aTask() {
        return new Builder();
    }

    private static final class Builder {
        private List<UnitCode> leads = List.of(NVY);
        private List<UnitCode> coordinating = List.of();
        private Deadline deadline = Deadlines.onDay(DUE);

        Builder ledBy(UnitCode... units) {
            leads = List.of(units);
            return this;
        }

        Builder coordinatedBy(UnitCode... units) {
            coordinating = List.of(units);
            return this;
        }

        Builder due(Deadline deadline) {
            this.deadline = deadline;
            return this;
        }

        Task build() {
            Clock assignedAt = at(DUE.minusMonths(1), 9, 0);
            return Task.assign(TaskId.next(assignedAt), "Tham mưu ban hành Kế hoạch", leads, coordinating,
                    "Kế hoạch", deadline, null, null, assignedAt);
        }
    }
}
