package vn.dondoc.task.imports;

import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.SourceDocument;
import vn.dondoc.task.deadlines.DeadlineParser;
import vn.dondoc.task.tasks.PlannedTasks;
import vn.dondoc.task.units.UnitDirectory;
import vn.dondoc.task.units.UnitResolution;

/**
 * Plan-table imports: a file becomes a stored draft with a warning on every row a person should look at; the admin
 * edits rows and confirms, and only then are the rows assigned, each as its own task. Confirming refuses rows with
 * blocking problems (nothing is assigned), and a confirmed import cannot be confirmed again.
 */
@Service
class PlanImports {

    private static final char[] ID_CHARACTERS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Kinds that name a day: without one, the words held a date that does not exist or has no year. */
    private static final Set<DeadlineKind> DATED = EnumSet.of(DeadlineKind.DATE, DeadlineKind.MONTH,
            DeadlineKind.QUARTER, DeadlineKind.YEAR);

    private final MongoTemplate mongo;
    private final UnitDirectory directory;
    private final PlannedTasks plannedTasks;
    private final Clock clock;
    private final PlanTableReader reader = new PlanTableReader();
    private final DeadlineParser parser = new DeadlineParser();

    PlanImports(MongoTemplate mongo, UnitDirectory directory, PlannedTasks plannedTasks, Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.plannedTasks = plannedTasks;
        this.clock = clock;
    }

    /** The document the rows come from, as the admin names it at upload; every part optional. */
    record Source(String number, LocalDate date, String issuer) {
    }

    PlanImport draft(String filename, InputStream content, Source source) {
        List<PlanRow> read = reader.read(filename, content);
        var leads = directory.resolveAll(read.stream().map(PlanRow::leadUnits).toList());
        var coordinating = directory.resolveAll(read.stream().map(PlanRow::coordinatingUnits).toList());
        List<ImportRow> rows = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        for (int i = 0; i < read.size(); i++) {
            var row = read.get(i);
            String ref = row.ref();
            List<String> extra = new ArrayList<>(row.warnings());
            for (int n = 2; !refs.add(ref); n++) {
                ref = row.ref() + "-" + n;
                if (n == 2) {
                    extra.add("Số thứ tự " + row.ref() + " bị trùng; dòng này được đánh số " + row.ref() + "-" + n);
                }
            }
            rows.add(row(ref, row.title(), leads.get(i), coordinating.get(i), row.expectedOutput(),
                    reading(row.time()), row.group(), row.sourceRow(), row.leadUnits(), row.coordinatingUnits(), extra,
                    source));
        }
        var draft = new PlanImport(newId(), safeName(filename), blankToNull(source.number()), source.date(),
                blankToNull(source.issuer()), rows, now(), null, null);
        mongo.insert(draft);
        return draft;
    }

    PlanImport find(String id) {
        var found = id == null ? null : mongo.findById(id, PlanImport.class);
        if (found == null) {
            throw new ImportNotFound("Không có bản nhập mã " + id);
        }
        return found;
    }

    /** A row as the admin corrected it; what is left out stays. Units are codes or names, as in the table. */
    record RowEdit(String title, List<String> leadUnits, List<String> coordinatingUnits, String expectedOutput,
                   LocalDate deadlineDate, String deadlineText, String group) {
    }

