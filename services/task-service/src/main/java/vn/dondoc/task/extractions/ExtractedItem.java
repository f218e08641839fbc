package vn.dondoc.task.extractions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.task.deadlines.ParsedDeadline;

/**
 * One draft task of a stored extraction, as the admin reviews it: what the notice says (names as written, with
 * where they stand) and what the system made of it (unit codes, the deadline's meaning).
 *
 * @param ref                   the item's place in the notice ({@code 9.1}, {@code 8.(3)})
 * @param heading               the enclosing item's text, null for a top-level item
 * @param leadNames             lead units as written
 * @param leadUnits             lead unit codes the directory knows
 * @param unresolvedLeads       lead unit names the directory does not know (kept as text)
 * @param coordinatingUnits     coordinating unit codes
 * @param unresolvedCoordinating coordinating unit names the directory does not know
 * @param leadFromAddressee     the item names no lead unit; the notice's addressee stands in
 * @param deadline              the deadline, null when the item has none
 * @param included              whether confirming assigns it
 * @param edited                an admin has changed it (the extractor's doubts no longer apply)
 * @param taskId                the task assigned for it, once confirmed
 */
record ExtractedItem(String ref, String heading, String title, String description, String expectedOutput,
                     List<String> leadNames, List<String> leadUnits, List<String> unresolvedLeads,
                     List<String> coordinatingNames, List<String> coordinatingUnits,
                     List<String> unresolvedCoordinating, boolean leadFromAddressee, ItemDeadline deadline,
                     boolean included, boolean edited, boolean needsReview, List<String> warnings, ItemSpans spans,
                     String taskId) {

    /** A deadline as read ({@link ParsedDeadline}) and kept with the draft. */
    record ItemDeadline(DeadlineKind kind, LocalDate dueDate, LocalDate startDate, String text, String condition,
                        boolean needsReview, List<String> notes) {

        static ItemDeadline of(ParsedDeadline parsed) {
            return parsed == null ? null : new ItemDeadline(parsed.kind(), parsed.dueDate(), parsed.startDate(),
                    parsed.text(), parsed.condition(), parsed.needsReview(), List.copyOf(parsed.notes()));
        }

        static ItemDeadline onDay(LocalDate day) {
            return new ItemDeadline(DeadlineKind.DATE, day, null, null, null, false, List.of());
        }

        /** Why a task cannot be given this deadline, null when it can. */
        String problem() {
            boolean dated = kind == DeadlineKind.DATE || kind == DeadlineKind.MONTH || kind == DeadlineKind.QUARTER
                    || kind == DeadlineKind.YEAR;
            if (kind == null || (dated && dueDate == null)
                    || (kind == DeadlineKind.AWAITING_TRIGGER && (condition == null || condition.isBlank()))) {
                return "Không hiểu được hạn hoàn thành \"" + (text == null ? "" : text) + "\"";
            }
            return null;
        }
    }

    /** Where the item's values stand in the extraction's text; null for a value an admin has since changed. */
    record ItemSpans(Span title, Span description, Span deadline, List<UnitSpan> units) {
    }

    /** A unit name in the text, its role in the item and the codes it resolved to (empty when unresolved). */
    record UnitSpan(String name, String role, List<String> codes, int start, int end) {
    }

    /** Why confirming cannot assign this item, in Vietnamese; empty when it can. */
    List<String> blockers() {
        List<String> blockers = new ArrayList<>();
        if (title == null || title.isBlank()) {
            blockers.add("Thiếu tên nhiệm vụ");
        } else if (title.length() > NoticeDrafts.MAX_TITLE) {
            blockers.add("Tên nhiệm vụ dài quá " + NoticeDrafts.MAX_TITLE + " ký tự");
        }
        if (leadUnits.isEmpty()) {
            blockers.add(unresolvedLeads.isEmpty() ? "Chưa có đơn vị chủ trì"
                    : "Đơn vị chủ trì chưa có trong danh bạ: " + String.join(", ", unresolvedLeads));
        }
        if (deadline == null) {
            blockers.add("Chưa có hạn hoàn thành");
        } else if (deadline.problem() != null) {
            blockers.add(deadline.problem());
        }
        return blockers;
    }

    List<String> unresolvedUnits() {
        List<String> all = new ArrayList<>(unresolvedLeads);
        all.addAll(unresolvedCoordinating);
        return all;
    }

    ExtractedItem assigned(String task) {
        return new ExtractedItem(ref, heading, title, description, expectedOutput, leadNames, leadUnits,
                unresolvedLeads, coordinatingNames, coordinatingUnits, unresolvedCoordinating, leadFromAddressee,
                deadline, included, edited, needsReview, warnings, spans, task);
    }
}
