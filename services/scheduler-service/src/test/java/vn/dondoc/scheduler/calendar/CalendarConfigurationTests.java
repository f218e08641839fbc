package vn.dondoc.scheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

class CalendarConfigurationTests {

    @Test
    void providesBusinessCalendarFromImportedCalendarFile() {
        SpringApplication application = new SpringApplication(CalendarConfiguration.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run("--spring.config.import=classpath:calendar.yml")) {
            BusinessCalendar calendar = context.getBean(BusinessCalendar.class);

            assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-10"))).isTrue();
        }
    }
}
