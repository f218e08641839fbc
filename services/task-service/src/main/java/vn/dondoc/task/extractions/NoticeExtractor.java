package vn.dondoc.task.extractions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.dondoc.task.deadlines.DeadlineParser;
import vn.dondoc.task.deadlines.ParsedDeadline;

/**
 * Drafts tasks from a conclusion notice's text (a PDF or Word conversion: hard line breaks, page numbers,
 * footnotes, the {@code Nơi nhận} block and signatures are expected).
 *
 * <p>Only the assignment part of the notice becomes tasks (see {@link Outline} for how it is found): the meeting
 * report before it and the closing formula after it never do. Within it, every item without sub-items is one
 * draft task; an item with sub-items ({@code 2. … An toàn vệ sinh thực phẩm: (1) …; (2) …}) is a heading whose
 * assignment and deadline its sub-items inherit when they name none of their own. Nothing is guessed silently:
 * every value carries the span it was read from, and anything a person should check sets {@code needsReview}.
 *
 * <p>The whole extraction is linear in the length of the text: one pass to clean it, one to cut it into words,
 * one over the markers, and per item bounded look-ups; the regular expressions have no unbounded nested
 * repetition.
 */
public final class NoticeExtractor {

    private final DeadlineParser deadlines = new DeadlineParser();

    public NoticeDraft extract(String text) {
        CleanText clean = CleanText.of(text == null ? "" : text);
        Tokens tokens = new Tokens(clean);
        UnitPhrases units = new UnitPhrases(tokens);
        Assignments assignments = new Assignments(tokens, units);
        Outline outline = Outline.read(clean);

        Excerpt addressee = addressee(clean, tokens, assignments, outline.sectionStart);
        DocumentInfo document = DocumentReader.read(clean, units, outline, addressee);
        List<DraftItem> items = new ArrayList<>();
        for (Outline.Node leaf : outline.leaves()) {
            items.add(item(clean, tokens, assignments, leaf, addressee));
        }
        return new NoticeDraft(document, List.copyOf(items));
    }

    /** The units the lead-in asks to act: the last {@code đề nghị/yêu cầu …} in the sentence before the items. */
    private static Excerpt addressee(CleanText clean, Tokens tokens, Assignments assignments, int sectionStart) {
        if (sectionStart <= 0) {
            return null;
        }
        var names = assignments.addressee(Math.max(0, sectionStart - 600), sectionStart);
        if (names.isEmpty()) {
            return null;
        }
        var first = names.getFirst();
        var last = names.getLast();
        return clean.excerpt(tokens.start(first.first()), tokens.end(last.end() - 1));
    }

    private DraftItem item(CleanText clean, Tokens tokens, Assignments assignments, Outline.Node leaf,
                           Excerpt addressee) {
        int start = leaf.marker.contentStart();
        int end = trimEnd(clean.text, start, leaf.end);
        List<String> warnings = new ArrayList<>();

        var own = assignments.read(start, end);
        var leads = own.leads();
        boolean inParentheses = own.leadInParentheses();
        var coordinating = own.coordinating();
        var phrases = DeadlinePhrases.in(clean, start, end);
        for (Outline.Node a = leaf.parent; a != null; a = a.parent) {
            int headingEnd = trimEnd(clean.text, a.marker.contentStart(), a.ownEnd());
            if (leads.isEmpty() || coordinating.isEmpty()) {
                var inherited = assignments.read(a.marker.contentStart(), headingEnd);
                if (leads.isEmpty()) {
                    leads = inherited.leads();
                    inParentheses = inherited.leadInParentheses();
                }
                if (coordinating.isEmpty()) {
                    coordinating = inherited.coordinating();
                }
            }
            if (phrases.isEmpty()) {
                phrases = DeadlinePhrases.in(clean, a.marker.contentStart(), headingEnd);
            }
        }

        List<Excerpt> leadUnits = distinct(names(clean, tokens, leads));
        boolean fromAddressee = false;
        if (leadUnits.isEmpty()) {
            if (addressee != null) {
                leadUnits = List.of(addressee);
                fromAddressee = true;
                warnings.add("Mục không nêu đơn vị chủ trì; tạm lấy đối tượng chung của thông báo: " + addressee.text());
            } else {
                warnings.add("Không xác định được đơn vị chủ trì");
            }
        } else {
            leadUnits = withoutRefinedGroups(leadUnits, warnings);
            for (Excerpt unit : leadUnits) {
                if (isGroup(unit.text())) {
                    warnings.add("\"" + unit.text() + "\" là nhóm đơn vị; cần chọn đơn vị cụ thể");
                }
            }
            if (inParentheses) {
                warnings.add("Đơn vị chủ trì được nêu trong ngoặc đơn; có thể chỉ chủ trì một phần của mục");
            }
        }
        List<Excerpt> coordinatingUnits = new ArrayList<>(distinct(names(clean, tokens, coordinating)));
        if (!fromAddressee) {
            var leadKeys = leadUnits.stream().map(u -> key(u.text())).toList();
            coordinatingUnits.removeIf(u -> leadKeys.contains(key(u.text())));
        }

        Excerpt deadlinePhrase = null;
        ParsedDeadline deadline = null;
        if (!phrases.isEmpty()) {
            var found = phrases.getFirst();
            deadlinePhrase = clean.excerpt(found.start(), found.end());
            deadline = deadlines.parse(deadlinePhrase.text());
            if (deadline.needsReview()) {
                warnings.addAll(deadline.notes());
            }
            if (phrases.size() > 1) {
                warnings.add("Mục có " + phrases.size() + " thời hạn; tạm lấy thời hạn đầu tiên (\""
                        + deadlinePhrase.text() + "\")");
            }
        }

        String heading = null;
        if (leaf.parent != null) {
            int hs = leaf.parent.marker.contentStart();
            heading = stripEnd(clean.text.substring(hs, trimEnd(clean.text, hs, leaf.parent.ownEnd())), ":");
        }
        return new DraftItem(leaf.ref, heading, title(clean, start, end), clean.text.substring(start, end),
                clean.span(start, end), List.copyOf(leadUnits), fromAddressee, List.copyOf(coordinatingUnits),
                deadlinePhrase, deadline, !warnings.isEmpty(), List.copyOf(warnings));
    }

