package vn.dondoc.task.extractions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A notice read into a draft, kept until an admin confirms it: the text as received (every span points into it),
 * the document's details and the draft tasks. Confirming assigns the included items once; the draft then stays
 * as the record of where those tasks came from.
 */
@Document("extractions")
class Extraction {

    enum Status { DRAFT, CONFIRMING, CONFIRMED }

    /** The document's own details as read, for the task's source reference. */
    record NoticeDetails(String type, String number, LocalDate date, String dateText, String issuer, String signer,
                         String signerTitle, String addressee, List<String> warnings) {
    }

    @Id
    private final String id;
    private final String text;
    private final NoticeDetails document;
    private final List<ExtractedItem> items;
    private final Status status;
    private final Instant createdAt;
    private final Instant confirmedAt;
    /** Optimistic lock: an edit applies only to the version it was read at, so no concurrent change is lost. */
    @Version
    private Long version;

    @PersistenceCreator
    Extraction(String id, String text, NoticeDetails document, List<ExtractedItem> items, Status status,
               Instant createdAt, Instant confirmedAt, Long version) {
        this.id = id;
        this.text = text;
        this.document = document;
        this.items = List.copyOf(items);
        this.status = status;
        this.createdAt = createdAt;
        this.confirmedAt = confirmedAt;
        this.version = version;
    }

    static Extraction draft(String id, String text, NoticeDetails document, List<ExtractedItem> items, Instant now) {
        return new Extraction(id, text, document, items, Status.DRAFT, now, null, null);
    }

    Optional<ExtractedItem> item(String ref) {
        return items.stream().filter(item -> item.ref().equals(ref)).findFirst();
    }

    Extraction withItem(ExtractedItem changed) {
        List<ExtractedItem> all = new ArrayList<>(items);
        all.replaceAll(item -> item.ref().equals(changed.ref()) ? changed : item);
        return new Extraction(id, text, document, all, status, createdAt, confirmedAt, version);
    }

    Extraction confirmed(Instant now) {
        return new Extraction(id, text, document, items, Status.CONFIRMED, createdAt, now, version);
    }

    String id() {
        return id;
    }

    String text() {
        return text;
    }

    NoticeDetails document() {
        return document;
    }

    List<ExtractedItem> items() {
        return items;
    }

    Status status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant confirmedAt() {
        return confirmedAt;
    }

    Long version() {
        return version;
    }
}
