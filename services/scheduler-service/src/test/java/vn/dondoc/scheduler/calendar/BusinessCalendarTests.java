package vn.dondoc.scheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dondoc.scheduler.calendar.CalendarBuilder.aCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class BusinessCalendarTests {

    private final BusinessCalendar calendar = aCalendar()
            .holidays(2026,
                    "2026-01-01..2026-01-02 Tết Dương lịch",
                    "2026-02-14..2026-02-22 Tết Nguyên đán",
                    "2026-04-26..2026-04-27 Giỗ Tổ Hùng Vương",
                    "2026-04-30..2026-05-01 Ngày Chiến thắng, Quốc tế Lao động",
                    "2026-08-31..2026-09-02 Quốc khánh")
            .holidays(2027, "2027-01-01 Tết Dương lịch")
            .workingOn("2026-01-10")
            .build();

    @Test
    void movesWeekendReminderToMondayMorning() {
        assertThat(calendar.nextWorkingSlot(hanoi("2026-11-28T10:00"))).isEqualTo(hanoi("2026-11-30T07:30"));
        assertThat(calendar.nextWorkingSlot(hanoi("2026-11-29T16:00"))).isEqualTo(hanoi("2026-11-30T07:30"));
    }

    @Test
    void movesEveningReminderToNextWorkingMorning() {
        assertThat(calendar.nextWorkingSlot(hanoi("2026-11-25T17:01"))).isEqualTo(hanoi("2026-11-26T07:30"));
        assertThat(calendar.nextWorkingSlot(hanoi("2026-11-27T18:00"))).isEqualTo(hanoi("2026-11-30T07:30"));
    }

    @Test
    void movesEarlyReminderToSameMorning() {
        assertThat(calendar.nextWorkingSlot(hanoi("2026-11-25T06:00"))).isEqualTo(hanoi("2026-11-25T07:30"));
        assertThat(calendar.nextWorkingSlot(hanoi("2026-11-25T00:00"))).isEqualTo(hanoi("2026-11-25T07:30"));
    }

    @Test
    void keepsReminderInsideWorkingHours() {
        assertThat(calendar.nextWorkingSlot(hanoi("2026-11-25T10:05"))).isEqualTo(hanoi("2026-11-25T10:05"));
        assertThat(calendar.nextWorkingSlot(hanoi("2026-11-25T07:30"))).isEqualTo(hanoi("2026-11-25T07:30"));
    }

    @Test
    void keepsDueDayReminderAtFiveInTheAfternoon() {
        Instant dueAt = calendar.workingDayEnd(LocalDate.parse("2026-12-01"));

        assertThat(calendar.nextWorkingSlot(dueAt)).isEqualTo(dueAt);
        assertThat(calendar.nextWorkingSlot(dueAt.plusSeconds(1))).isEqualTo(hanoi("2026-12-02T07:30"));
    }

    @Test
    void endsWorkingDayAtFiveInTheAfternoonHanoiTime() {
        assertThat(calendar.workingDayEnd(LocalDate.parse("2026-12-01"))).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void skipsTetHolidays() {
        assertThat(calendar.nextWorkingSlot(hanoi("2026-02-16T09:00"))).isEqualTo(hanoi("2026-02-23T07:30"));
        assertThat(calendar.nextWorkingSlot(hanoi("2026-02-13T17:30"))).isEqualTo(hanoi("2026-02-23T07:30"));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-17"))).isFalse();
    }

    @Test
    void skipsVictoryDayAndLabourDay() {
        assertThat(calendar.nextWorkingSlot(hanoi("2026-04-30T09:00"))).isEqualTo(hanoi("2026-05-04T07:30"));
        assertThat(calendar.nextWorkingSlot(hanoi("2026-04-29T17:30"))).isEqualTo(hanoi("2026-05-04T07:30"));
    }

    @Test
    void skipsCompensatoryDayOff() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-04-27"))).isFalse();
        assertThat(calendar.nextWorkingSlot(hanoi("2026-04-27T08:00"))).isEqualTo(hanoi("2026-04-28T07:30"));
    }

    @Test
    void honoursCompensatoryWorkingSaturday() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-10"))).isTrue();
        assertThat(calendar.nextWorkingSlot(hanoi("2026-01-10T09:00"))).isEqualTo(hanoi("2026-01-10T09:00"));
        assertThat(calendar.nextWorkingSlot(hanoi("2026-01-09T17:30"))).isEqualTo(hanoi("2026-01-10T07:30"));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-11"))).isFalse();
    }

    @Test
    void treatsOrdinaryWeekdaysAsWorkingDaysAndWeekendsAsNot() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-24"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-28"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-29"))).isFalse();
    }

    @Test
    void readsInstantsInHanoiTime() {
        // 01:00 UTC is 08:00 in Hà Nội, inside working hours, though before 07:30 by the UTC clock face
        assertThat(calendar.nextWorkingSlot(Instant.parse("2026-11-24T01:00:00Z"))).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
        // 10:30 UTC is 17:30 in Hà Nội: next morning 07:30 is 00:30 UTC
        assertThat(calendar.nextWorkingSlot(Instant.parse("2026-11-24T10:30:00Z"))).isEqualTo(Instant.parse("2026-11-25T00:30:00Z"));
        // 23:00 UTC on Friday is already Saturday 06:00 in Hà Nội
        assertThat(calendar.nextWorkingSlot(Instant.parse("2026-11-27T23:00:00Z"))).isEqualTo(hanoi("2026-11-30T07:30"));
    }

    @Test
    void findsWorkingDayBeforeAHoliday() {
        assertThat(calendar.previousWorkingDay(LocalDate.parse("2026-05-01"))).isEqualTo(LocalDate.parse("2026-04-29"));
        assertThat(calendar.previousWorkingDay(LocalDate.parse("2026-02-23"))).isEqualTo(LocalDate.parse("2026-02-13"));
        assertThat(calendar.previousWorkingDay(LocalDate.parse("2026-11-30"))).isEqualTo(LocalDate.parse("2026-11-27"));
        assertThat(calendar.previousWorkingDay(LocalDate.parse("2026-01-12"))).isEqualTo(LocalDate.parse("2026-01-10"));
    }

    @Test
    void warnsWhenTheComingYearIsMissing() {
        BusinessCalendar coveredTo2027 = aCalendar()
                .holidays(2025, "2025-01-01 Tết Dương lịch")
                .holidays(2026, "2026-01-01 Tết Dương lịch")
                .holidays(2027, "2027-01-01 Tết Dương lịch")
                .build();

        assertThat(coveredTo2027.coverageWarnings(LocalDate.parse("2027-11-15")))
                .singleElement().asString()
                .contains("chưa có năm 2028", "14/01/2028", "no entries for 2028", "2028-01-14");
    }

    @Test
    void warnsForEveryMissingYearInTheWindow() {
        assertThat(aCalendar().build().coverageWarnings(LocalDate.parse("2026-12-15")))
                .hasSize(2)
                .anySatisfy(warning -> assertThat(warning).contains("năm 2026"))
                .anySatisfy(warning -> assertThat(warning).contains("năm 2027"));
    }

    @Test
    void doesNotWarnWhenTheTableCoversTheNextSixtyDays() {
        assertThat(calendar.coverageWarnings(LocalDate.parse("2026-11-24"))).isEmpty();
        // 60 days after 2026-11-01 is still 2026
        assertThat(aCalendar().holidays(2026, "2026-01-01 Tết Dương lịch").build()
                .coverageWarnings(LocalDate.parse("2026-11-01"))).isEmpty();
    }

    private static Instant hanoi(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+07:00").toInstant();
    }
}