    private static List<Excerpt> names(CleanText clean, Tokens tokens, List<UnitPhrases.Name> names) {
        return names.stream().map(n -> clean.excerpt(tokens.start(n.first()), tokens.end(n.end() - 1))).toList();
    }

    private static List<Excerpt> distinct(List<Excerpt> units) {
        Map<String, Excerpt> byName = new LinkedHashMap<>();
        for (Excerpt unit : units) {
            byName.putIfAbsent(key(unit.text()), unit);
        }
        return List.copyOf(byName.values());
    }

    /**
     * {@code Yêu cầu các phòng chức năng thuộc Sở xây dựng … (Phòng KHTC xây dựng …; Phòng NVD xây dựng …)}: the
     * named units are who does it, the group only announces them.
     */
    private static List<Excerpt> withoutRefinedGroups(List<Excerpt> leads, List<String> warnings) {
        if (leads.stream().allMatch(u -> isGroup(u.text())) || leads.stream().noneMatch(u -> isGroup(u.text()))) {
            return leads;
        }
        List<Excerpt> kept = new ArrayList<>();
        for (Excerpt unit : leads) {
            if (isGroup(unit.text())) {
                warnings.add("Bỏ nhóm \"" + unit.text() + "\" vì mục nêu đơn vị cụ thể");
            } else {
                kept.add(unit);
            }
        }
        return kept;
    }

    /** "các …", "những …", "toàn …", "ngành …", "địa phương": all units of a kind, not one that can be notified. */
    static boolean isGroup(String unit) {
        String f = CleanText.fold(unit);
        return f.startsWith("cac ") || f.startsWith("nhung ") || f.startsWith("toan ") || f.startsWith("nganh ")
                || f.equals("dia phuong");
    }

    private static String key(String unit) {
        return unit.toLowerCase(Locale.ROOT);
    }

    /** The item's first sentence: up to a full stop (or ellipsis) followed by a capital letter, or all of it. */
    private static Excerpt title(CleanText clean, int start, int end) {
        String t = clean.text;
        int stop = end;
        for (int i = start; i < end; i++) {
            char c = t.charAt(i);
            if (c == '.' || c == '…' || c == '!' || c == '?') {
                int j = i;
                while (j + 1 < end && (t.charAt(j + 1) == '.' || t.charAt(j + 1) == '…')) {
                    j++;
                }
                if (j + 2 < end && t.charAt(j + 1) == ' ' && (Character.isUpperCase(t.charAt(j + 2))
                        || t.charAt(j + 2) == '(' || t.charAt(j + 2) == '“' || t.charAt(j + 2) == '"')
                        && !abbreviationBefore(t, i, start)) {
                    stop = j + 1;
                    break;
                }
                i = j;
            }
        }
        int e = stop;
        while (e > start && ";:, ".indexOf(t.charAt(e - 1)) >= 0) {
            e--;
        }
        if (e > start && t.charAt(e - 1) == '.') {
            int dots = 0;
            while (e - dots > start && t.charAt(e - 1 - dots) == '.') {
                dots++;
            }
            e -= dots == 1 ? 1 : Math.max(0, dots - 3); // "…" written as dots stays, a full stop goes
        }
        return clean.excerpt(start, Math.max(start, e));
    }

    /** "TP. Hồ Chí Minh", "TT. Cấp cứu": a short capitalised abbreviation before the dot is not a sentence end. */
    private static boolean abbreviationBefore(String t, int dot, int start) {
        int b = dot;
        while (b > start && Character.isLetter(t.charAt(b - 1))) {
            b--;
        }
        int length = dot - b;
        return length >= 1 && length <= 2 && (b == start || t.charAt(b - 1) == ' ')
                && t.substring(b, dot).chars().allMatch(Character::isUpperCase);
    }

    /** An item's text ends before trailing separators ({@code ;}, {@code ,}) and the end-of-text mark {@code ./.}. */
    private static int trimEnd(String t, int start, int end) {
        int e = Math.min(end, t.length());
        while (e > start && (t.charAt(e - 1) == ' ' || t.charAt(e - 1) == ';' || t.charAt(e - 1) == ',')) {
            e--;
        }
        if (e - start >= 3 && t.startsWith("./.", e - 3)) {
            e -= 2;
        }
        return Math.max(e, start);
    }

    private static String stripEnd(String s, String characters) {
        int e = s.length();
        while (e > 0 && (characters.indexOf(s.charAt(e - 1)) >= 0 || s.charAt(e - 1) == ' ')) {
            e--;
        }
        return s.substring(0, e);
    }
}
