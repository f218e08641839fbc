package vn.dondoc.task.extractions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.dondoc.events.SourceDocument;
import vn.dondoc.task.deadlines.DeadlineParser;
import vn.dondoc.task.tasks.PlannedTasks;
import vn.dondoc.task.units.UnitDirectory;
import vn.dondoc.task.units.UnitResolution;

/**
 * Drafts tasks from a notice, keeps the draft while an admin reviews and edits it, and assigns its included items
 * once confirmed. Unit names are resolved against the directory; what it does not know stays as text, with a
 * warning, and blocks confirming only when no lead unit is left.
 */
@Service
class NoticeDrafts {

    static final int MAX_TITLE = 4_000;
    static final int MAX_ITEMS = 2_000;

    private final NoticeExtractor extractor = new NoticeExtractor();
    private final DeadlineParser deadlines = new DeadlineParser();
    private final Extractions extractions;
    private final UnitDirectory directory;
    private final PlannedTasks assignments;
    private final Clock clock;

    NoticeDrafts(Extractions extractions, UnitDirectory directory, PlannedTasks assignments, Clock clock) {
        this.extractions = extractions;
        this.directory = directory;
        this.assignments = assignments;
        this.clock = clock;
    }

    /** An item edit; a null field stays as it is. */
    record ItemEdit(@Size(max = MAX_TITLE, message = "Tên nhiệm vụ quá dài") String title,
                    @Size(max = 50, message = "Quá nhiều đơn vị chủ trì")
                    @Size(max = 50, message = "Tối đa 50 đơn vị chủ trì")
                    List<@Size(max = 300, message = "Tên đơn vị quá dài") String> leadUnits,
                    @Size(max = 50, message = "Quá nhiều đơn vị phối hợp")
                    @Size(max = 100, message = "Tối đa 100 đơn vị phối hợp")
                    List<@Size(max = 300, message = "Tên đơn vị quá dài") String> coordinatingUnits,
                    @Valid DeadlineEdit deadline,
                    @Size(max = 4_000, message = "Kết quả đầu ra quá dài") String expectedOutput,
                    Boolean included) {
    }

    /** A new deadline: the words (read again by the deadline parser) or a day; neither removes it. */
    record DeadlineEdit(@Size(max = 1_000, message = "Hạn quá dài") String text, LocalDate date) {
    }

    Extraction draft(String text) {
        if (text == null || text.isBlank()) {
            throw new NoticeUnreadable("Văn bản trống", "The notice is empty");
        }
        if (text.length() > NoticeFile.MAX_TEXT_BYTES
                || text.getBytes(StandardCharsets.UTF_8).length > NoticeFile.MAX_TEXT_BYTES) {
            throw NoticeTooLarge.text();
        }
        NoticeDraft draft = extractor.extract(text);
        if (draft.items().isEmpty()) {
            throw ExtractionRefused.noItems();
        }
        if (draft.items().size() > MAX_ITEMS) {
            throw ExtractionRefused.tooManyItems(draft.items().size(), MAX_ITEMS);
        }
        var names = new LinkedHashSet<String>();
        for (DraftItem item : draft.items()) {
            names.addAll(item.leadUnitNames());
            names.addAll(item.coordinatingUnitNames());
        }
        Map<String, UnitResolution> resolved = resolveAll(List.copyOf(names));
        List<ExtractedItem> items = new ArrayList<>();
        var refs = new HashMap<String, Integer>();
        for (DraftItem item : draft.items()) {
            // refs name items in the API; text that numbers two items alike still gets two names
            int seen = refs.merge(item.ref(), 1, Integer::sum);
            items.add(item(item, seen == 1 ? item.ref() : item.ref() + "~" + seen, resolved));
        }
        return extractions.insert(Extraction.draft(UUID.randomUUID().toString(), text, details(draft.document()),
                items, now()));
    }

    Extraction find(String id) {
        return extractions.find(id).orElseThrow(() -> ExtractionRefused.notFound(id));
    }

