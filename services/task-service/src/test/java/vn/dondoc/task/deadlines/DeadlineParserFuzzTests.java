package vn.dondoc.task.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Fuzzing of the deadline parser (issue 8) with jqwik: whatever an office types into "Thời gian thực hiện", the parser
 * answers with a kind, never throws, never takes long, and never dates a deadline in a year the text does not name.
 * Failures shrink to the smallest text that breaks a promise.
 */
class DeadlineParserFuzzTests {

    private static final Pattern YEAR_DIGITS = Pattern.compile("\\d{4}");
    /** The pieces deadline phrases are made of, so that generated text gets deep into the parser. */
    private static final List<String> PIECES = List.of("Trước ngày ", "trước ", "ngày ", "Quý ", "quý ", "IV", "II",
            "/", "-", ".", " ", ", ", "; ", "năm ", "Năm ", "tháng ", "Hàng năm", "hằng quý", "Thường xuyên",
            "Từ ", "từ năm ", "giai đoạn ", "Theo hướng dẫn của Trung ương", "khi ", "sau khi ", "đến hết ",
            "2025", "2026", "20", "31", "12", "0", "9999", "30/6/2026", "29/02/2027", "\u0301", "\u0300", "Đ", "\n",
            "chậm nhất ", "hoàn thành trong ", "Trong năm 2025", "tuần", "6 tháng đầu năm");

    private final DeadlineParser parser = new DeadlineParser();

    @Property(tries = 3_000)
    void readsAnyTextWithoutThrowing(@ForAll @StringLength(max = 2_000) String text) {
        assertKeepsItsPromises(text);
    }

    @Property(tries = 5_000)
    void readsAnyMixOfDeadlineWordsWithoutInventingADate(@ForAll("deadlineLike") String text) {
        assertKeepsItsPromises(text);
    }

    @Provide
    Arbitrary<String> deadlineLike() {
        return Arbitraries.oneOf(Arbitraries.of(PIECES), Arbitraries.strings().ofMaxLength(3))
                .list().ofMaxSize(16)
                .map(pieces -> String.join("", pieces));
    }

    private void assertKeepsItsPromises(String text) {
        var parsed = parser.parse(text);

        assertThat(parsed.kind()).as(text).isNotNull();
        assertThat(parsed.text()).as("keeps what was written").isNotNull();
        if (parsed.dueDate() != null) {
            assertThat(YEAR_DIGITS.matcher(text).results().map(r -> r.group()))
                    .as("a due date only in a year the text names: %s", text)
                    .contains(String.valueOf(parsed.dueDate().getYear()));
        }
        if (parsed.needsReview()) {
            assertThat(parsed.notes()).as(text).isNotEmpty();
        }
    }
}
