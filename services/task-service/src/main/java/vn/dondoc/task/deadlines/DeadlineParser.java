package vn.dondoc.task.deadlines;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dondoc.events.DeadlineKind;

/**
 * Reads a deadline phrase the way office staff write it (DESIGN §1). It matches on diacritic-free lower-case text
 * (so {@code Hằng năm}, {@code hàng năm} and {@code HANG NAM} are one), takes every time expression it recognises,
 * and flags for review whatever it does not understand or finds contradictory: it never guesses silently.
 */
public final class DeadlineParser {

    /** Longer input is not a deadline phrase; it is cut here so parsing stays linear and bounded. */
    static final int MAX_LENGTH = 1_000;
    private static final int MIN_YEAR = 1990;
    private static final int MAX_YEAR = 2200;

    private static final String D = "(\\d{1,2})";
    private static final String Y = "(\\d{4})";
    private static final Pattern FROM_DATE = Pattern.compile("\\btu (?:ngay )?" + D + "([/.-])" + D + "\\2" + Y + "\\b");
    private static final Pattern FROM_MONTH = Pattern.compile("\\btu thang " + D + "(?:/| nam )" + Y + "\\b");
    private static final Pattern FROM_YEAR = Pattern.compile("\\btu (?:nam )?" + Y + "\\b");
    private static final Pattern PERIOD = Pattern.compile("\\b(?:giai doan |nhiem ky )?" + Y + " ?- ?" + Y + "\\b");
    private static final Pattern DATE = Pattern.compile("(?<![\\d/.-])" + D + "([/.-])" + D + "\\2" + Y + "\\b");
    private static final Pattern DATE_IN_WORDS = Pattern.compile("\\bngay " + D + " thang " + D + " nam " + Y + "\\b");
    private static final Pattern DATE_WITHOUT_YEAR = Pattern.compile("\\bngay " + D + "/" + D + "(?![/\\d])");
    private static final Pattern MONTH = Pattern.compile("\\bthang " + D + "(?:/| nam |-)" + Y + "\\b");
    private static final Pattern QUARTER = Pattern.compile("\\bquy (iv|iii|ii|i|[1-4])(?:/| nam |-| )" + Y + "\\b");
    private static final Pattern YEAR = Pattern.compile("\\bnam " + Y + "\\b");
    private static final Pattern YEARLY = Pattern.compile("\\b(?:hang|moi) nam\\b");
    private static final Pattern QUARTERLY = Pattern.compile("\\b(?:hang|moi) quy\\b");
    private static final Pattern MONTHLY = Pattern.compile("\\b(?:hang|moi) thang\\b");
    private static final Pattern CONTINUOUS = Pattern.compile("\\b(?:thuong xuyen|lien tuc)\\b");
    /**
     * An outside trigger ("khi Trung ương ban hành Chiến lược") runs to the end of the phrase, or to a comma that
     * starts a time expression ("Theo chương trình, đề án của Trung ương" is one trigger).
     */
    private static final Pattern TRIGGER = Pattern.compile(
            "\\b(?:theo (?:huong dan|yeu cau|lo trinh|chuong trinh|van ban|ke hoach|quy dinh|chi dao)|sau khi|khi)\\b"
                    + ".*?(?=\\s*(?:[,;]\\s*(?:(?:trong |truoc |den )?nam \\d|quy |thang \\d|truoc |hang |moi |thuong xuyen|tu )|;|$))");
    /** Words that carry no meaning of their own around a time expression. */
    private static final Pattern FILLER = Pattern.compile(
            "\\b(?:truoc|trong|den het|den|cham nhat|han|hoan thanh|thuc hien|va|hoac|ky hop|tai|nam|ngay|vao)\\b|[\\s,.;:()\\-–/]+");

    private enum Part { DUE, START, PERIOD, YEARLY, QUARTERLY, MONTHLY, CONTINUOUS, TRIGGER }

    private record Finding(Part part, DeadlineKind kind, LocalDate date, int start, int end) {
    }

