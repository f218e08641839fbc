package vn.dondoc.task.extractions;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbered structure of a notice's assignment part. Markers are {@code 1.}, {@code 9.1.}, {@code a)},
 * {@code - } at the start of a line and {@code (1)} after a clause boundary ({@code "…; (2) Chủ động"}); a marker
 * is believed only when it continues its sequence ({@code 2.} after {@code 1.}), which rejects the hard-wrapped
 * line that happens to begin {@code 2024. Đồng chí…} or a page number.
 *
 * <p>Which part holds the assignments is decided from the genre: a conclusion notice first reports the meeting
 * (who attended, what was achieved, difficulties — sample 003 even numbers those {@code (1)…(5)}), then says
 * {@code … đề nghị ngành y tế tập trung thực hiện … như sau:} and lists what each unit must do. So the
 * assignments are the top-level numbered list whose lead-in ends with a colon after an assigning word (the last
 * such list when there are several); they run until the closing formula ({@code ./.}, {@code Thừa lệnh…},
 * {@code Trên đây là…}) or the {@code Nơi nhận} block. Without a numbered list, the markers after the last
 * {@code … như sau:} are the items.
 */
final class Outline {

    enum Kind {
        NUMBER, SUB_NUMBER, LETTER, PAREN, DASH
    }

    record Marker(Kind kind, int major, int minor, int start, int contentStart, String label) {
    }

    /** An item: its marker, the end of its text, and its sub-items. */
    static final class Node {
        final Marker marker;
        final Node parent;
        final List<Node> children = new ArrayList<>();
        final String ref;
        int end;

        Node(Marker marker, Node parent, String ref) {
            this.marker = marker;
            this.parent = parent;
            this.ref = ref;
        }

        /** Where the item's own text ends: at its first sub-item, or its end. */
        int ownEnd() {
            return children.isEmpty() ? end : children.getFirst().marker.start();
        }
    }

    private static final String LETTERS = "abcdđefghijklmnopqrstuvwxyz";
    private static final String[] LEAD_IN_WORDS = {
            "de nghi", "yeu cau", "giao", "nhiem vu", "ket luan", "chi dao", "nhu sau", "cu the sau", "sau day"};
    private static final String[] CLOSINGS = {
            "thua lenh", "thua uy quyen", "tren day la", "tl. ", "kt. ", "tm. ", "noi nhan"};

    final int sectionStart;
    final int sectionEnd;
    final List<Node> roots;

    private Outline(int sectionStart, int sectionEnd, List<Node> roots) {
        this.sectionStart = sectionStart;
        this.sectionEnd = sectionEnd;
        this.roots = roots;
    }

    List<Node> leaves() {
        List<Node> leaves = new ArrayList<>();
        var stack = new ArrayList<Node>(roots.reversed());
        while (!stack.isEmpty()) {
            Node node = stack.removeLast();
            if (node.children.isEmpty()) {
                leaves.add(node);
            } else {
                stack.addAll(node.children.reversed());
            }
        }
        return leaves;
    }

    static Outline read(CleanText clean) {
        int recipients = recipientsStart(clean);
        List<Marker> markers = scan(clean, recipients);
        int start = sectionStart(clean, markers);
        int end = sectionEnd(clean, start, recipients);
        List<Marker> inside = markers.stream().filter(m -> m.start() >= start && m.start() < end).toList();
        return new Outline(start, end, tree(inside, end));
    }

    /** The {@code Nơi nhận} line: recipients and signatures follow, never items. */
    private static int recipientsStart(CleanText clean) {
        for (CleanText.Line line : clean.lines) {
            if (clean.folded.startsWith("noi nhan", line.start())) {
                return line.start();
            }
        }
        return clean.length();
    }

    private static List<Marker> scan(CleanText clean, int limit) {
        String t = clean.text;
        List<Marker> markers = new ArrayList<>();
        for (int p = 0; p < limit; p++) {
            if (clean.isLineStart(p)) {
                Marker m = lineMarker(t, p);
                if (m != null) {
                    markers.add(m);
                    continue;
                }
            }
            if (t.charAt(p) == '(' && p + 2 < t.length()) {
                Marker m = parenMarker(clean, p);
                if (m != null) {
                    markers.add(m);
                }
            }
        }
        return markers;
    }

