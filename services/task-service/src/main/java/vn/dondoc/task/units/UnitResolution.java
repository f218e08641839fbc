package vn.dondoc.task.units;

import java.util.List;

/**
 * What a phrase naming units ({@code Phòng KHTH, Chi cục DS&TE}; {@code BV YHCT, BV PHCN, các phòng}) resolves to.
 *
 * @param codes      the units named, in the order named, without repeats; a group phrase adds its active members
 * @param unresolved the parts of the phrase (as written) that name no unit of the directory
 * @param ambiguous  the parts that could be more than one unit: reported, never guessed
 */
public record UnitResolution(List<String> codes, List<String> unresolved, List<String> ambiguous) {

    public UnitResolution {
        codes = List.copyOf(codes);
        unresolved = List.copyOf(unresolved);
        ambiguous = List.copyOf(ambiguous);
    }

    /** Every part of the phrase named a unit or a group. */
    public boolean complete() {
        return unresolved.isEmpty() && ambiguous.isEmpty();
    }
}