    Extraction edit(String id, String ref, ItemEdit edit) {
        var extraction = find(id);
        if (extraction.status() != Extraction.Status.DRAFT) {
            throw ExtractionRefused.alreadyConfirmed(id);
        }
        var item = extraction.item(ref).orElseThrow(() -> ExtractionRefused.itemNotFound(id, ref));
        if (item.taskId() != null) {
            throw ExtractionRefused.itemAssigned(ref, item.taskId());
        }
        var spans = item.spans();
        List<String> warnings = new ArrayList<>();

        String title = item.title();
        Span titleSpan = spans.title();
        if (edit.title() != null) {
            title = edit.title().strip();
            titleSpan = null;
        }
        var leadNames = item.leadNames();
        var leads = new Units(item.leadUnits(), item.unresolvedLeads(), List.of());
        boolean fromAddressee = item.leadFromAddressee();
        if (edit.leadUnits() != null) {
            leadNames = cleaned(edit.leadUnits());
            leads = units(leadNames, resolveAll(leadNames));
            fromAddressee = false;
        }
        var coordinatingNames = item.coordinatingNames();
        var coordinating = new Units(item.coordinatingUnits(), item.unresolvedCoordinating(), List.of());
        if (edit.coordinatingUnits() != null) {
            coordinatingNames = cleaned(edit.coordinatingUnits());
            coordinating = units(coordinatingNames, resolveAll(coordinatingNames));
        }
        var deadline = item.deadline();
        Span deadlineSpan = spans.deadline();
        if (edit.deadline() != null) {
            var words = edit.deadline().text();
            deadline = words != null && !words.isBlank() ? ExtractedItem.ItemDeadline.of(deadlines.parse(words.strip()))
                    : edit.deadline().date() != null ? ExtractedItem.ItemDeadline.onDay(edit.deadline().date()) : null;
            deadlineSpan = null;
        }
        String expectedOutput = edit.expectedOutput() != null ? blankToNull(edit.expectedOutput()) : item.expectedOutput();
        boolean included = edit.included() != null ? edit.included() : item.included();

        unitWarnings(leads, warnings);
        unitWarnings(coordinating, warnings);
        if (fromAddressee) {
            warnings.add("Mục không nêu đơn vị chủ trì; đang lấy đối tượng chung của thông báo: "
                    + String.join(", ", leadNames));
        }
        if (deadline != null && deadline.needsReview()) {
            warnings.addAll(deadline.notes());
        }
        var coordinatingCodes = new ArrayList<>(coordinating.codes());
        coordinatingCodes.removeAll(leads.codes());
        var changed = new ExtractedItem(item.ref(), item.heading(), title, item.description(), expectedOutput, leadNames,
                leads.codes(), leads.unresolved(), coordinatingNames, List.copyOf(coordinatingCodes),
                coordinating.unresolved(), fromAddressee, deadline, included, true, !warnings.isEmpty(),
                List.copyOf(warnings), new ExtractedItem.ItemSpans(titleSpan, spans.description(), deadlineSpan,
                        spans.units()), null);
        var blocked = changed.blockers();
        if (!blocked.isEmpty() && included) {
            // kept as the admin typed it: confirming lists what is still missing
            changed = new ExtractedItem(changed.ref(), changed.heading(), changed.title(), changed.description(),
                    changed.expectedOutput(), changed.leadNames(), changed.leadUnits(), changed.unresolvedLeads(),
                    changed.coordinatingNames(), changed.coordinatingUnits(), changed.unresolvedCoordinating(),
                    changed.leadFromAddressee(), changed.deadline(), changed.included(), true, true,
                    concat(changed.warnings(), blocked), changed.spans(), null);
        }
        return extractions.save(extraction.withItem(changed));
    }

    /**
     * Assigns one task per included item, all or none: every item is checked first, and the draft is claimed so
     * that a second confirmation is refused instead of assigning twice. Each task's id is derived from the draft
     * and the item, so a confirmation retried after a failure part-way assigns only the items still missing.
     */
    Extraction confirm(String id) {
        var extraction = find(id);
        if (extraction.status() != Extraction.Status.DRAFT) {
            throw ExtractionRefused.alreadyConfirmed(id);
        }
        var pending = extraction.items().stream().filter(item -> item.included() && item.taskId() == null).toList();
        if (pending.isEmpty() && extraction.items().stream().noneMatch(item -> item.taskId() != null)) {
            throw ExtractionRefused.nothingIncluded();
        }
        List<ExtractionRefused.Blocked> blocked = new ArrayList<>();
        for (var item : pending) {
            var reasons = new ArrayList<>(item.blockers());
            if (reasons.isEmpty()) {
                var problem = assignments.problem(task(extraction, item));
                if (problem != null) {
                    reasons.add(problem);
                }
            }
            if (!reasons.isEmpty()) {
                blocked.add(new ExtractionRefused.Blocked(item.ref(), List.copyOf(reasons)));
            }
        }
        if (!blocked.isEmpty()) {
            throw ExtractionRefused.notReady(blocked);
        }
        if (!extractions.claim(id)) {
            throw ExtractionRefused.alreadyConfirmed(id);
        }
        int assigned = 0;
        for (var item : pending) {
            var task = task(extraction, item);
            try {
                assignments.assign(task);
            } catch (PlannedTasks.PlannedTaskRefused e) {
                extractions.release(id);
                throw ExtractionRefused.assignmentFailed(item.ref(), e.getMessage(), assigned);
            } catch (RuntimeException e) {
                extractions.release(id);
                throw e;
            }
            extractions.recordTask(id, item.ref(), task.id());
            assigned++;
        }
        extractions.finish(id, now());
        return find(id);
    }

