package vn.dondoc.task.imports;

import java.time.LocalDate;
import java.util.List;

/**
 * One drafted task of an import, as the admin reviews it: units resolved to codes, the time column read.
 *
 * @param leadText         the lead-unit cell as written, kept for the review
 * @param coordinatingText the coordinating-unit cell as written
 * @param warnings         everything a person should look at, in Vietnamese
 * @param blocking         whether something in the warnings must be fixed before the import can be confirmed
 */
record ImportRow(String ref, String title, List<String> leadUnits, List<String> coordinatingUnits,
                 String expectedOutput, Deadline deadline, String group, int sourceRow, String leadText,
                 String coordinatingText, List<String> warnings, boolean blocking) {

    /**
     * The time column as read: {@code text} is what the parser read; a {@code dueDate} without text is a day the
     * admin set instead.
     */
    record Deadline(String kind, LocalDate dueDate, String text, boolean needsReview, LocalDate startDate,
                    String condition, List<String> notes) {
    }
}
