package vn.dondoc.task.acknowledgements;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.SourceDocument;
import vn.dondoc.events.links.AckToken;
import vn.dondoc.events.links.AckToken.Purpose;
import vn.dondoc.task.tasks.UnitAnswers.TaskSnapshot;
import vn.dondoc.task.tasks.UnitAnswers.UnitProgress;

/**
 * What the page of a link shows, worded and formatted for people (Vietnamese, dates dd/MM/yyyy in
 * Asia/Ho_Chi_Minh). The acknowledgement page offers the report form too once the unit has acknowledged; a report
 * link offers the report at once, since reporting a task done also says it was received.
 */
record LinkPage(String token, String unit, String title, String source, String deadline, String status,
                List<Row> units, boolean canAcknowledge, boolean canReport, String acknowledgedAt, String reportedAt,
                boolean completed, String notice, String error, String note, String document) {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    /** One unit of the task and how far it has got. */
    record Row(String code, String role, String acknowledgedAt, String reportedAt, boolean you) {
    }

    static LinkPage of(String rawToken, AckToken token, TaskSnapshot task, String notice, String error, String note,
                       String document) {
        UnitProgress unit = task.unit(token.unit()).orElseThrow();
        boolean open = !task.completed() && !task.cancelled();
        boolean canAcknowledge = open && !unit.acknowledged() && token.purpose() == Purpose.ACK;
        boolean canReport = open && unit.lead() && !unit.reported()
                && (token.purpose() == Purpose.REPORT || unit.acknowledged());
        var rows = new ArrayList<Row>();
        for (UnitProgress progress : task.units()) {
            rows.add(new Row(progress.code(), progress.lead() ? "Chủ trì" : "Phối hợp", time(progress.acknowledgedAt()),
                    time(progress.reportedAt()), progress.code().equals(token.unit())));
        }
        return new LinkPage(rawToken, token.unit(), task.title(), source(task.source()), deadline(task.deadline()),
                task.status().label(), rows, canAcknowledge, canReport, time(unit.acknowledgedAt()),
                time(unit.reportedAt()), task.completed(), notice, error, note, document);
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant.atZone(ZONE));
    }

    static String deadline(Deadline deadline) {
        if (deadline == null) {
            return "Không thời hạn";
        }
        if (deadline.dueAt() != null) {
            var due = deadline.dueAt().atZone(ZONE);
            // a date falls due at 17:00, the end of the working day: the day alone says it
            return due.toLocalTime().equals(LocalTime.of(17, 0)) ? DATE.format(due)
                    : DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").format(due);
        }
        if (deadline.dueDate() != null) {
            return DATE.format(deadline.dueDate());
        }
        return deadline.text() == null || deadline.text().isBlank() ? "Không thời hạn" : deadline.text();
    }

    static String source(SourceDocument source) {
        if (source == null) {
            return null;
        }
        var text = new StringBuilder();
        if (source.number() != null && !source.number().isBlank()) {
            text.append("Văn bản số ").append(source.number());
        }
        if (source.date() != null) {
            text.append(text.isEmpty() ? "Văn bản" : "").append(" ngày ").append(DATE.format(source.date()));
        }
        if (source.issuer() != null && !source.issuer().isBlank()) {
            text.append(text.isEmpty() ? "" : " ").append("của ").append(source.issuer());
        }
        if (source.item() != null && !source.item().isBlank()) {
            text.append(text.isEmpty() ? "" : ", ").append("mục ").append(source.item());
        }
        return text.isEmpty() ? null : text.toString();
    }
}