    private static Marker lineMarker(String t, int p) {
        int n = t.length();
        int q = p;
        while (q < n && q - p < 2 && Character.isDigit(t.charAt(q))) {
            q++;
        }
        if (q > p && q < n && t.charAt(q) == '.' && (q - p == 1 || t.charAt(p) != '0')) {
            int major = Integer.parseInt(t, p, q, 10);
            int r = q + 1;
            int s = r;
            while (s < n && s - r < 2 && Character.isDigit(t.charAt(s))) {
                s++;
            }
            if (s > r) {
                int minor = Integer.parseInt(t, r, s, 10);
                int after = s < n && t.charAt(s) == '.' ? s + 1 : s;
                if (after == n || t.charAt(after) == ' ') {
                    return new Marker(Kind.SUB_NUMBER, major, minor, p, skipSpaces(t, after), major + "." + minor);
                }
                return null;
            }
            if (r == n || t.charAt(r) == ' ' || Character.isUpperCase(t.charAt(r))) {
                return new Marker(Kind.NUMBER, major, 0, p, skipSpaces(t, r), String.valueOf(major));
            }
            return null;
        }
        char c = t.charAt(p);
        if (p + 2 < n && LETTERS.indexOf(c) >= 0 && t.charAt(p + 1) == ')' && t.charAt(p + 2) == ' ') {
            return new Marker(Kind.LETTER, LETTERS.indexOf(c), 0, p, skipSpaces(t, p + 2), String.valueOf(c));
        }
        if (p + 1 < n && (c == '-' || c == '–' || c == '—' || c == '•' || c == '+') && t.charAt(p + 1) == ' ') {
            return new Marker(Kind.DASH, 0, 0, p, skipSpaces(t, p + 1), "-");
        }
        return null;
    }

    /** {@code (2)} counts when it opens a clause: at a line start or after {@code : ; .}. */
    private static Marker parenMarker(CleanText clean, int p) {
        String t = clean.text;
        int q = p + 1;
        while (q < t.length() && q - p <= 2 && Character.isDigit(t.charAt(q))) {
            q++;
        }
        if (q == p + 1 || q >= t.length() || t.charAt(q) != ')' || q - p > 3) {
            return null;
        }
        if (q + 1 < t.length() && t.charAt(q + 1) != ' ') {
            return null;
        }
        int b = p - 1;
        while (b >= 0 && t.charAt(b) == ' ') {
            b--;
        }
        boolean opensClause = clean.isLineStart(p) || b < 0 || ":;.".indexOf(t.charAt(b)) >= 0;
        if (!opensClause) {
            return null;
        }
        int value = Integer.parseInt(t, p + 1, q, 10);
        return new Marker(Kind.PAREN, value, 0, p, skipSpaces(t, q + 1), "(" + value + ")");
    }

