package vn.dondoc.scheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dondoc.scheduler.calendar.CalendarBuilder.aCalendar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class HolidayTableCoverageTests {

    private final BusinessCalendar calendar = aCalendar()
            .holidays(2026, "2026-02-14..2026-02-22 Tết Nguyên đán")
            .holidays(2027, "2027-01-01 Tết Dương lịch")
            .build();

    @Test
    void logsAWarningWhenTheTableDoesNotReachSixtyDaysAhead(CapturedOutput output) {
        var coverage = new HolidayTableCoverage(calendar, Clock.fixed(Instant.parse("2027-11-15T00:00:00Z"), ZoneOffset.UTC));

        coverage.check();

        assertThat(output).contains("chưa có năm 2028").contains("has no entries for 2028");
    }

    @Test
    void staysQuietWhileTheTableCoversTheComingDays() {
        var coverage = new HolidayTableCoverage(calendar, Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

        assertThat(coverage.warnings()).isEmpty();
    }
}
