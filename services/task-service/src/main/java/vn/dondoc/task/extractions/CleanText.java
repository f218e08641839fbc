package vn.dondoc.task.extractions;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.dondoc.task.deadlines.VietnameseText;

/**
 * The notice's running text as the extractor reads it: NFC, white space runs (including the hard line breaks of a
 * PDF conversion) made single spaces, page numbers, running headers and footnotes left out, and for every
 * character the original characters it came from, so that every match maps back to a {@link Span} of the input.
 * Also kept: where each kept line started (item markers are only believed at a line start) and two same-length
 * views for matching, lower case and diacritic-free.
 */
final class CleanText {

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?:-\\s*)?\\d{1,3}(?:\\s*-)?|(?i:trang)\\s*\\d{1,3}(?:\\s*/\\s*\\d{1,3})?|\\d{1,3}\\s*/\\s*\\d{1,3}");
    private static final Pattern FOOTNOTE_START = Pattern.compile("(\\d{1,2})\\s+\\S.*|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\\s*\\S.*");
    /** A footnote reference as PDF conversion leaves it: a superscript number glued to the word before it. */
    private static final Pattern FOOTNOTE_REFERENCE = Pattern.compile("\\p{L}(\\d{1,2})(?=[\\s,.;:)]|$)");
    private static final int MAX_FOOTNOTE_LINES = 3;

    /** One line of the input that was kept: its place in the clean text and in the original. */
    record Line(int start, int end, int originalStart, int originalEnd) {
    }

    final String original;
    final String text;
    final String lower;
    final String folded;
    final List<Line> lines;
    private final int[] from;
    private final int[] to;
    private final BitSet lineStarts;

    private CleanText(String original, String text, int[] from, int[] to, List<Line> lines, BitSet lineStarts) {
        this.original = original;
        this.text = text;
        this.from = from;
        this.to = to;
        this.lines = lines;
        this.lineStarts = lineStarts;
        var lowerChars = new char[text.length()];
        var foldedChars = new char[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            lowerChars[i] = Character.toLowerCase(c);
            foldedChars[i] = fold(c);
        }
        this.lower = new String(lowerChars);
        this.folded = new String(foldedChars);
    }

    static CleanText of(String original) {
        List<int[]> raw = rawLines(original);
        boolean[] noise = noiseLines(original, raw);
        var builder = new Builder(original);
        for (int i = 0; i < raw.size(); i++) {
            if (!noise[i]) {
                builder.appendLine(raw.get(i)[0], raw.get(i)[1]);
            }
        }
        return builder.build();
    }

    Span span(int start, int end) {
        if (end <= start) {
            int at = start < from.length ? from[start] : original.length();
            return new Span(at, at);
        }
        return new Span(from[start], to[end - 1]);
    }

    Excerpt excerpt(int start, int end) {
        return new Excerpt(text.substring(start, end), span(start, end));
    }

    boolean isLineStart(int index) {
        return lineStarts.get(index);
    }

    int length() {
        return text.length();
    }

    /** The original lines, each trimmed of surrounding white space: {start, end} offsets. */
    private static List<int[]> rawLines(String s) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '\n' || s.charAt(i) == '\r') {
                int a = start;
                int b = i;
                while (a < b && isSpace(s.charAt(a))) {
                    a++;
                }
                while (b > a && isSpace(s.charAt(b - 1))) {
                    b--;
                }
                lines.add(new int[] {a, b});
                start = i + 1;
            }
        }
        return lines;
    }

    /**
     * Lines that are not running text: blank lines, page numbers, lines repeated next to page numbers (running
     * headers and footers), and footnotes (a line opening with a number that the text used as a glued
     * superscript reference, {@code chỉ tiêu1}).
     */
    private static boolean[] noiseLines(String s, List<int[]> raw) {
        int n = raw.size();
        boolean[] noise = new boolean[n];
        boolean[] page = new boolean[n];
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int[] l = raw.get(i);
            if (l[0] == l[1]) {
                noise[i] = true;
                continue;
            }
            String line = s.substring(l[0], l[1]);
            if (line.length() <= 12 && PAGE_NUMBER.matcher(line).matches()) {
                noise[i] = page[i] = true;
                continue;
            }
            if (line.length() <= 120) {
                counts.merge(line, 1, Integer::sum);
            }
        }
        for (int i = 0; i < n; i++) {
            int[] l = raw.get(i);
            if (noise[i] || l[1] - l[0] > 120 || counts.getOrDefault(s.substring(l[0], l[1]), 0) < 2) {
                continue;
            }
            if (nearPageNumber(page, noise, i)) {
                noise[i] = true;
            }
        }
        var references = new BitSet(100);
        int firstReference = Integer.MAX_VALUE;
        var refs = FOOTNOTE_REFERENCE.matcher(s);
        while (refs.find()) {
            references.set(Integer.parseInt(refs.group(1)));
            firstReference = Math.min(firstReference, refs.start());
        }
        for (int i = 0; i < n; i++) {
            int[] l = raw.get(i);
            if (noise[i] || l[0] < firstReference) {
                continue;
            }
            String line = s.substring(l[0], l[1]);
            var m = FOOTNOTE_START.matcher(line);
            if (!m.matches() || (m.group(1) != null && !references.get(Integer.parseInt(m.group(1))))) {
                continue;
            }
            // a footnote runs to its full stop, at most a few lines
            for (int k = i, taken = 0; k < n && taken < MAX_FOOTNOTE_LINES; k++) {
                int[] f = raw.get(k);
                if (f[0] == f[1]) {
                    continue;
                }
                noise[k] = true;
                taken++;
                if (s.charAt(f[1] - 1) == '.') {
                    break;
                }
            }
        }
        return noise;
    }

    private static boolean nearPageNumber(boolean[] page, boolean[] noise, int i) {
        for (int dir = -1; dir <= 1; dir += 2) {
            int seen = 0;
            for (int k = i + dir; k >= 0 && k < page.length && seen < 3; k += dir) {
                if (page[k]) {
                    return true;
                }
                if (!noise[k]) {
                    seen++;
                }
            }
        }
        return false;
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B'
                || Character.isISOControl(c);
    }

    static String fold(String s) {
        var folded = new char[s.length()];
        for (int i = 0; i < s.length(); i++) {
            folded[i] = fold(s.charAt(i));
        }
        return new String(folded);
    }

    static char fold(char c) {
        return VietnameseText.foldChar(c);
    }

    /** Appends kept lines, collapsing white space and composing diacritics, recording where each character came from. */
    private static final class Builder {
        private final String s;
        private final boolean composed;
        private final StringBuilder out;
        private int[] from;
        private int[] to;
        private final List<Line> lines = new ArrayList<>();
        private final BitSet lineStarts = new BitSet();
        private int previousEnd = -1;

        Builder(String s) {
            this.s = s;
            this.composed = Normalizer.isNormalized(s, Normalizer.Form.NFC);
            this.out = new StringBuilder(s.length());
            this.from = new int[Math.max(16, s.length())];
            this.to = new int[Math.max(16, s.length())];
        }

        void appendLine(int start, int end) {
            if (out.length() > 0) {
                char last = out.charAt(out.length() - 1);
                char before = out.length() > 1 ? out.charAt(out.length() - 2) : ' ';
                char first = s.charAt(start);
                // "6314/SYT-" + "ATTP", "2026-" + "2030", "30/6/" + "2026": a break inside a token, not between words
                boolean glued = ((last == '-' || last == '/') && before != ' ' && Character.isLetterOrDigit(first))
                        || (first == '/' && Character.isDigit(last));
                if (!glued) {
                    put(' ', previousEnd, start);
                }
            }
            int lineStart = out.length();
            lineStarts.set(lineStart);
            int i = start;
            while (i < end) {
                char c = s.charAt(i);
                if (isSpace(c)) {
                    int j = i;
                    while (j < end && isSpace(s.charAt(j))) {
                        j++;
                    }
                    put(' ', i, j);
                    i = j;
                } else if (composed) {
                    put(c, i, i + 1);
                    i++;
                } else {
                    int j = i + 1;
                    while (j < end && isMark(s.charAt(j))) {
                        j++;
                    }
                    String cluster = Normalizer.normalize(s.substring(i, j), Normalizer.Form.NFC);
                    for (int k = 0; k < cluster.length(); k++) {
                        put(cluster.charAt(k), i, j);
                    }
                    i = j;
                }
            }
            lines.add(new Line(lineStart, out.length(), start, end));
            previousEnd = end;
        }

        private static boolean isMark(char c) {
            int type = Character.getType(c);
            return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
        }

        private void put(char c, int originalStart, int originalEnd) {
            int at = out.length();
            if (at == from.length) {
                from = java.util.Arrays.copyOf(from, at * 2);
                to = java.util.Arrays.copyOf(to, at * 2);
            }
            out.append(c);
            from[at] = originalStart;
            to[at] = originalEnd;
        }

        CleanText build() {
            return new CleanText(s, out.toString(), from, to, List.copyOf(lines), lineStarts);
        }
    }
}
