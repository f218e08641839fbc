package vn.dondoc.task.deadlines;

import java.time.LocalDate;
import java.util.List;
import vn.dondoc.events.DeadlineKind;

/**
 * What a deadline phrase means.
 *
 * @param kind        what sort of deadline it is
 * @param dueDate     the day it falls due, when the text names one (never invented: recurring and continuous
 *                    deadlines have none, their cycles are the scheduler's business)
 * @param startDate   when an open-ended task starts ({@code Từ năm 2026} → 01/01/2026), else null
 * @param text        the phrase as written (normalized white space)
 * @param condition   an outside trigger named alongside or instead of a date
 *                    ({@code khi Trung ương ban hành Chiến lược}), else null
 * @param needsReview true when a person should look: something was not understood, or the parts disagree
 * @param notes       why it needs review, in Vietnamese
 */
public record ParsedDeadline(DeadlineKind kind, LocalDate dueDate, LocalDate startDate, String text, String condition,
                             boolean needsReview, List<String> notes) {
}
