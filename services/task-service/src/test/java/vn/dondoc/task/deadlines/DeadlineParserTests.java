package vn.dondoc.task.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.dondoc.events.DeadlineKind;

class DeadlineParserTests {

    private final DeadlineParser parser = new DeadlineParser();

    /** Every "Thời gian thực hiện" value of Phụ lục 02, sample 002 (task numbers in the comments). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Hàng năm và từng giai đoạn                          | RECURRING_YEARLY    | -          | -          | -                                      | true
            Thường xuyên                                        | CONTINUOUS          | -          | -          | -                                      | false
            thường xuyên                                        | CONTINUOUS          | -          | -          | -                                      | false
            Hàng năm, khi có quyết định của Trung ương          | RECURRING_YEARLY    | -          | -          | khi có quyết định của Trung ương       | false
            Theo hướng dẫn của Trung ương                       | AWAITING_TRIGGER    | -          | -          | Theo hướng dẫn của Trung ương          | false
            Thường xuyên và theo yêu cầu của Trung ương         | CONTINUOUS          | -          | -          | theo yêu cầu của Trung ương            | false
            Sau khi có văn bản triển khai của Trung ương        | AWAITING_TRIGGER    | -          | -          | Sau khi có văn bản triển khai của Trung ương | false
            Thường xuyên, theo văn bản của Trung ương ban hành  | CONTINUOUS          | -          | -          | theo văn bản của Trung ương ban hành   | false
            Quý IV/2025                                         | QUARTER             | 2025-12-31 | -          | -                                      | false
            Theo lộ trình đề án của Trung ương                  | AWAITING_TRIGGER    | -          | -          | Theo lộ trình đề án của Trung ương     | false
            Trong năm 2025                                      | YEAR                | 2025-12-31 | -          | -                                      | false
            Từ năm 2026                                         | FROM_DATE           | -          | 2026-01-01 | -                                      | false
            Từ năm 2025                                         | FROM_DATE           | -          | 2025-01-01 | -                                      | false
            Theo chương trình, đề án của Trung ương             | AWAITING_TRIGGER    | -          | -          | Theo chương trình, đề án của Trung ương | false
            Hằng năm                                            | RECURRING_YEARLY    | -          | -          | -                                      | false
            Hàng năm                                            | RECURRING_YEARLY    | -          | -          | -                                      | false
            Năm 2025                                            | YEAR                | 2025-12-31 | -          | -                                      | false
            Năm 2026, Khi Trung ương ban hành Chiến lược        | YEAR                | 2026-12-31 | -          | Khi Trung ương ban hành Chiến lược     | false
            """)
    void readsEveryTimeValueOfThePlanTable(String text, DeadlineKind kind, LocalDate due, LocalDate start,
                                           String condition, boolean needsReview) {
        var parsed = parser.parse(text);

        assertThat(parsed.kind()).isEqualTo(kind);
        assertThat(parsed.dueDate()).isEqualTo(due);
        assertThat(parsed.startDate()).isEqualTo(start);
        assertThat(parsed.condition()).isEqualTo(condition);
        assertThat(parsed.needsReview()).as(parsed.notes().toString()).isEqualTo(needsReview);
        assertThat(parsed.text()).isEqualTo(text.strip());
    }

    /** Deadline phrases of the conclusion notices, samples 000 and 003, and DESIGN §1. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            trước ngày 30/6/2026          | DATE    | 2026-06-30
            trước ngày 20/5/2026          | DATE    | 2026-05-20
            trong tháng 4/2024            | MONTH   | 2024-04-30
            tại Kỳ họp tháng 6/2024       | MONTH   | 2024-06-30
            Kỳ họp tháng 6/2024           | MONTH   | 2024-06-30
            trong năm 2024                | YEAR    | 2024-12-31
            Quý IV/2025                   | QUARTER | 2025-12-31
            Quý I năm 2024                | QUARTER | 2024-03-31
            quý 2/2026                    | QUARTER | 2026-06-30
            ngày 05 tháng 3 năm 2026      | DATE    | 2026-03-05
            chậm nhất ngày 15-01-2027     | DATE    | 2027-01-15
            TRƯỚC NGÀY 01/02/2026         | DATE    | 2026-02-01
            trong tháng 02/2028           | MONTH   | 2028-02-29
            """)
    void readsTheDeadlinesOfConclusionNotices(String text, DeadlineKind kind, LocalDate due) {
        var parsed = parser.parse(text);

        assertThat(parsed.kind()).isEqualTo(kind);
        assertThat(parsed.dueDate()).isEqualTo(due);
        assertThat(parsed.needsReview()).as(parsed.notes().toString()).isFalse();
    }

    @Test
    void readsDeadlinesBrokenAcrossLinesByPdfConversion() {
        var parsed = parser.parse("trước ngày\n30/6/2026");

        assertThat(parsed.dueDate()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(parsed.text()).isEqualTo("trước ngày 30/6/2026");
    }

    @Test
    void readsTextWrittenWithDecomposedDiacritics() {
        var parsed = parser.parse(java.text.Normalizer.normalize("Hằng năm", java.text.Normalizer.Form.NFD));

        assertThat(parsed.kind()).isEqualTo(DeadlineKind.RECURRING_YEARLY);
        assertThat(parsed.needsReview()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            trước ngày 31/2/2026               | Không đọc được thời gian
            trước ngày 30/6                    | không có năm
            giai đoạn 2026-2030                | Chỉ có giai đoạn
            30/4-01/5/2024                     | Không hiểu phần
            sớm                                | Không hiểu phần
            ''                                 | Không tìm thấy thời hạn
            trước ngày 30/6/2026 hoặc Quý I/2026 | nhiều thời hạn
            năm 1066                           | Không đọc được thời gian
            """)
    void flagsWhatItDoesNotUnderstandInsteadOfGuessing(String text, String note) {
        var parsed = parser.parse(text);

        assertThat(parsed.needsReview()).isTrue();
        assertThat(parsed.notes()).anySatisfy(n -> assertThat(n).contains(note));
    }

    @Test
    void impossibleDatesYieldNoDate() {
        assertThat(parser.parse("trước ngày 31/2/2026").dueDate()).isNull();
        assertThat(parser.parse("trong tháng 13/2026").dueDate()).isNull();
    }

    @Test
    void citedDatesAndHolidaysAreNotDeadlines() {
        assertThat(parser.parse("nghỉ lễ 30/4-01/5/2024").dueDate()).isNull();
        assertThat(parser.parse("giai đoạn 2026-2030").dueDate()).isNull();
    }

    private static final String[] FRAGMENTS = {"trước ngày ", "trong tháng ", "Quý ", "IV", "II", "/", "-", ".", ",",
            " năm ", "Năm ", "Hằng năm", "hàng quý", "Thường xuyên", "Từ năm ", "khi ", "theo hướng dẫn ", "giai đoạn ",
            "Kỳ họp tháng ", "ngày ", " tháng ", "2026", "2025", "99999", "0", "31", "12", "13", "29/2/", "và", ";", "\n",
            "đ", "Đ", "\u0301", "(", ")", "  ", "từ ngày ", "9999", "1/1/"};
    private static final Pattern YEAR_DIGITS = Pattern.compile("\\d{4}");

    /** Property: any input is read without an exception, and a due date only ever comes from a year the text names. */
    @Test
    void neverThrowsAndNeverInventsADate() {
        var random = new Random(20261124);
        for (int i = 0; i < 20_000; i++) {
            var text = new StringBuilder();
            int parts = random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                text.append(random.nextInt(10) == 0 ? String.valueOf((char) random.nextInt(0x2000))
                        : FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            String input = text.toString();
            var parsed = parser.parse(input);

            assertThat(parsed.kind()).as(input).isNotNull();
            if (parsed.dueDate() != null) {
                String year = String.valueOf(parsed.dueDate().getYear());
                assertThat(YEAR_DIGITS.matcher(input).results().map(r -> r.group())).as(input).contains(year);
            }
            if (parsed.needsReview()) {
                assertThat(parsed.notes()).as(input).isNotEmpty();
            }
        }
    }

    @Test
    void boundsTheWorkOnHugeInput() {
        var parsed = parser.parse("trước ngày 30/6/2026 ".repeat(100_000));

        assertThat(parsed.text()).hasSize(DeadlineParser.MAX_LENGTH);
        assertThat(parsed.needsReview()).isTrue();
    }
}
