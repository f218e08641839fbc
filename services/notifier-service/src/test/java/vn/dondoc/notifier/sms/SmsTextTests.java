package vn.dondoc.notifier.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsTextTests {

    @Test
    void writesVietnameseWithoutDiacritics() {
        assertThat(SmsText.gsm("[Đôn đốc] Nhắc hạn: Tham mưu ban hành Kế hoạch — hạn 20/11/2025 (còn 3 ngày)"))
                .isEqualTo("[Don doc] Nhac han: Tham muu ban hanh Ke hoach - han 20/11/2025 (con 3 ngay)");
        assertThat(SmsText.gsm("ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI; Sở Y tế ươm ưỡng ậ ẫ ợ ự ỵ"))
                .isEqualTo("UY BAN NHAN DAN TINH DONG NAI; So Y te uom uong a a o u y");
    }

    @Test
    void replacesWhatGsmCannotCarry() {
        assertThat(SmsText.gsm("“Kế hoạch” – số 5… ✓ 中")).isEqualTo("\"Ke hoach\" - so 5... ? ?");
    }

    @Test
    void countsExtensionCharactersTwice() {
        assertThat(SmsText.septets("[Don doc]")).isEqualTo(11);
        assertThat(SmsText.septets("https://dondoc.vn/ack/AbC_-9")).isEqualTo(28);
    }
}