    private static int skipSpaces(String t, int i) {
        while (i < t.length() && t.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * Runs of top-level numbers (1., 2., 3., … ; a new "1." starts a new run); the assignments are the last run
     * announced by an assigning lead-in, else the last run.
     */
    private static int sectionStart(CleanText clean, List<Marker> markers) {
        List<Marker> runStarts = new ArrayList<>();
        int last = 0;
        for (Marker m : markers) {
            if (m.kind() != Kind.NUMBER) {
                continue;
            }
            if (m.major() == 1) {
                runStarts.add(m);
                last = 1;
            } else if (last > 0 && m.major() == last + 1) {
                last++;
            }
        }
        Marker chosen = null;
        for (Marker run : runStarts) {
            if (announced(clean, run.start())) {
                chosen = run;
            }
        }
        if (chosen == null && !runStarts.isEmpty()) {
            chosen = runStarts.getLast();
        }
        if (chosen != null) {
            return chosen.start();
        }
        // no numbered list: the items follow the last "… như sau:" (or the whole text)
        int colon = -1;
        for (int i = clean.text.indexOf(':'); i >= 0; i = clean.text.indexOf(':', i + 1)) {
            if (announced(clean, i + 1)) {
                colon = i + 1;
            }
        }
        return Math.max(colon, 0);
    }

    /** The text just before {@code position} ends with a colon and says that tasks follow. */
    private static boolean announced(CleanText clean, int position) {
        int b = position - 1;
        while (b >= 0 && clean.text.charAt(b) == ' ') {
            b--;
        }
        if (b < 0 || clean.text.charAt(b) != ':') {
            return false;
        }
        String leadIn = clean.folded.substring(Math.max(0, b - 200), b);
        for (String word : LEAD_IN_WORDS) {
            if (leadIn.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The first closing formula after the items start: {@code ./.}, {@code Thừa lệnh …}, {@code Nơi nhận}. */
    private static int sectionEnd(CleanText clean, int start, int recipients) {
        int end = recipients;
        int mark = clean.text.indexOf("./.", start);
        if (mark >= 0 && mark < end) {
            end = mark + 1; // keep the full stop
        }
        String f = clean.folded;
        for (CleanText.Line line : clean.lines) {
            int p = line.start();
            if (p > start && p < end && opensClosing(f, p) && sentenceEndsBefore(clean.text, p)) {
                end = p;
                break;
            }
        }
        for (int p = clean.text.indexOf(". ", start); p >= 0 && p + 2 < end; p = clean.text.indexOf(". ", p + 1)) {
            if (opensClosing(f, p + 2)) {
                end = p + 1;
                break;
            }
        }
        return end;
    }

    private static boolean opensClosing(String folded, int p) {
        for (String closing : CLOSINGS) {
            if (folded.startsWith(closing, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sentenceEndsBefore(String t, int p) {
        int b = p - 1;
        while (b >= 0 && t.charAt(b) == ' ') {
            b--;
        }
        return b < 0 || ".:;!?".indexOf(t.charAt(b)) >= 0;
    }

    private static int rank(Kind kind) {
        return kind.ordinal();
    }

    /** Nests the markers, believing only those that continue their sequence. */
    private static List<Node> tree(List<Marker> markers, int end) {
        List<Node> roots = new ArrayList<>();
        List<Node> stack = new ArrayList<>();
        int dashCount = 0;
        for (Marker m : markers) {
            int r = rank(m.kind());
            Node sibling = null;
            Node parent = null;
            for (int k = stack.size() - 1; k >= 0; k--) {
                int rk = rank(stack.get(k).marker.kind());
                if (rk == r) {
                    sibling = stack.get(k);
                    parent = sibling.parent;
                    break;
                }
                if (rk < r) {
                    parent = stack.get(k);
                    break;
                }
            }
            boolean accepted = sibling != null ? follows(sibling.marker, m)
                    : first(m, parent) && (parent != null || roots.isEmpty() || rank(roots.getFirst().marker.kind()) == r);
            if (!accepted) {
                continue;
            }
            while (!stack.isEmpty() && rank(stack.getLast().marker.kind()) >= r) {
                stack.removeLast().end = m.start();
            }
            String ref;
            if (m.kind() == Kind.DASH) {
                dashCount = sibling == null ? 1 : dashCount + 1;
                ref = (parent == null ? "" : parent.ref + ".") + "-" + dashCount;
            } else if (m.kind() == Kind.NUMBER || m.kind() == Kind.SUB_NUMBER || parent == null) {
                ref = m.label();
            } else {
                ref = parent.ref + "." + m.label();
            }
            Node node = new Node(m, parent, ref);
            (parent == null ? roots : parent.children).add(node);
            stack.add(node);
        }
        for (Node open : stack) {
            open.end = end;
        }
        return roots;
    }

    private static boolean follows(Marker previous, Marker m) {
        return switch (m.kind()) {
            case NUMBER, PAREN -> m.major() == previous.major() + 1;
            case SUB_NUMBER -> m.major() == previous.major() && m.minor() == previous.minor() + 1;
            case LETTER -> m.major() > previous.major() && m.major() <= previous.major() + 2;
            case DASH -> true;
        };
    }

    private static boolean first(Marker m, Node parent) {
        return switch (m.kind()) {
            case NUMBER, PAREN -> m.major() == 1;
            case SUB_NUMBER -> m.minor() == 1 && parent != null && parent.marker.kind() == Kind.NUMBER
                    && parent.marker.major() == m.major();
            case LETTER -> m.major() == 0;
            case DASH -> true;
        };
    }
}
