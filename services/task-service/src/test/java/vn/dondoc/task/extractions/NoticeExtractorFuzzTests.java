package vn.dondoc.task.extractions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import vn.dondoc.testing.Samples;

/**
 * Fuzzing of the notice extractor (issue 8) with jqwik: arbitrary text, and the lines of the real notices shuffled,
 * repeated and cut. The extractor always answers with a draft whose every span lies inside the text it was given,
 * and never throws.
 */
class NoticeExtractorFuzzTests {

    private static final List<String> NOTICE_LINES = java.util.stream.Stream.of(Samples.NOTICE_000, Samples.NOTICE_003)
            .flatMap(notice -> Samples.text(notice).lines())
            .filter(line -> !line.isBlank())
            .toList();

    private final NoticeExtractor extractor = new NoticeExtractor();

    @Property(tries = 500)
    void draftsAnyTextWithoutThrowing(@ForAll @StringLength(max = 5_000) String text) {
        assertKeepsItsPromises(text);
    }

    @Property(tries = 300)
    void draftsAnyMixOfNoticeLines(@ForAll("noticeLike") String text) {
        assertKeepsItsPromises(text);
    }

    @Provide
    Arbitrary<String> noticeLike() {
        Arbitrary<String> line = Arbitraries.oneOf(Arbitraries.of(NOTICE_LINES),
                Arbitraries.of(NOTICE_LINES).map(whole -> whole.substring(0, whole.length() / 2)),
                Arbitraries.strings().ofMaxLength(20));
        return line.list().ofMaxSize(40).map(lines -> String.join("\n", lines));
    }

    private void assertKeepsItsPromises(String text) {
        var draft = extractor.extract(text);

        assertThat(draft).as(text).isNotNull();
        assertThat(draft.items()).isNotNull();
        for (DraftItem item : draft.items()) {
            assertThat(item.title()).as("every drafted item has a title").isNotNull();
            List<Span> spans = new java.util.ArrayList<>(List.of(item.title().span(), item.descriptionSpan()));
            item.leadUnits().forEach(unit -> spans.add(unit.span()));
            item.coordinatingUnits().forEach(unit -> spans.add(unit.span()));
            if (item.deadlinePhrase() != null) {
                spans.add(item.deadlinePhrase().span());
            }
            assertThat(spans).as("every span inside the text").allSatisfy(span -> assertThat(span.end())
                    .isLessThanOrEqualTo(text.length()));
        }
    }
}
