package vn.dondoc.task.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An uploaded plan table as a draft: stored, edited row by row, and confirmed once, which assigns its rows.
 *
 * @param filename the name the file was uploaded under, for display only: it is never used as a path
 * @param tasks    after confirmation, the task id of every row by ref
 */
@Document("imports")
record PlanImport(@Id String id, String filename, String number, LocalDate date, String issuer, List<ImportRow> rows,
                  Instant createdAt, Instant confirmedAt, Map<String, String> tasks) {

    PlanImport {
        rows = List.copyOf(rows);
        tasks = tasks == null ? Map.of() : Map.copyOf(tasks);
    }
}
