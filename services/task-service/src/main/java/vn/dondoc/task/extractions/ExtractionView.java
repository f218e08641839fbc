package vn.dondoc.task.extractions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.dondoc.events.DeadlineKind;

/**
 * A draft as the API shows it (DESIGN §4, "notice extraction"). Unit fields hold directory codes; names the
 * directory does not know are in {@code unresolvedUnits}; {@code spans} are offsets into {@code text}.
 */
record ExtractionView(String id, Extraction.Status status, DocumentView document, List<ItemView> items, String text,
                      Instant createdAt, Instant confirmedAt) {

    record DocumentView(String type, String number, LocalDate date, String dateText, String issuer, String signer,
                        String signerTitle, String addressee, List<String> warnings) {
    }

    record ItemView(String ref, String heading, String title, String description, String expectedOutput,
                    boolean included, List<String> leadUnits, List<String> coordinatingUnits,
                    List<String> unresolvedUnits, List<String> leadUnitNames, List<String> coordinatingUnitNames,
                    boolean leadFromAddressee, DeadlineView deadline, boolean needsReview, List<String> warnings,
                    ExtractedItem.ItemSpans spans, String taskId) {

        static ItemView of(ExtractedItem item) {
            return new ItemView(item.ref(), item.heading(), item.title(), item.description(), item.expectedOutput(),
                    item.included(), item.leadUnits(), item.coordinatingUnits(), item.unresolvedUnits(),
                    item.leadNames(), item.coordinatingNames(), item.leadFromAddressee(), DeadlineView.of(item.deadline()),
                    item.needsReview(), item.warnings(), item.spans(), item.taskId());
        }
    }

    record DeadlineView(DeadlineKind kind, LocalDate dueDate, String text, LocalDate startDate, String condition,
                        boolean needsReview) {

        static DeadlineView of(ExtractedItem.ItemDeadline deadline) {
            return deadline == null ? null : new DeadlineView(deadline.kind(), deadline.dueDate(), deadline.text(),
                    deadline.startDate(), deadline.condition(), deadline.needsReview());
        }
    }

    static ExtractionView of(Extraction extraction) {
        var d = extraction.document();
        return new ExtractionView(extraction.id(), extraction.status(),
                new DocumentView(d.type(), d.number(), d.date(), d.dateText(), d.issuer(), d.signer(), d.signerTitle(),
                        d.addressee(), d.warnings()),
                extraction.items().stream().map(ItemView::of).toList(), extraction.text(), extraction.createdAt(),
                extraction.confirmedAt());
    }
}
