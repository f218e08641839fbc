package vn.dondoc.task.extractions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds deadline phrases in an item. A date is a deadline only inside a phrase that makes it one:
 * {@code trước ngày 30/6/2026}, {@code chậm nhất ngày …}, {@code trong tháng 4/2024}, {@code trong năm 2025},
 * {@code (trong) Quý IV/2025}, {@code (trình … ) tại Kỳ họp tháng 6/2024}, {@code Thời hạn: …}. Everything else
 * that looks like a date is not: cited documents ({@code văn bản số 6314/SYT-ATTP ngày 30/12/2021}), the meeting
 * date, holidays ({@code nghỉ lễ 30/4-01/5/2024}), ratios ({@code 3/5 chỉ tiêu}, {@code 23/23}), periods
 * ({@code giai đoạn 2026-2030}, {@code năm 2024-2025}) and a bare year ({@code Kế hoạch … năm 2024}).
 *
 * <p>Matching is on the diacritic-free text; every alternative starts with a keyword and has bounded
 * repetitions, so the scan stays linear in the item's length.
 */
final class DeadlinePhrases {

    private static final String DATE = "\\d{1,2}([/.-])\\d{1,2}\\1\\d{4}(?![\\d/-])";
    private static final String DATE_IN_WORDS = "ngay \\d{1,2} thang \\d{1,2} nam \\d{4}";
    private static final String MONTH = "\\d{1,2}(?:/| nam |-)\\d{4}(?![\\d/-])";
    private static final String QUARTER = "(?:iv|iii|ii|i|[1-4])(?:/| nam |-)\\d{4}(?![\\d/-])";
    private static final String BY = "(?:truoc|cham nhat(?: la)?(?: vao)?|han chot(?: la)?|den het|xong truoc|han)";
    private static final String WITHIN = "(?:trong|truoc|den het|het|cham nhat(?: trong)?|vao|hoan thanh trong|ngay trong)";
    private static final Pattern PHRASE = Pattern.compile(
            "\\b" + BY + " (?:ngay )?(?:" + DATE + "|" + DATE_IN_WORDS + ")"
                    + "|\\b" + WITHIN + " thang " + MONTH
                    + "|\\b(?:" + WITHIN + " )?quy " + QUARTER
                    + "|\\b(?:trong|den het|cham nhat(?: trong)?|hoan thanh trong) nam \\d{4}(?![\\d/]| ?- ?\\d)"
                    + "|\\b(?:(?:tai|vao|trong) )?ky hop (?:thu [a-z0-9]{1,6} |thuong le |chuyen de |giua nam |cuoi nam )?"
                    + "thang " + MONTH
                    + "|\\b(?:thoi han|thoi gian (?:thuc hien|hoan thanh))(?: hoan thanh| thuc hien)? ?: ?[^.;:()]{1,120}");
    /** A bare "Quý II/2024" after these words is a reporting period, not a deadline. */
    private static final Pattern PERIOD_BEFORE = Pattern.compile("\\b(?:cua|qua|voi|tu|doan|vu|cao|ke hoach|sau) $");

    record Found(int start, int end) {
    }

    private DeadlinePhrases() {
    }

    /** Deadline phrases in the clean text range, in order. */
    static List<Found> in(CleanText clean, int start, int end) {
        List<Found> found = new ArrayList<>();
        Matcher m = PHRASE.matcher(clean.folded).region(start, end);
        m.useTransparentBounds(true);
        while (m.find()) {
            int s = m.start();
            if (clean.folded.startsWith("quy ", s)) {
                int from = Math.max(start, s - 12);
                if (PERIOD_BEFORE.matcher(clean.folded.substring(from, s)).find()) {
                    continue;
                }
            }
            int e = m.end();
            while (e > s && clean.text.charAt(e - 1) == ' ') {
                e--;
            }
            found.add(new Found(s, e));
        }
        return found;
    }
}
