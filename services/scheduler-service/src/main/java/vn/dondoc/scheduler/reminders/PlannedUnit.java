package vn.dondoc.scheduler.reminders;

import java.time.Instant;
import vn.dondoc.events.UnitRole;

/**
 * A unit of a task as the scheduler sees it: its role, and how far it has got.
 *
 * @param notified          the assignment notice has gone out
 * @param acknowledged      the unit confirmed receipt: no more assignment re-sends
 * @param reportedCycle     the last cycle the unit reported for (0: none); a unit reported for the current cycle
 *                          gets no more reminders of it
 * @param ackResends        assignment re-sends sent so far (the next one is number {@code ackResends + 1})
 * @param overdueRepeats    overdue reminders sent for the current deadline
 * @param progressReminders progress reminders sent for the current deadline (continuous tasks)
 * @param notifiedAt        when the assignment notice was due to go out: assignment re-sends count from there
 */
record PlannedUnit(String code, UnitRole role, boolean notified, boolean acknowledged, int reportedCycle,
                   int ackResends, int overdueRepeats, int progressReminders, Instant notifiedAt) {

    static PlannedUnit assigned(String code, UnitRole role) {
        return new PlannedUnit(code, role, false, false, 0, 0, 0, 0, null);
    }

    boolean reportedFor(int cycle) {
        return reportedCycle >= cycle;
    }

    PlannedUnit as(UnitRole newRole) {
        return new PlannedUnit(code, newRole, notified, acknowledged, reportedCycle, ackResends, overdueRepeats,
                progressReminders, notifiedAt);
    }

    PlannedUnit notifiedOfAssignment(Instant at) {
        return new PlannedUnit(code, role, true, acknowledged, reportedCycle, ackResends, overdueRepeats, progressReminders, at);
    }

    PlannedUnit acknowledge() {
        return new PlannedUnit(code, role, notified, true, reportedCycle, ackResends, overdueRepeats, progressReminders, notifiedAt);
    }

    /** A report also shows the task arrived. */
    PlannedUnit report(int cycle) {
        return new PlannedUnit(code, role, notified, true, Math.max(reportedCycle, cycle), ackResends, overdueRepeats,
                progressReminders, notifiedAt);
    }

    /** The unit's report for {@code cycle} no longer stands (rejected, or the task reopened): its part is open again. */
    PlannedUnit reportWithdrawn(int cycle) {
        return new PlannedUnit(code, role, notified, acknowledged, Math.min(reportedCycle, cycle - 1), ackResends,
                overdueRepeats, progressReminders, notifiedAt);
    }

    PlannedUnit resent(int resends) {
        return new PlannedUnit(code, role, notified, acknowledged, reportedCycle, resends, overdueRepeats, progressReminders, notifiedAt);
    }

    PlannedUnit remindedOverdue(int repeats) {
        return new PlannedUnit(code, role, notified, acknowledged, reportedCycle, ackResends, repeats, progressReminders, notifiedAt);
    }

    PlannedUnit remindedOfProgress(int reminders) {
        return new PlannedUnit(code, role, notified, acknowledged, reportedCycle, ackResends, overdueRepeats, reminders, notifiedAt);
    }

    /** A new deadline or policy: the repeats of the old one no longer count. */
    PlannedUnit withRepeatsReset() {
        return new PlannedUnit(code, role, notified, acknowledged, reportedCycle, ackResends, 0, 0, notifiedAt);
    }
}
