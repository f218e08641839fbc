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
import vn.dondoc.events.DeadlineExtended;
import vn.dondoc.events.TaskCompleted;
import vn.dondoc.events.TaskReopened;
import vn.dondoc.events.TaskUpdated;
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

    @Test
    void updatingKeepsTheProgressOfUnitsThatStay() {
        var task = aTask().ledBy(NVY, NVD).build();
        task.acknowledge(NVY, Origin.api(), at(DUE.minusDays(10), 9, 0));
        var khth = UnitCode.of("KHTH");

        task.update("Tên mới", List.of(NVY), List.of(khth), "Báo cáo", Deadlines.onDay(DUE.plusDays(5)), List.of(),
                null, at(DUE.minusDays(9), 9, 0));

        assertThat(task.units()).extracting(UnitAssignment::code, UnitAssignment::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NVY", UnitState.ACKNOWLEDGED),
                        org.assertj.core.groups.Tuple.tuple("KHTH", UnitState.ASSIGNED));
        assertThat(task.recordedEvents()).last().isInstanceOfSatisfying(TaskUpdated.class, updated -> {
            assertThat(updated.title()).isEqualTo("Tên mới");
            assertThat(updated.leadUnits()).containsExactly("NVY");
            assertThat(updated.coordinatingUnits()).containsExactly("KHTH");
            assertThat(updated.deadline().dueDate()).isEqualTo(DUE.plusDays(5));
            assertThat(updated.policy()).isEqualTo(task.policy());
        });
        int events = task.recordedEvents().size();
        task.update("Tên mới", List.of(NVY), List.of(khth), "Báo cáo", Deadlines.onDay(DUE.plusDays(5)), List.of(),
                null, at(DUE.minusDays(8), 9, 0));
        assertThat(task.recordedEvents()).as("nothing changed, nothing told").hasSize(events);
    }

    @Test
    void completesWhenTheOnlyLeadUnitStillWorkingIsTakenOff() {
        var task = aTask().ledBy(NVY, NVD).build();
        task.report(NVY, "Xong", null, Origin.api(), at(DUE.minusDays(5), 9, 0));

        task.update(task.title(), List.of(NVY), List.of(), task.expectedOutput(), task.deadline(), List.of(), null,
                at(DUE.minusDays(4), 9, 0));

        assertThat(task.status(at(DUE.minusDays(4), 9, 0))).isEqualTo(TaskStatus.HOAN_THANH_DUNG_HAN);
        assertThat(task.recordedEvents()).last().isInstanceOf(TaskCompleted.class);
    }

    @Test
    void extendingTheDeadlineRecordsThePreviousOneAndTheReason() {
        var task = aTask().build();
        var later = Deadlines.onDay(DUE.plusMonths(1));

        task.extend(later, List.of(), "Chờ hướng dẫn của Bộ", at(DUE.minusDays(1), 9, 0));

        assertThat(task.deadline()).isEqualTo(later);
        assertThat(task.status(at(DUE.plusDays(1), 9, 0))).isEqualTo(TaskStatus.CHUA_HOAN_THANH_TRONG_HAN);
        assertThat(task.recordedEvents()).last().isInstanceOfSatisfying(DeadlineExtended.class, extended -> {
            assertThat(extended.previous().dueDate()).isEqualTo(DUE);
            assertThat(extended.deadline()).isEqualTo(later);
            assertThat(extended.reason()).isEqualTo("Chờ hướng dẫn của Bộ");
        });
    }

    @Test
    void reopensACancelledOrCompletedTaskButNotAnOpenOne() {
        var task = aTask().build();
        assertThatThrownBy(() -> task.reopen("?", at(DUE, 9, 0))).isInstanceOf(TaskNotClosed.class);
        task.report(NVY, "Xong", null, Origin.api(), at(DUE.minusDays(5), 9, 0));

        task.reopen("Hồ sơ chưa đủ", at(DUE.minusDays(4), 9, 0));

        assertThat(task.status(at(DUE.minusDays(4), 9, 0))).isEqualTo(TaskStatus.CHUA_HOAN_THANH_TRONG_HAN);
        assertThat(task.units().getFirst().state()).isEqualTo(UnitState.ACKNOWLEDGED);
        assertThat(task.recordedEvents()).last().isInstanceOfSatisfying(TaskReopened.class,
                reopened -> assertThat(reopened.reason()).isEqualTo("Hồ sơ chưa đủ"));
        task.cancel("Trùng", at(DUE.minusDays(3), 9, 0));
        task.reopen("Không trùng", at(DUE.minusDays(3), 10, 0));
        assertThat(task.cancelledAt()).isNull();
        task.report(NVY, "Xong", null, Origin.api(), at(DUE.plusDays(1), 9, 0));
        assertThat(task.status(at(DUE.plusDays(1), 9, 0))).isEqualTo(TaskStatus.HOAN_THANH_QUA_HAN);
    }

    @Test
    void readsDeadlinesWrittenInWords() {
        var deadlines = new Deadlines();

        var month = deadlines.fromText("trong tháng 12/2026");
        assertThat(month.deadline().kind()).isEqualTo(DeadlineKind.MONTH);
        assertThat(month.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(month.deadline().dueAt()).isEqualTo(at(LocalDate.of(2026, 12, 31), 17, 0).instant());
        assertThat(month.notes()).isEmpty();
        var trigger = deadlines.fromText("Năm 2026, Khi Trung ương ban hành Chiến lược");
        assertThat(trigger.deadline().condition()).isEqualTo("Khi Trung ương ban hành Chiến lược");
        var continuous = deadlines.fromText("Thường xuyên");
        assertThat(continuous.deadline().kind()).isEqualTo(DeadlineKind.CONTINUOUS);
        assertThat(continuous.deadline().dueAt()).isNull();
        var from = deadlines.fromText("Từ năm 2026");
        assertThat(from.deadline().startDate()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(deadlines.fromText("xin chờ").notes()).as("accepted, but a person should look").isNotEmpty();
        assertThatThrownBy(() -> deadlines.fromText("trước ngày 31/2/2026")).isInstanceOf(DeadlineNotUnderstood.class);
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
