package vn.dondoc.scheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

class CalendarPropertiesTests {

    @Test
    void readsTheShippedHolidayTable() throws IOException {
        CalendarProperties properties = bind(new Binder(ConfigurationPropertySources.from(
                new YamlPropertySourceLoader().load("calendar", new ClassPathResource("calendar.yml")))));
        BusinessCalendar calendar = new BusinessCalendar(properties);

        assertThat(properties.zone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(properties.workdayStart()).isEqualTo(LocalTime.of(7, 30));
        assertThat(properties.workdayEnd()).isEqualTo(LocalTime.of(17, 0));
        assertThat(properties.holidays()).containsOnlyKeys(2025, 2026, 2027);
        assertThat(properties.holidays().get(2026)).contains(
                new Holiday(LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-22"), "Tết Nguyên đán Bính Ngọ"));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-01-29"))).as("mùng 1 Tết 2025").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).as("Tết 2026").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-23"))).as("after Tết 2026").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-04-27"))).as("Giỗ Tổ 2026, nghỉ bù").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-10"))).as("làm bù 10/1/2026").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-04-26"))).as("làm bù 26/4/2025").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-24"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-08"))).as("Tết 2027").isFalse();
        assertThat(calendar.coverageWarnings(LocalDate.parse("2026-11-24"))).isEmpty();
        assertThat(calendar.coverageWarnings(LocalDate.parse("2027-11-15"))).hasSize(1);
    }

    @Test
    void defaultsToHanoiOfficeHoursWithoutHolidays() {
        CalendarProperties properties = bind(Map.of());

        assertThat(properties.zone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(properties.workdayStart()).isEqualTo(LocalTime.of(7, 30));
        assertThat(properties.workdayEnd()).isEqualTo(LocalTime.of(17, 0));
        assertThat(properties.weekend()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(properties.holidays()).isEmpty();
        assertThat(properties.workingWeekends()).isEmpty();
    }

    @Test
    void rejectsMalformedHolidayEntry() {
        assertThatThrownBy(() -> bind(Map.of("dondoc.calendar.holidays.2026[0]", "14/02/2026 Tết")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("'14/02/2026 Tết' is not 'yyyy-MM-dd[..yyyy-MM-dd] name'");
    }

    @Test
    void rejectsHolidayFiledUnderAnotherYear() {
        assertThatThrownBy(() -> bind(Map.of("dondoc.calendar.holidays.2027[0]", "2026-04-30 Ngày Chiến thắng")))
                .rootCause().hasMessageContaining("holidays.2027: 'Ngày Chiến thắng' (2026-04-30..2026-04-30) is not in 2027");
    }

    @Test
    void rejectsHolidayEndingBeforeItStarts() {
        assertThatThrownBy(() -> Holiday.of("2026-02-22..2026-02-14 Tết"))
                .hasMessageContaining("ends (2026-02-14) before it starts (2026-02-22)");
    }

    @Test
    void rejectsWorkingWeekendThatIsAWeekday() {
        assertThatThrownBy(() -> bind(Map.of("dondoc.calendar.working-weekends", "2026-01-09")))
                .rootCause().hasMessageContaining("2026-01-09 is a FRIDAY, not a weekend day");
    }

    private static CalendarProperties bind(Map<String, String> properties) {
        return bind(new Binder(new MapConfigurationPropertySource(properties)));
    }

    private static CalendarProperties bind(Binder binder) {
        return binder.bindOrCreate("dondoc.calendar", CalendarProperties.class);
    }
}
