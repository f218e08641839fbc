package vn.dondoc.task.extractions;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the letterhead, the subject line and the signature block into {@link DocumentInfo}. */
final class DocumentReader {

    /** Genre titles as they stand alone on a line (diacritic-free), with the name to show. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("thong bao", "Thông báo"), Map.entry("thong bao ket luan", "Thông báo"),
            Map.entry("ke hoach", "Kế hoạch"), Map.entry("quyet dinh", "Quyết định"),
            Map.entry("bao cao", "Báo cáo"), Map.entry("chi thi", "Chỉ thị"), Map.entry("cong van", "Công văn"),
            Map.entry("to trinh", "Tờ trình"), Map.entry("bien ban", "Biên bản"), Map.entry("ket luan", "Kết luận"),
            Map.entry("chuong trinh", "Chương trình"), Map.entry("huong dan", "Hướng dẫn"));
    /** The kind code of a document number ({@code 45/TB-SYT}). */
    private static final Map<String, String> TYPE_CODES = Map.of(
            "TB", "Thông báo", "KH", "Kế hoạch", "QĐ", "Quyết định", "BC", "Báo cáo", "CT", "Chỉ thị",
            "TTr", "Tờ trình", "BB", "Biên bản", "HD", "Hướng dẫn", "CTr", "Chương trình");
    private static final int HEADER_LINES = 40;
    private static final int HEADER_CHARS = 3_000;
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}])Số\\s?:\\s?([\\d.]*/([\\p{L}]+)[\\p{L}\\d&.-]*)");
    private static final Pattern DATE = Pattern.compile(
            ", ngày\\s?(\\d{1,2})?\\s?tháng\\s?(\\d{1,2})\\s?năm\\s?(\\d{4})");
    /** "Kết luận của đồng chí …, Phó Chủ tịch UBND tỉnh Bắc Ninh": the body the concluding official heads. */
    private static final Pattern OFFICIAL = Pattern.compile(
            "(?:phó )?(?:chủ tịch|giám đốc|bí thư|bộ trưởng|thứ trưởng|cục trưởng|chi cục trưởng|trưởng ban|"
                    + "viện trưởng|tổng giám đốc) ");
    private static final Pattern COLUMN_BREAK = Pattern.compile("\\s{3,}|\\t");
    private static final Pattern PERSON = Pattern.compile("\\p{Lu}\\p{Ll}*(?: \\p{Lu}\\p{Ll}*){1,5}");

    private DocumentReader() {
    }

    static DocumentInfo read(CleanText clean, UnitPhrases units, Outline outline, Excerpt addressee) {
        List<String> warnings = new ArrayList<>();
        int headerEnd = Math.min(Math.min(HEADER_CHARS, clean.length()), Math.max(outline.sectionStart, 0));
        int typeLine = typeLine(clean);
        Excerpt number = number(clean, headerEnd);
        Excerpt type = typeLine >= 0 ? type(clean, typeLine) : null;
        if (type == null && number != null) {
            var m = NUMBER.matcher(number.text());
            if (m.find() && TYPE_CODES.containsKey(m.group(2))) {
                type = new Excerpt(TYPE_CODES.get(m.group(2)), number.span());
            }
        }
        if (number != null && number.text().startsWith("/")) {
            warnings.add("Văn bản chưa có số (\"" + number.text() + "\")");
        }
        Excerpt dateText = null;
        LocalDate date = null;
        Matcher d = DATE.matcher(clean.text).region(0, headerEnd);
        if (d.find()) {
            dateText = clean.excerpt(d.start() + 2, d.end());
            if (d.group(1) == null) {
                warnings.add("Ngày ban hành chưa điền ngày (\"" + dateText.text() + "\")");
            } else {
                try {
                    date = LocalDate.of(Integer.parseInt(d.group(3)), Integer.parseInt(d.group(2)),
                            Integer.parseInt(d.group(1)));
                } catch (DateTimeException e) {
                    warnings.add("Ngày ban hành không hợp lệ (\"" + dateText.text() + "\")");
                }
            }
        }
        Excerpt issuer = letterheadIssuer(clean, typeLine);
        if (issuer == null) {
            issuer = concludingBody(clean, units, headerEnd);
            if (issuer != null) {
                warnings.add("Không có tiêu đề cơ quan ban hành; suy ra từ trích yếu: " + issuer.text());
            }
        }
        Excerpt[] signature = signature(clean, outline.sectionEnd);
        if (addressee == null) {
            warnings.add("Không tìm thấy đơn vị được giao chung (\"đề nghị/yêu cầu …\") trước các mục");
        }
        return new DocumentInfo(type, number, date, dateText, issuer, signature[0], signature[1], addressee,
                List.copyOf(warnings));
    }

    /** The kept line that is only a genre title ({@code THÔNG BÁO}, {@code ## KẾ HOẠCH}), -1 if none. */
    private static int typeLine(CleanText clean) {
        for (int i = 0; i < Math.min(HEADER_LINES, clean.lines.size()); i++) {
            if (TYPES.containsKey(bare(clean, clean.lines.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static String bare(CleanText clean, CleanText.Line line) {
        return clean.folded.substring(line.start(), line.end()).replaceAll("[#*_]", "").strip();
    }

    private static Excerpt type(CleanText clean, int typeLine) {
        var line = clean.lines.get(typeLine);
        int s = line.start();
        int e = line.end();
        while (s < e && "#*_ ".indexOf(clean.text.charAt(s)) >= 0) {
            s++;
        }
        while (e > s && "#*_ ".indexOf(clean.text.charAt(e - 1)) >= 0) {
            e--;
        }
        return new Excerpt(TYPES.get(bare(clean, line)), clean.span(s, e));
    }

    private static Excerpt number(CleanText clean, int headerEnd) {
        Matcher m = NUMBER.matcher(clean.text).region(0, headerEnd);
        return m.find() ? clean.excerpt(m.start(1), m.end(1)) : null;
    }

    /**
     * The letterhead: capitalised column segments above the genre title ({@code UBND TỈNH BẮC NINH},
     * {@code SỞ Y TẾ}); the last one is the issuer (the first is its parent body).
     */
    private static Excerpt letterheadIssuer(CleanText clean, int typeLine) {
        Excerpt issuer = null;
        for (int i = 0; i < typeLine; i++) {
            var line = clean.lines.get(i);
            String raw = clean.original.substring(line.originalStart(), line.originalEnd());
            Matcher breaks = COLUMN_BREAK.matcher(raw);
            int segmentStart = 0;
            while (segmentStart <= raw.length()) {
                int segmentEnd = breaks.find() ? breaks.start() : raw.length();
                String segment = raw.substring(segmentStart, segmentEnd).strip();
                if (isLetterhead(segment)) {
                    int at = line.originalStart() + raw.indexOf(segment, segmentStart);
                    issuer = new Excerpt(segment.replaceAll("[*#_]", "").strip(), new Span(at, at + segment.length()));
                }
                if (segmentEnd == raw.length()) {
                    break;
                }
                segmentStart = breaks.end();
            }
        }
        return issuer;
    }

    private static boolean isLetterhead(String segment) {
        int letters = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        String folded = CleanText.fold(segment);
        return letters >= 3 && !folded.startsWith("cong hoa") && !folded.startsWith("doc lap")
                && !folded.matches("so\\s*:.*") && !TYPES.containsKey(folded.replaceAll("[#*_]", "").strip());
    }

    private static Excerpt concludingBody(CleanText clean, UnitPhrases units, int headerEnd) {
        Matcher m = OFFICIAL.matcher(clean.lower).region(0, headerEnd);
        Tokens tokens = units.tokens();
        while (m.find()) {
            int i = tokens.at(m.end());
            var named = units.readUnits(i, tokens.size(), false);
            if (!named.isEmpty()) {
                var name = named.getFirst();
                return clean.excerpt(tokens.start(name.first()), tokens.end(name.end() - 1));
            }
        }
        return null;
    }

    /**
     * The signer is the last line after the items that reads as a person's name ({@code Ngô Văn Luyến}); the
     * capitalised lines above it are the capacity ({@code TL. CHỦ TỊCH}, {@code KT. CHÁNH VĂN PHÒNG}, …).
     */
    private static Excerpt[] signature(CleanText clean, int bodyEnd) {
        List<CleanText.Line> lines = clean.lines;
        int nameLine = -1;
        for (int i = lines.size() - 1; i >= 0 && lines.get(i).start() >= bodyEnd; i--) {
            String text = clean.text.substring(lines.get(i).start(), lines.get(i).end());
            if (PERSON.matcher(text).matches()) {
                nameLine = i;
                break;
            }
        }
        if (nameLine < 0) {
            return new Excerpt[] {null, null};
        }
        var name = lines.get(nameLine);
        Excerpt signer = clean.excerpt(name.start(), name.end());
        List<CleanText.Line> capacity = new ArrayList<>();
        for (int i = nameLine - 1; i >= 0 && lines.get(i).start() >= bodyEnd; i--) {
            var line = lines.get(i);
            String text = clean.text.substring(line.start(), line.end());
            if (isCapacity(text)) {
                capacity.addFirst(line);
            } else if (!capacity.isEmpty()) {
                break;
            }
        }
        Excerpt title = null;
        if (!capacity.isEmpty()) {
            var joined = new StringBuilder();
            for (var line : capacity) {
                joined.append(joined.isEmpty() ? "" : ", ").append(clean.text, line.start(), line.end());
            }
            title = new Excerpt(joined.toString(),
                    new Span(clean.span(capacity.getFirst().start(), capacity.getFirst().end()).start(),
                            clean.span(capacity.getLast().start(), capacity.getLast().end()).end()));
        }
        return new Excerpt[] {signer, title};
    }

    private static boolean isCapacity(String line) {
        int letters = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 3 && !line.startsWith("-");
    }
}
