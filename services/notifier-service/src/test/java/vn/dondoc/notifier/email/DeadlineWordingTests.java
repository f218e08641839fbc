package vn.dondoc.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;

class DeadlineWordingTests {

    /** 10:00 on 17/11/2026 in Hà Nội. */
    private final DeadlineWording wording = at("2026-11-17T03:00:00Z");

    @Test
    void countsTheDaysLeft() {
        assertThat(wording.remaining(dueOn(LocalDate.of(2026, 11, 20)))).isEqualTo("còn 3 ngày");
    }

    @Test
    void countsTheDaysOverdue() {
        assertThat(wording.remaining(dueOn(LocalDate.of(2026, 11, 15)))).isEqualTo("quá hạn 2 ngày");
    }

    @Test
    void saysTheDeadlineIsToday() {
        assertThat(wording.remaining(dueOn(LocalDate.of(2026, 11, 17)))).isEqualTo("hạn hôm nay");
    }

    @Test
    void saysTodaysDeadlineHasPassedAfterFivePm() {
        assertThat(at("2026-11-17T10:30:00Z").remaining(dueOn(LocalDate.of(2026, 11, 17))))
                .isEqualTo("hạn hôm nay, đã quá giờ");
    }

    @Test
    void countsDaysInHoChiMinhTimeNotUtc() {
        // 01:00 on 20/11 in Hà Nội is still 19/11 in UTC
        assertThat(at("2026-11-19T18:00:00Z").remaining(dueOn(LocalDate.of(2026, 11, 20)))).isEqualTo("hạn hôm nay");
    }

    @Test
    void writesADateDeadlineAsDayMonthYear() {
        assertThat(wording.due(dueOn(LocalDate.of(2025, 11, 20)))).isEqualTo("20/11/2025");
    }

    @Test
    void writesAnInstantDeadlineWithItsTimeInHoChiMinh() {
        var deadline = new Deadline(DeadlineKind.INSTANT, LocalDate.of(2026, 11, 24),
                Instant.parse("2026-11-24T03:05:00Z"), null);
        assertThat(wording.due(deadline)).isEqualTo("24/11/2026 10:05");
    }

    @Test
    void keepsTheDocumentsWordsWhenTheySayMoreThanTheDate() {
        var quarter = new Deadline(DeadlineKind.QUARTER, LocalDate.of(2026, 12, 31),
                Instant.parse("2026-12-31T10:00:00Z"), "Quý IV/2026");
        assertThat(wording.due(quarter)).isEqualTo("31/12/2026");
        assertThat(wording.originalText(quarter)).isEqualTo("Quý IV/2026");
    }

    @Test
    void hasNoDateForAContinuousTask() {
        var continuous = new Deadline(DeadlineKind.CONTINUOUS, null, null, "Thường xuyên");
        assertThat(wording.due(continuous)).isNull();
        assertThat(wording.remaining(continuous)).isNull();
        assertThat(wording.originalText(continuous)).isEqualTo("Thường xuyên");
    }

    private static DeadlineWording at(String instant) {
        return new DeadlineWording(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static Deadline dueOn(LocalDate day) {
        var endOfWorkingDay = day.atTime(17, 0).atZone(DeadlineWording.BUSINESS_ZONE).toInstant();
        return new Deadline(DeadlineKind.DATE, day, endOfWorkingDay, null);
    }
}
