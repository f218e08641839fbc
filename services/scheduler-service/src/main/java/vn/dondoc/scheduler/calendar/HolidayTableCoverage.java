package vn.dondoc.scheduler.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Warns when the holiday table does not reach {@value BusinessCalendar#COVERAGE_DAYS} days ahead: at startup and
 * every morning, so that a December without next year's table shows up in the logs well before the new year.
 */
@Component
class HolidayTableCoverage {

    private static final Logger log = LoggerFactory.getLogger(HolidayTableCoverage.class);

    private final BusinessCalendar calendar;
    private final Clock clock;

    HolidayTableCoverage(BusinessCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 0 7 * * *", zone = "Asia/Ho_Chi_Minh")
    void check() {
        warnings().forEach(log::warn);
    }

    List<String> warnings() {
        return calendar.coverageWarnings(LocalDate.now(clock.withZone(calendar.zone())));
    }
}
