package vn.dondoc.scheduler.reminders;

import java.time.Duration;
import java.time.MonthDay;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.dondoc.events.ReminderPolicy;

/**
 * The default reminder policy (DESIGN §2), used for every part a task's own policy leaves open, and the timing of
 * the deadline kinds that have no date of their own.
 *
 * @param remindBefore       offsets before the due instant; the due reminder itself is always sent
 * @param repeatOverdueEvery how often an overdue unit is reminded again
 * @param ackWithin          re-send the assignment to a unit that has not acknowledged within this
 * @param escalateAfter      overdue this long: also notify the unit's supervisor
 * @param workingHoursOnly   send only 07:30–17:00 on working days in Asia/Ho_Chi_Minh
 * @param checkEvery         how often the scheduler looks for reminders that have fallen due
 * @param maxFiredPerCheck   most reminders sent by one check (one stream thread loop), so that a huge backlog
 *                           cannot hold the stream thread past its poll interval
 * @param progressEvery      cadence of the progress reminders of continuous tasks ({@code Thường xuyên}, {@code Từ năm …})
 * @param recurring          due days of the recurring kinds
 */
@ConfigurationProperties("dondoc.reminders")
record ReminderProperties(@DefaultValue({"P7D", "P3D", "P1D", "PT0S"}) List<Duration> remindBefore,
                          @DefaultValue("P2D") Duration repeatOverdueEvery,
                          @DefaultValue("P2D") Duration ackWithin,
                          @DefaultValue("P5D") Duration escalateAfter,
                          @DefaultValue("true") boolean workingHoursOnly,
                          @DefaultValue("250ms") Duration checkEvery,
                          @DefaultValue("10000") int maxFiredPerCheck,
                          @DefaultValue("P3M") Period progressEvery,
                          @DefaultValue Recurring recurring) {

    ReminderProperties {
        if (maxFiredPerCheck < 1) {
            throw new IllegalArgumentException("dondoc.reminders.max-fired-per-check must be at least 1");
        }
        if (progressEvery.isZero() || progressEvery.isNegative()) {
            throw new IllegalArgumentException("dondoc.reminders.progress-every must be positive, e.g. P3M");
        }
    }

    /** The defaults with the usual timing of the other settings (tests and benchmarks). */
    static ReminderProperties of(List<Duration> remindBefore, Duration repeatOverdueEvery, Duration ackWithin,
                                 Duration escalateAfter, boolean workingHoursOnly, Duration checkEvery) {
        return new ReminderProperties(remindBefore, repeatOverdueEvery, ackWithin, escalateAfter, workingHoursOnly, checkEvery, 10000,
                Period.ofMonths(3), new Recurring("12-15", 15, 15));
    }

    ReminderPolicy defaultPolicy() {
        return new ReminderPolicy(List.copyOf(remindBefore), repeatOverdueEvery, ackWithin, escalateAfter, workingHoursOnly);
    }

    /**
     * When each cycle of a recurring task falls due (a date deadline: 17:00 that day). The defaults follow the
     * reporting periods of Nghị định 09/2019/NĐ-CP (figures close on the 14th; yearly on 14/12), so the report is
     * asked for the day after: the 15th of the month, of the last month of the quarter, and 15/12.
     *
     * @param yearlyDue        {@code MM-dd}, default {@code 12-15}
     * @param quarterlyDueDay  day of the quarter's last month (Mar, Jun, Sep, Dec), default 15
     * @param monthlyDueDay    day of the month, default 15; past the month's end means its last day
     */
    record Recurring(@DefaultValue("12-15") String yearlyDue,
                     @DefaultValue("15") int quarterlyDueDay,
                     @DefaultValue("15") int monthlyDueDay) {

        Recurring {
            yearlyDay(yearlyDue);
            if (quarterlyDueDay < 1 || quarterlyDueDay > 31 || monthlyDueDay < 1 || monthlyDueDay > 31) {
                throw new IllegalArgumentException("dondoc.reminders.recurring: due days are 1..31");
            }
        }

        MonthDay yearlyDay() {
            return yearlyDay(yearlyDue);
        }

        private static MonthDay yearlyDay(String value) {
            try {
                return MonthDay.parse("--" + value.strip());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "dondoc.reminders.recurring.yearly-due must be MM-dd, e.g. 12-15, not '%s'".formatted(value));
            }
        }
    }
}
