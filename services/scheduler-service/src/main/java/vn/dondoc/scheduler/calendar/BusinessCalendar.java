package vn.dondoc.scheduler.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Working days and hours from {@link CalendarProperties}: a day is a working day unless it is a configured
 * holiday, or a weekend day not decreed a working day. Working hours run from workday start to workday end,
 * both included.
 */
public final class BusinessCalendar {

    /** How far ahead the holiday table must reach before {@link #coverageWarnings} complains. */
    static final int COVERAGE_DAYS = 60;

    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CalendarProperties properties;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekends;

    public BusinessCalendar(CalendarProperties properties) {
        this.properties = properties;
        this.holidays = properties.holidays().values().stream()
                .flatMap(List::stream)
                .flatMap(Holiday::days)
                .collect(Collectors.toUnmodifiableSet());
        this.workingWeekends = Set.copyOf(properties.workingWeekends());
    }

    public boolean isWorkingDay(LocalDate date) {
        if (holidays.contains(date)) {
            return false;
        }
        return workingWeekends.contains(date) || !properties.weekend().contains(date.getDayOfWeek());
    }

    /** The instant itself when it falls in working hours, otherwise the start of the next working day. */
    public Instant nextWorkingSlot(Instant instant) {
        ZonedDateTime local = instant.atZone(properties.zone());
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (isWorkingDay(date)) {
            if (time.isBefore(properties.workdayStart())) {
                return workingDayStart(date);
            }
            if (!time.isAfter(properties.workdayEnd())) {
                return instant;
            }
        }
        return workingDayStart(nextWorkingDay(date));
    }

    /** The business time zone: where "a day" starts and ends. */
    public ZoneId zone() {
        return properties.zone();
    }

    /** The end of working hours on that date, whether or not it is a working day. */
    public Instant workingDayEnd(LocalDate date) {
        return date.atTime(properties.workdayEnd()).atZone(properties.zone()).toInstant();
    }

    /** The last working day strictly before the date: where a reminder for something due on a holiday goes. */
    public LocalDate previousWorkingDay(LocalDate date) {
        LocalDate day = date.minusDays(1);
        while (!isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /**
     * One warning (Vietnamese, then English) per calendar year between today and {@value #COVERAGE_DAYS} days ahead
     * that the holiday table has no entries for; empty when the table covers the window.
     */
    public List<String> coverageWarnings(LocalDate today) {
        LocalDate horizon = today.plusDays(COVERAGE_DAYS);
        List<String> warnings = new ArrayList<>();
        for (int year = today.getYear(); year <= horizon.getYear(); year++) {
            if (properties.holidays().getOrDefault(year, List.of()).isEmpty()) {
                warnings.add(("Bảng ngày nghỉ lễ, Tết (dondoc.calendar.holidays) chưa có năm %d, cần cho %d ngày tới "
                        + "(đến %s): nhắc việc có thể được gửi vào ngày nghỉ lễ. Hãy bổ sung lịch nghỉ năm %d. / "
                        + "The holiday table (dondoc.calendar.holidays) has no entries for %d, needed for the next %d days "
                        + "(until %s): reminders may go out on public holidays. Add the %d holidays.")
                        .formatted(year, COVERAGE_DAYS, VIETNAMESE_DATE.format(horizon), year,
                                year, COVERAGE_DAYS, horizon, year));
            }
        }
        return List.copyOf(warnings);
    }

    private LocalDate nextWorkingDay(LocalDate date) {
        // terminates: the holidays are finite and the weekend leaves at least one working day a week
        LocalDate day = date.plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The start of working hours on that date, whether or not it is a working day. */
    public Instant workingDayStart(LocalDate date) {
        return date.atTime(properties.workdayStart()).atZone(properties.zone()).toInstant();
    }
}
