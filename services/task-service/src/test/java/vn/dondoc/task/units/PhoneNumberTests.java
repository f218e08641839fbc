package vn.dondoc.task.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTests {

    @ParameterizedTest
    @ValueSource(strings = {"0912345678", "0912 345 678", "0912.345.678", "+84912345678", "+84 912 345 678",
            "84912345678", "+84 0912345678"})
    void writesMobileNumbersInE164(String typed) {
        assertThat(PhoneNumber.parse(typed).e164()).isEqualTo("+84912345678");
    }

    @Test
    void keepsLandlinesWithTheirAreaCode() {
        assertThat(PhoneNumber.parse("024 3825 1234").e164()).isEqualTo("+842438251234");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "12345", "091234567", "09123456789", "+1 202 555 0100", "0112345678"})
    void rejectsWhatIsNotAVietnameseNumber(String typed) {
        assertThatThrownBy(() -> PhoneNumber.parse(typed)).isInstanceOf(InvalidPhoneNumber.class);
    }
}
