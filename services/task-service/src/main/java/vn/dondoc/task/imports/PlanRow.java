package vn.dondoc.task.imports;

import java.util.List;

/**
 * One task of a plan table as written: cleaned cell texts, not yet interpreted (units and deadline are
 * resolved later, when the draft is built). {@code sourceRow} is 1-based: the line of a .tsv, the row of
 * the sheet in an .xlsx, the row counted through all tables of a .docx.
 */
record PlanRow(String ref, String title, String leadUnits, String coordinatingUnits, String expectedOutput,
        String time, String group, int sourceRow, List<String> warnings) {

    PlanRow {
        warnings = List.copyOf(warnings);
    }

}
