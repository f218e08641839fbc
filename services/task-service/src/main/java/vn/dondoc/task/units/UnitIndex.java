package vn.dondoc.task.units;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dondoc.task.deadlines.VietnameseText;

/**
 * The active units by every way documents name them, and the reading of a phrase naming several.
 * <p>
 * A name is looked up in four steps, each only when the one before found nothing: as written (case aside), without
 * diacritics, then both again without a leading body word ({@code Phòng}, {@code P.}, {@code Ban},
 * {@code Chi cục}, {@code Trung tâm}, {@code BV}…) and a trailing {@code tỉnh}/{@code thuộc Sở}. A step that finds
 * several units stops the search and reports the name as ambiguous: {@code Y tế} never silently becomes
 * {@code Phòng Y tế} when {@code Trung tâm Y tế} exists too.
 */
final class UnitIndex {

    private static final Pattern PREFIX = Pattern.compile(
            "^(?:phong|p|ban|chi cuc|cc|trung tam|tt|benh vien|bv) (?=\\S)");
    private static final Pattern SUFFIX = Pattern.compile(
            "(?<=\\S) (?:truc thuoc so y te|truc thuoc so|thuoc so y te|thuoc so|thuoc syt|so y te|syt|tinh)$");
    private static final String GROUP_WORD = "phong chuc nang|phong chuyen mon(?: nghiep vu)?|phong ban|phong"
            + "|don vi truc thuoc|don vi su nghiep|don vi|chi cuc|ban|trung tam|benh vien|co so";
    private static final Pattern GROUP = Pattern.compile(
            "^(?:tat ca (?:cac )?|toan bo (?:cac )?|cac |nhung )?(?:" + GROUP_WORD + ")"
                    + "(?:(?: ?[/,] ?| va | hoac )(?:cac )?(?:" + GROUP_WORD + "))*"
                    + "(?: (?:truc thuoc|thuoc) (?:so(?: y te)?|syt)| (?:co )?lien quan| syt)?$");
    private static final Pattern GROUP_WORDS = Pattern.compile(GROUP_WORD);
    /** "BVĐK số 1, số 2": a bare number continues the name before it. */
    private static final Pattern NUMBER_ONLY = Pattern.compile("^so \\S{1,4}$");
    private static final Pattern PARTS = Pattern.compile("\\s*[,;\\n]\\s*");
    private static final Pattern SUB_PARTS = Pattern.compile("\\s+(?:và|hoặc)\\s+|\\s*/\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_AND = Pattern.compile("^(?:và|cùng|với|hoặc)\\s+", Pattern.CASE_INSENSITIVE);

    private final List<Unit> units;
    private final Map<String, Set<String>> written = new HashMap<>();
    private final Map<String, Set<String>> folded = new HashMap<>();
    private final Map<String, Set<String>> writtenShort = new HashMap<>();
    private final Map<String, Set<String>> foldedShort = new HashMap<>();

    UnitIndex(List<Unit> units) {
        this.units = units.stream().filter(Unit::active).toList();
        for (Unit unit : this.units) {
            var details = unit.details();
            List<String> names = new ArrayList<>();
            names.add(unit.id());
            names.add(details.name());
            names.addAll(details.aliases());
            for (String name : names) {
                String key = key(name);
                if (key.isEmpty()) {
                    continue;
                }
                add(written, key, unit);
                add(folded, fold(key), unit);
                add(writtenShort, key, unit);
                add(foldedShort, fold(key), unit);
                String shortKey = shorten(key);
                add(writtenShort, shortKey, unit);
                add(foldedShort, fold(shortKey), unit);
            }
        }
    }

    private static void add(Map<String, Set<String>> map, String key, Unit unit) {
        if (!key.isEmpty()) {
            map.computeIfAbsent(key, k -> new TreeSet<>()).add(unit.id());
        }
    }

    /** Lower case, NFC, single spaces; dots as spaces ({@code P. NVY}); no spaces around {@code &} and {@code -}. */
    static String key(String text) {
        String normalized = VietnameseText.normalize(text == null ? "" : text).toLowerCase(Locale.ROOT);
        normalized = normalized.replace('.', ' ').replaceAll("\\s*&\\s*", "&").replaceAll("\\s*[-–]\\s*", "-")
                .replaceAll("[\"“”'‘’()]", " ").replaceAll("\\s+", " ");
        return normalized.replaceAll("^[\\s,;:]+|[\\s,;:]+$", "");
    }

    private static String fold(String key) {
        return VietnameseText.fold(key);
    }

    /** The key without a trailing qualifier and a leading body word; folding keeps positions, so both are cut alike. */
    private static String shorten(String key) {
        String result = key;
        Matcher suffix = SUFFIX.matcher(fold(result));
        if (suffix.find()) {
            result = result.substring(0, suffix.start());
        }
        Matcher prefix = PREFIX.matcher(fold(result));
        if (prefix.find()) {
            result = result.substring(prefix.end());
        }
        return result;
    }

    private record Lookup(Set<String> codes) {
        boolean found() {
            return !codes.isEmpty();
        }
    }

    /** One name: the unit it names (one code), the units it could name (several), or nothing. */
    private Lookup name(String text) {
        String key = key(text);
        if (key.isEmpty()) {
            return new Lookup(Set.of());
        }
        String shortKey = shorten(key);
        for (var step : List.of(Map.entry(written, key), Map.entry(folded, fold(key)),
                Map.entry(writtenShort, shortKey), Map.entry(foldedShort, fold(shortKey)))) {
            Set<String> codes = step.getKey().getOrDefault(step.getValue(), Set.of());
            if (!codes.isEmpty()) {
                return new Lookup(codes);
            }
        }
        return new Lookup(Set.of());
    }

    /** The active members of a group phrase, or null when the text is not a group phrase. */
    private Set<String> group(String text) {
        String key = fold(key(text)).replace("-", " ");
        if (!GROUP.matcher(key).matches()) {
            return null;
        }
        Set<UnitKind> kinds = EnumSet.noneOf(UnitKind.class);
        Set<String> namePrefixes = new LinkedHashSet<>();
        Matcher words = GROUP_WORDS.matcher(key.replaceAll(" (?:truc thuoc|thuoc) (?:so(?: y te)?|syt)$", ""));
        while (words.find()) {
            switch (words.group()) {
                case "phong ban" -> kinds.addAll(List.of(UnitKind.PHONG, UnitKind.BAN));
                case "ban" -> kinds.add(UnitKind.BAN);
                case "chi cuc" -> kinds.add(UnitKind.CHI_CUC);
                case "don vi", "don vi truc thuoc", "don vi su nghiep" ->
                        kinds.addAll(List.of(UnitKind.CHI_CUC, UnitKind.BAN, UnitKind.DON_VI));
                case "trung tam" -> namePrefixes.add("trung tam");
                case "benh vien" -> namePrefixes.add("benh vien");
                case "co so" -> kinds.add(UnitKind.DON_VI);
                default -> kinds.add(UnitKind.PHONG); // phong, phong chuc nang, phong chuyen mon…
            }
        }
        Set<String> members = new TreeSet<>();
        for (Unit unit : units) {
            var details = unit.details();
            boolean byName = namePrefixes.stream()
                    .anyMatch(prefix -> fold(key(details.name())).startsWith(prefix) && details.kind() == UnitKind.DON_VI);
            if (kinds.contains(details.kind()) || byName) {
                members.add(unit.id());
            }
        }
        return members;
    }

    UnitResolution resolve(String phrase) {
        List<String> codes = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        List<String> ambiguous = new ArrayList<>();
        String text = VietnameseText.normalize(phrase == null ? "" : phrase).replaceAll("^[\\s,;.:]+|[\\s,;.:]+$", "");
        if (text.isEmpty()) {
            return new UnitResolution(codes, unresolved, ambiguous);
        }
        var whole = name(text);
        if (whole.codes().size() == 1) {
            return new UnitResolution(List.copyOf(whole.codes()), unresolved, ambiguous);
        }
        String previous = null;
        for (String raw : PARTS.split(text)) {
            String part = LEADING_AND.matcher(raw.strip()).replaceFirst("").replaceAll("[\\s.:]+$", "");
            if (part.isEmpty()) {
                continue;
            }
            if (previous != null && NUMBER_ONLY.matcher(fold(key(part))).matches()) {
                int at = fold(previous).lastIndexOf(" so ");
                if (at > 0) {
                    part = previous.substring(0, at) + " " + part;
                }
            }
            if (!part(part, codes, unresolved, ambiguous)) {
                List<String> subParts = List.of(SUB_PARTS.split(part));
                if (subParts.size() > 1 && subParts.stream().allMatch(sub -> resolvable(sub))) {
                    subParts.forEach(sub -> part(sub, codes, unresolved, ambiguous));
                } else {
                    var lookup = name(part);
                    (lookup.codes().size() > 1 ? ambiguous : unresolved).add(part);
                }
            }
            previous = part;
        }
        return new UnitResolution(codes.stream().distinct().toList(), unresolved, ambiguous);
    }

    private boolean resolvable(String part) {
        Set<String> members = group(part);
        return members != null ? !members.isEmpty() : name(part).codes().size() == 1;
    }

    /** Adds what one part names; false when it names nothing for certain. */
    private boolean part(String part, List<String> codes, List<String> unresolved, List<String> ambiguous) {
        var lookup = name(part);
        if (lookup.codes().size() == 1) {
            codes.addAll(lookup.codes());
            return true;
        }
        Set<String> members = group(part);
        if (members != null && !members.isEmpty()) {
            codes.addAll(members);
            return true;
        }
        return false;
    }
}
