package vn.dondoc.events;

import java.time.Duration;
import java.util.List;

/**
 * When a task's units are reminded (DESIGN §2). Null components mean "the scheduler's default".
 *
 * @param remindBefore       offsets before the due instant, e.g. P7D, P3D, P1D, PT0S
 * @param repeatOverdueEvery how often an overdue unit is reminded again
 * @param ackWithin          re-send the assignment to a unit that has not acknowledged within this
 * @param escalateAfter      overdue this long: also notify the unit's supervisor
 * @param workingHoursOnly   send only 07:30–17:00 on working days in Asia/Ho_Chi_Minh
 */
public record ReminderPolicy(List<Duration> remindBefore, Duration repeatOverdueEvery, Duration ackWithin,
                             Duration escalateAfter, Boolean workingHoursOnly) {

    public static ReminderPolicy defaults() {
        return new ReminderPolicy(null, null, null, null, null);
    }
}
