package vn.dondoc.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deadline as the document wrote it and as the system understood it.
 *
 * @param kind    what sort of deadline (see {@link DeadlineKind})
 * @param dueDate the calendar day it falls on in Asia/Ho_Chi_Minh, or null when there is none (continuous,
 *                awaiting an outside trigger)
 * @param dueAt   the instant it falls due (end of the working day for a date), or null
 * @param text    the original words, e.g. {@code "trước ngày 30/6/2026"}, or null when typed as a date
 */
public record Deadline(DeadlineKind kind, LocalDate dueDate, Instant dueAt, String text) {

    public boolean hasDueInstant() {
        return dueAt != null;
    }
}