    /** MongoDB keeps milliseconds: the answer to a POST says exactly what a later GET reads. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static PlannedTasks.PlannedTask task(Extraction extraction, ExtractedItem item) {
        var document = extraction.document();
        var source = new SourceDocument(document.number(), document.date(), document.issuer(), item.ref());
        var deadline = item.deadline();
        return new PlannedTasks.PlannedTask(taskId(extraction, item), item.title(), item.leadUnits(),
                item.coordinatingUnits(), item.expectedOutput(), deadline.text() == null ? deadline.dueDate() : null,
                deadline.text(), source);
    }

    /** {@code N-} + the draft's id + the item's place: refs such as {@code 8.(3)} hold characters ids may not. */
    static String taskId(Extraction extraction, ExtractedItem item) {
        return "N-" + extraction.id().replace("-", "") + "-" + (extraction.items().indexOf(item) + 1);
    }

    private ExtractedItem item(DraftItem draft, String ref, Map<String, UnitResolution> resolved) {
        List<String> warnings = new ArrayList<>(draft.warnings());
        List<ExtractedItem.UnitSpan> unitSpans = new ArrayList<>();
        var leads = units(draft.leadUnitNames(), resolved);
        var coordinating = units(draft.coordinatingUnitNames(), resolved);
        draft.leadUnits().forEach(unit -> unitSpans.add(unitSpan(unit, "LEAD", resolved)));
        draft.coordinatingUnits().forEach(unit -> unitSpans.add(unitSpan(unit, "COORDINATING", resolved)));
        unitWarnings(leads, warnings);
        unitWarnings(coordinating, warnings);
        var coordinatingCodes = new ArrayList<>(coordinating.codes());
        coordinatingCodes.removeAll(leads.codes());
        boolean needsReview = draft.needsReview() || draft.leadFromAddressee() || !warnings.isEmpty();
        var deadlineSpan = draft.deadlinePhrase() == null ? null : draft.deadlinePhrase().span();
        var deadline = ExtractedItem.ItemDeadline.of(draft.deadline());
        return new ExtractedItem(ref, draft.heading(), draft.title().text(), draft.description(), null,
                draft.leadUnitNames(), leads.codes(), leads.unresolved(), draft.coordinatingUnitNames(),
                List.copyOf(coordinatingCodes), coordinating.unresolved(), draft.leadFromAddressee(), deadline, true,
                false, needsReview, List.copyOf(warnings),
                new ExtractedItem.ItemSpans(draft.title().span(), draft.descriptionSpan(), deadlineSpan,
                        List.copyOf(unitSpans)), null);
    }

    private static ExtractedItem.UnitSpan unitSpan(Excerpt unit, String role, Map<String, UnitResolution> resolved) {
        var resolution = resolved.get(unit.text());
        return new ExtractedItem.UnitSpan(unit.text(), role, resolution == null ? List.of() : resolution.codes(),
                unit.span().start(), unit.span().end());
    }

    /** Units of one role: the codes found, the names as written that name no unit, the names that could be several. */
    private record Units(List<String> codes, List<String> unresolved, List<String> ambiguous) {
    }

    private static Units units(List<String> names, Map<String, UnitResolution> resolved) {
        var codes = new LinkedHashSet<String>();
        var unresolved = new LinkedHashSet<String>();
        var ambiguous = new LinkedHashSet<String>();
        for (String name : names) {
            var resolution = resolved.get(name);
            if (resolution == null) {
                unresolved.add(name);
                continue;
            }
            codes.addAll(resolution.codes());
            unresolved.addAll(resolution.unresolved());
            ambiguous.addAll(resolution.ambiguous());
        }
        // what could be several units is not guessed: it stays as text, like an unknown name
        unresolved.addAll(ambiguous);
        return new Units(List.copyOf(codes), List.copyOf(unresolved), List.copyOf(ambiguous));
    }

    private static void unitWarnings(Units units, List<String> warnings) {
        for (String name : units.unresolved()) {
            warnings.add(units.ambiguous().contains(name)
                    ? "\"" + name + "\" có thể là nhiều đơn vị trong danh bạ; cần chọn đơn vị cụ thể"
                    : "\"" + name + "\" chưa có trong danh bạ đơn vị");
        }
    }

    private Map<String, UnitResolution> resolveAll(List<String> names) {
        Map<String, UnitResolution> resolved = new HashMap<>();
        if (names.isEmpty()) {
            return resolved;
        }
        var resolutions = directory.resolveAll(names);
        for (int i = 0; i < names.size(); i++) {
            resolved.put(names.get(i), resolutions.get(i));
        }
        return resolved;
    }

    private static Extraction.NoticeDetails details(DocumentInfo info) {
        return new Extraction.NoticeDetails(text(info.type()), text(info.number()), info.date(), text(info.dateText()),
                text(info.issuer()), text(info.signer()), text(info.signerTitle()), text(info.addressee()),
                List.copyOf(info.warnings()));
    }

    private static String text(Excerpt excerpt) {
        return excerpt == null ? null : excerpt.text();
    }

    private static List<String> cleaned(List<String> names) {
        return names.stream().filter(name -> name != null && !name.isBlank()).map(String::strip).distinct().toList();
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        b.stream().filter(s -> !all.contains(s)).forEach(all::add);
        return List.copyOf(all);
    }
}