    ImportRow edit(String id, String ref, RowEdit edit) {
        var draft = find(id);
        if (draft.confirmedAt() != null) {
            throw new ImportAlreadyConfirmed(id);
        }
        List<ImportRow> rows = new ArrayList<>(draft.rows());
        int at = indexOf(rows, ref);
        var old = rows.get(at);
        String leadText = edit.leadUnits() == null ? String.join(", ", old.leadUnits()) : String.join(", ", edit.leadUnits());
        String coordinatingText = edit.coordinatingUnits() == null ? String.join(", ", old.coordinatingUnits())
                : String.join(", ", edit.coordinatingUnits());
        ImportRow.Deadline deadline = old.deadline();
        if (edit.deadlineText() != null && !edit.deadlineText().isBlank()) {
            deadline = reading(edit.deadlineText());
        } else if (edit.deadlineDate() != null) {
            deadline = new ImportRow.Deadline(DeadlineKind.DATE.name(), edit.deadlineDate(), null, false, null, null,
                    List.of());
        }
        var updated = row(old.ref(), edit.title() == null ? old.title() : edit.title().strip(),
                directory.resolve(leadText), directory.resolve(coordinatingText),
                edit.expectedOutput() == null ? old.expectedOutput() : edit.expectedOutput(), deadline,
                edit.group() == null ? old.group() : edit.group(), old.sourceRow(), leadText, coordinatingText,
                List.of(), new Source(draft.number(), draft.date(), draft.issuer()));
        rows.set(at, updated);
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("confirmedAt").is(null)),
                Update.update("rows", rows), PlanImport.class);
        if (result.getMatchedCount() == 0) {
            throw new ImportAlreadyConfirmed(id);
        }
        return updated;
    }

    /**
     * Assigns every row. Rows with blocking problems refuse the whole import first (422, nothing assigned); a
     * second confirmation is refused (409). Each task's id is derived from the import and the row, so even a
     * confirmation that dies half-way and is retried by an operator never assigns a row twice.
     */
    PlanImport confirm(String id) {
        var draft = find(id);
        if (draft.confirmedAt() != null) {
            throw new ImportAlreadyConfirmed(id);
        }
        List<ImportHasProblems.RowProblem> problems = new ArrayList<>();
        for (ImportRow row : draft.rows()) {
            var rechecked = recheck(row, draft);
            if (!rechecked.isEmpty()) {
                problems.add(new ImportHasProblems.RowProblem(row.ref(), rechecked));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportHasProblems(problems);
        }
        Instant confirmedAt = now();
        var claimed = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("confirmedAt").is(null)),
                Update.update("confirmedAt", confirmedAt), PlanImport.class);
        if (claimed.getModifiedCount() == 0) {
            throw new ImportAlreadyConfirmed(id);
        }
        Map<String, String> tasks = new LinkedHashMap<>();
        for (ImportRow row : draft.rows()) {
            var planned = planned(row, draft);
            plannedTasks.assign(planned);
            tasks.put(row.ref(), planned.id());
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("tasks", tasks), PlanImport.class);
        return find(id);
    }

    /** The blocking problems of a row against the directory as it is now. */
    private List<String> recheck(ImportRow row, PlanImport draft) {
        var fresh = row(row.ref(), row.title(), directory.resolve(String.join(", ", row.leadUnits())),
                directory.resolve(String.join(", ", row.coordinatingUnits())), row.expectedOutput(), row.deadline(),
                row.group(), row.sourceRow(), row.leadText(), row.coordinatingText(), List.of(),
                new Source(draft.number(), draft.date(), draft.issuer()));
        if (!row.blocking() && !fresh.blocking()) {
            return List.of();
        }
        return row.blocking() ? row.warnings() : fresh.warnings();
    }

    private ImportRow row(String ref, String title, UnitResolution leads, UnitResolution coordinating, String output,
                          ImportRow.Deadline deadline, String group, int sourceRow, String leadText,
                          String coordinatingText, List<String> readerWarnings, Source source) {
        List<String> warnings = new ArrayList<>(readerWarnings);
        boolean blocking = false;
        if (title == null || title.isBlank()) {
            if (warnings.stream().noneMatch(w -> w.startsWith("Thiếu tên nhiệm vụ"))) {
                warnings.add("Thiếu tên nhiệm vụ");
            }
            blocking = true;
        }
        if (leads.codes().isEmpty()) {
            warnings.add("Chưa xác định được đơn vị chủ trì");
            blocking = true;
        }
        blocking |= unitWarnings("chủ trì", leads, warnings);
        blocking |= unitWarnings("phối hợp", coordinating, warnings);
        if (deadline.needsReview()) {
            warnings.add("Thời gian thực hiện cần xem lại: " + String.join("; ", deadline.notes()));
        }
        if (deadline.kind() != null && DATED.contains(DeadlineKind.valueOf(deadline.kind())) && deadline.dueDate() == null) {
            warnings.add("Thời gian thực hiện có ngày không tồn tại hoặc thiếu năm: \"" + deadline.text() + "\"");
            blocking = true;
        }
        var draftRow = new ImportRow(ref, title, leads.codes(), coordinating.codes(), output, deadline, group,
                sourceRow, leadText, coordinatingText, warnings, blocking);
        if (!blocking) {
            String problem = plannedTasks.problem(planned(draftRow, source.number(), source.date(), source.issuer(), "-"));
            if (problem != null) {
                warnings.add(problem);
                draftRow = new ImportRow(ref, title, leads.codes(), coordinating.codes(), output, deadline, group,
                        sourceRow, leadText, coordinatingText, warnings, true);
            }
        }
        return draftRow;
    }

    private static boolean unitWarnings(String role, UnitResolution resolution, List<String> warnings) {
        resolution.unresolved().forEach(name -> warnings.add("Không có trong danh bạ (đơn vị " + role + "): " + name));
        resolution.ambiguous().forEach(name -> warnings.add("Tên chỉ nhiều đơn vị, cần chọn (đơn vị " + role + "): " + name));
        return !resolution.complete();
    }

    private ImportRow.Deadline reading(String time) {
        var parsed = parser.parse(time == null ? "" : time);
        return new ImportRow.Deadline(parsed.kind().name(), parsed.dueDate(), parsed.text(), parsed.needsReview(),
                parsed.startDate(), parsed.condition(), parsed.notes());
    }

    private static PlannedTasks.PlannedTask planned(ImportRow row, PlanImport draft) {
        return planned(row, draft.number(), draft.date(), draft.issuer(), draft.id());
    }

    private static PlannedTasks.PlannedTask planned(ImportRow row, String number, LocalDate date, String issuer,
                                                    String importId) {
        String text = row.deadline().text();
        return new PlannedTasks.PlannedTask(taskId(importId, row.ref()), row.title(), row.leadUnits(),
                row.coordinatingUnits(), row.expectedOutput(), row.deadline().dueDate(),
                text == null || text.isBlank() ? null : text,
                new SourceDocument(number, date, issuer, row.ref(), row.group()));
    }

    /** {@code I-<import>-<ref>}: a row's task id, the same on every confirmation. */
    static String taskId(String importId, String ref) {
        String safeRef = ref.replaceAll("[^A-Za-z0-9]", "_");
        String id = "I-" + importId + "-" + safeRef;
        return id.length() <= 64 ? id : id.substring(0, 64);
    }

    private static int indexOf(List<ImportRow> rows, String ref) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).ref().equals(ref)) {
                return i;
            }
        }
        throw new ImportNotFound("Bản nhập không có dòng số " + ref);
    }

    /**
     * The uploaded name, for display: the last path segment, control characters removed, at most 200 characters.
     * It is never used to name a file; nothing is written to disk.
     */
    static String safeName(String filename) {
        if (filename == null) {
            return null;
        }
        String last = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        String clean = last.replaceAll("[\\p{Cntrl}]", "").strip();
        return clean.length() <= 200 ? clean : clean.substring(0, 200);
    }

    private static String newId() {
        var id = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            id.append(ID_CHARACTERS[RANDOM.nextInt(ID_CHARACTERS.length)]);
        }
        return id.toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
