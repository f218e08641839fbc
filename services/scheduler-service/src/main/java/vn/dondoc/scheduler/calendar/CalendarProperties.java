package vn.dondoc.scheduler.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When reminders may be sent (DESIGN §2, {@code workingHoursOnly}). The holiday table is data, not code:
 * Vietnam fixes Tết and the swapped days year by year, so {@code calendar.yml} gets a new year each December.
 *
 * @param zone            the business time zone
 * @param workdayStart    first moment of a working day
 * @param workdayEnd      last moment of a working day (included: a date deadline falls due at 17:00 and its
 *                        due-day reminder must still go out then)
 * @param weekend         weekly days off
 * @param holidays        days off by year, the year's entries possibly spilling into the next or previous one;
 *                        a year without entries counts as not yet configured
 * @param workingWeekends weekend days decreed as working days in exchange for a bridged weekday
 */
@ConfigurationProperties("dondoc.calendar")
public record CalendarProperties(@DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
                                 @DefaultValue("07:30") LocalTime workdayStart,
                                 @DefaultValue("17:00") LocalTime workdayEnd,
                                 @DefaultValue({"SATURDAY", "SUNDAY"}) Set<DayOfWeek> weekend,
                                 Map<Integer, List<Holiday>> holidays,
                                 List<LocalDate> workingWeekends) {

    public CalendarProperties {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(workdayStart, "workdayStart");
        Objects.requireNonNull(workdayEnd, "workdayEnd");
        if (!workdayStart.isBefore(workdayEnd)) {
            throw new IllegalArgumentException(
                    "dondoc.calendar.workday-start (%s) must be before workday-end (%s)".formatted(workdayStart, workdayEnd));
        }
        weekend = Set.copyOf(Objects.requireNonNullElse(weekend, Set.of()));
        if (weekend.size() == DayOfWeek.values().length) {
            throw new IllegalArgumentException("dondoc.calendar.weekend leaves no working day in the week");
        }
        holidays = copyOf(Objects.requireNonNullElse(holidays, Map.of()));
        workingWeekends = List.copyOf(Objects.requireNonNullElse(workingWeekends, List.of()));
        for (LocalDate day : workingWeekends) {
            if (!weekend.contains(day.getDayOfWeek())) {
                throw new IllegalArgumentException(
                        "dondoc.calendar.working-weekends: %s is a %s, not a weekend day".formatted(day, day.getDayOfWeek()));
            }
        }
    }

    private static Map<Integer, List<Holiday>> copyOf(Map<Integer, List<Holiday>> holidays) {
        var copy = new HashMap<Integer, List<Holiday>>();
        holidays.forEach((year, entries) -> {
            List<Holiday> list = List.copyOf(Objects.requireNonNullElse(entries, List.<Holiday>of()));
            for (Holiday holiday : list) {
                // catches the classic copy-paste slip of last year's dates under the new year
                if (!holiday.overlapsYear(year)) {
                    throw new IllegalArgumentException("dondoc.calendar.holidays.%d: '%s' (%s..%s) is not in %d"
                            .formatted(year, holiday.name(), holiday.from(), holiday.to(), year));
                }
            }
            copy.put(year, list);
        });
        return Map.copyOf(copy);
    }
}
