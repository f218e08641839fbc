package vn.dondoc.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deadline as the document wrote it and as the system understood it.
 *
 * @param kind      what sort of deadline (see {@link DeadlineKind})
 * @param dueDate   the calendar day it falls on in Asia/Ho_Chi_Minh, or null when there is none (recurring,
 *                  continuous, awaiting an outside trigger)
 * @param dueAt     the instant it falls due (end of the working day for a date), or null
 * @param text      the original words, e.g. {@code "trước ngày 30/6/2026"}, or null when typed as a date
 * @param startDate when an open-ended task starts ({@code Từ năm 2026}), or null
 * @param condition the outside trigger named with it ({@code khi Trung ương ban hành Chiến lược}), or null
 */
public record Deadline(DeadlineKind kind, LocalDate dueDate, Instant dueAt, String text, LocalDate startDate,
                       String condition) {

    public Deadline(DeadlineKind kind, LocalDate dueDate, Instant dueAt, String text) {
        this(kind, dueDate, dueAt, text, null, null);
    }

    public boolean hasDueInstant() {
        return dueAt != null;
    }
}