    public ParsedDeadline parse(String input) {
        String text = VietnameseText.normalize(input == null ? "" : input);
        List<String> notes = new ArrayList<>();
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH);
            notes.add("Văn bản quá dài, chỉ đọc " + MAX_LENGTH + " ký tự đầu");
        }
        String folded = VietnameseText.fold(text);
        var reading = new Reading(text, folded, notes);
        reading.scan();
        return reading.result();
    }

    /** One parse: the findings so far and which characters they used. */
    private static final class Reading {
        private final String text;
        private final String folded;
        private final List<String> notes;
        private final List<Finding> findings = new ArrayList<>();
        private final BitSet used = new BitSet();

        Reading(String text, String folded, List<String> notes) {
            this.text = text;
            this.folded = folded;
            this.notes = notes;
        }

        void scan() {
            find(TRIGGER, m -> new Finding(Part.TRIGGER, DeadlineKind.AWAITING_TRIGGER, null, m.start(), m.end()));
            find(FROM_DATE, m -> dated(Part.START, DeadlineKind.FROM_DATE, m, date(m.group(1), m.group(3), m.group(4))));
            find(FROM_MONTH, m -> dated(Part.START, DeadlineKind.FROM_DATE, m, month(m.group(1), m.group(2)).map(ym -> ym.atDay(1))));
            find(FROM_YEAR, m -> dated(Part.START, DeadlineKind.FROM_DATE, m, year(m.group(1)).map(y -> LocalDate.of(y, 1, 1))));
            find(PERIOD, m -> new Finding(Part.PERIOD, null, null, m.start(), m.end()));
            find(DATE_IN_WORDS, m -> dated(Part.DUE, DeadlineKind.DATE, m, date(m.group(1), m.group(2), m.group(3))));
            find(DATE, m -> dated(Part.DUE, DeadlineKind.DATE, m, date(m.group(1), m.group(3), m.group(4))));
            find(DATE_WITHOUT_YEAR, m -> {
                notes.add("Ngày \"" + span(m) + "\" không có năm");
                return new Finding(Part.DUE, DeadlineKind.DATE, null, m.start(), m.end());
            });
            find(MONTH, m -> dated(Part.DUE, DeadlineKind.MONTH, m, month(m.group(1), m.group(2)).map(YearMonth::atEndOfMonth)));
            find(QUARTER, m -> dated(Part.DUE, DeadlineKind.QUARTER, m, quarterEnd(m.group(1), m.group(2))));
            find(YEAR, m -> dated(Part.DUE, DeadlineKind.YEAR, m, year(m.group(1)).map(y -> LocalDate.of(y, 12, 31))));
            find(YEARLY, m -> new Finding(Part.YEARLY, DeadlineKind.RECURRING_YEARLY, null, m.start(), m.end()));
            find(QUARTERLY, m -> new Finding(Part.QUARTERLY, DeadlineKind.RECURRING_QUARTERLY, null, m.start(), m.end()));
            find(MONTHLY, m -> new Finding(Part.MONTHLY, DeadlineKind.RECURRING_MONTHLY, null, m.start(), m.end()));
            find(CONTINUOUS, m -> new Finding(Part.CONTINUOUS, DeadlineKind.CONTINUOUS, null, m.start(), m.end()));
            noteLeftovers();
        }

        private void find(Pattern pattern, java.util.function.Function<Matcher, Finding> reader) {
            Matcher matcher = pattern.matcher(folded);
            while (matcher.find()) {
                int from = used.nextSetBit(matcher.start());
                if (from >= 0 && from < matcher.end()) {
                    continue; // part of something already understood
                }
                Finding finding = reader.apply(matcher);
                findings.add(finding);
                used.set(finding.start(), finding.end());
            }
        }

        private Finding dated(Part part, DeadlineKind kind, Matcher m, Optional<LocalDate> date) {
            if (date.isEmpty()) {
                notes.add("Không đọc được thời gian \"" + span(m) + "\"");
            }
            return new Finding(part, kind, date.orElse(null), m.start(), m.end());
        }

        private String span(Matcher m) {
            return text.substring(m.start(), m.end());
        }

        private void noteLeftovers() {
            var leftover = new StringBuilder();
            for (int i = 0; i < folded.length(); i++) {
                leftover.append(used.get(i) ? ' ' : text.charAt(i));
            }
            String rest = FILLER.matcher(VietnameseText.fold(leftover.toString())).replaceAll(" ").strip();
            if (!rest.isEmpty()) {
                notes.add("Không hiểu phần \"" + originalOf(leftover.toString()) + "\"");
            }
        }

        /** The not-understood characters as written, for the note. */
        private static String originalOf(String leftover) {
            return leftover.replaceAll("\\s+", " ").replaceAll("^[\\s,.;:]+|[\\s,.;:]+$", "");
        }

        ParsedDeadline result() {
            List<Finding> dues = of(Part.DUE);
            List<Finding> starts = of(Part.START);
            String condition = of(Part.TRIGGER).stream().map(f -> text.substring(f.start(), f.end()).strip())
                    .reduce((a, b) -> a + "; " + b).orElse(null);
            LocalDate start = starts.stream().map(Finding::date).filter(java.util.Objects::nonNull).findFirst().orElse(null);

            DeadlineKind kind;
            LocalDate due = null;
            if (!dues.isEmpty()) {
                var dated = dues.stream().filter(f -> f.date() != null).min(Comparator.comparing(Finding::date));
                kind = dated.map(Finding::kind).orElse(dues.getFirst().kind());
                due = dated.map(Finding::date).orElse(null);
                if (dues.stream().map(Finding::date).distinct().count() > 1) {
                    notes.add("Có nhiều thời hạn khác nhau; tạm lấy thời hạn sớm nhất");
                }
            } else if (!of(Part.YEARLY).isEmpty()) {
                kind = DeadlineKind.RECURRING_YEARLY;
            } else if (!of(Part.QUARTERLY).isEmpty()) {
                kind = DeadlineKind.RECURRING_QUARTERLY;
            } else if (!of(Part.MONTHLY).isEmpty()) {
                kind = DeadlineKind.RECURRING_MONTHLY;
            } else if (!starts.isEmpty()) {
                kind = DeadlineKind.FROM_DATE;
            } else if (!of(Part.CONTINUOUS).isEmpty()) {
                kind = DeadlineKind.CONTINUOUS;
            } else {
                kind = DeadlineKind.AWAITING_TRIGGER;
                if (condition == null) {
                    notes.add(of(Part.PERIOD).isEmpty() ? "Không tìm thấy thời hạn"
                            : "Chỉ có giai đoạn, không có thời hạn cụ thể");
                }
            }
            return new ParsedDeadline(kind, due, start, text, condition, !notes.isEmpty(), List.copyOf(notes));
        }

        private List<Finding> of(Part part) {
            return findings.stream().filter(f -> f.part() == part).toList();
        }
    }

    private static Optional<Integer> year(String digits) {
        int year = Integer.parseInt(digits);
        return year >= MIN_YEAR && year <= MAX_YEAR ? Optional.of(year) : Optional.empty();
    }

    private static Optional<LocalDate> date(String day, String month, String year) {
        try {
            return year(year).map(y -> LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty(); // 31/2, 0/13: not a date
        }
    }

    private static Optional<YearMonth> month(String month, String year) {
        int m = Integer.parseInt(month);
        return m < 1 || m > 12 ? Optional.empty() : year(year).map(y -> YearMonth.of(y, m));
    }

    private static Optional<LocalDate> quarterEnd(String quarter, String year) {
        int q = switch (quarter) {
            case "i", "1" -> 1;
            case "ii", "2" -> 2;
            case "iii", "3" -> 3;
            default -> 4;
        };
        return year(year).map(y -> YearMonth.of(y, q * 3).atEndOfMonth());
    }
}
