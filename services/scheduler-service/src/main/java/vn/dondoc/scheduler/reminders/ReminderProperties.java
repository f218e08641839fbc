package vn.dondoc.scheduler.reminders;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.dondoc.events.ReminderPolicy;

/**
 * The default reminder policy (DESIGN §2), used for every part a task's own policy leaves open.
 *
 * @param remindBefore       offsets before the due instant; {@code PT0S} is the due-day reminder
 * @param repeatOverdueEvery how often an overdue unit is reminded again
 * @param ackWithin          re-send the assignment to a unit that has not acknowledged within this
 * @param escalateAfter      overdue this long: also notify the unit's supervisor
 * @param workingHoursOnly   send only 07:30–17:00 on working days in Asia/Ho_Chi_Minh
 * @param checkEvery         how often the scheduler looks for reminders that have fallen due
 */
@ConfigurationProperties("dondoc.reminders")
record ReminderProperties(@DefaultValue({"P7D", "P3D", "P1D", "PT0S"}) List<Duration> remindBefore,
                          @DefaultValue("P2D") Duration repeatOverdueEvery,
                          @DefaultValue("P2D") Duration ackWithin,
                          @DefaultValue("P5D") Duration escalateAfter,
                          @DefaultValue("true") boolean workingHoursOnly,
                          @DefaultValue("250ms") Duration checkEvery) {

    ReminderPolicy defaultPolicy() {
        return new ReminderPolicy(List.copyOf(remindBefore), repeatOverdueEvery, ackWithin, escalateAfter, workingHoursOnly);
    }
}
