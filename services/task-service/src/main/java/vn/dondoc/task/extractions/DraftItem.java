package vn.dondoc.task.extractions;

import java.util.List;
import vn.dondoc.task.deadlines.ParsedDeadline;

/**
 * One actionable item of a notice, drafted as a task.
 *
 * @param ref                the item's place in the notice: {@code 7}, {@code 9.1}, {@code 2.a}, {@code 1.(2)},
 *                           {@code 3.-1} (the first dash bullet under item 3)
 * @param heading            the text of the enclosing item before its sub-items ({@code Công tác Hợp tác quốc tế}),
 *                           null for a top-level item
 * @param title              the item's first sentence
 * @param description        the item's full text, lines joined
 * @param descriptionSpan    where the item's text stands
 * @param leadUnits          lead units as written; taken from the item, else from its heading, else the notice's
 *                           addressee
 * @param leadFromAddressee  true when the item names no lead unit and the notice's addressee stands in
 * @param coordinatingUnits  units named after {@code phối hợp (với)}
 * @param deadlinePhrase     the deadline phrase as written ({@code trước ngày 30/6/2026}), null when there is none
 * @param deadline           what the phrase means, null when there is none
 * @param needsReview        true when something should be checked by a person (see warnings)
 * @param warnings           why, in Vietnamese
 */
public record DraftItem(String ref, String heading, Excerpt title, String description, Span descriptionSpan,
                        List<Excerpt> leadUnits, boolean leadFromAddressee, List<Excerpt> coordinatingUnits,
                        Excerpt deadlinePhrase, ParsedDeadline deadline, boolean needsReview, List<String> warnings) {

    public List<String> leadUnitNames() {
        return leadUnits.stream().map(Excerpt::text).toList();
    }

    public List<String> coordinatingUnitNames() {
        return coordinatingUnits.stream().map(Excerpt::text).toList();
    }
}
