package vn.dondoc.scheduler.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test data: a calendar with the default hours and weekend, and the holidays a test names. */
final class CalendarBuilder {

    private final Map<Integer, List<Holiday>> holidays = new HashMap<>();
    private final List<LocalDate> workingWeekends = new ArrayList<>();

    static CalendarBuilder aCalendar() {
        return new CalendarBuilder();
    }

    /** Entries as in calendar.yml, e.g. {@code "2026-02-14..2026-02-22 Tết Nguyên đán"}. */
    CalendarBuilder holidays(int year, String... entries) {
        holidays.computeIfAbsent(year, y -> new ArrayList<>())
                .addAll(Arrays.stream(entries).map(Holiday::of).toList());
        return this;
    }

    CalendarBuilder workingOn(String weekendDay) {
        workingWeekends.add(LocalDate.parse(weekendDay));
        return this;
    }

    CalendarProperties properties() {
        return new CalendarProperties(ZoneId.of("Asia/Ho_Chi_Minh"), LocalTime.of(7, 30), LocalTime.of(17, 0),
                Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holidays, workingWeekends);
    }

    BusinessCalendar build() {
        return new BusinessCalendar(properties());
    }
}
