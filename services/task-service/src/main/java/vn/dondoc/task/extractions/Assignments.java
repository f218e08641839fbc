package vn.dondoc.task.extractions;

import java.util.ArrayList;
import java.util.List;

/**
 * Who an item's text assigns: lead units named explicitly ({@code Giao Phòng NVY chủ trì},
 * {@code Yêu cầu Trung tâm Kiểm soát bệnh tật tỉnh …}, {@code Đề nghị Công đoàn Ngành …}, or a unit opening a
 * clause as the subject of a verb, {@code Phòng KHTC xây dựng …}) and coordinating units
 * ({@code phối hợp (chặt chẽ) với …}, or {@code phối hợp} directly followed by a body, {@code Yêu cầu Phòng
 * Nghiệp vụ Y phối hợp Chi cục …}).
 */
final class Assignments {

    /** What a stretch of text assigns. */
    record Reading(List<UnitPhrases.Name> leads, boolean leadInParentheses, List<UnitPhrases.Name> coordinating) {
    }

    private final Tokens tokens;
    private final UnitPhrases units;

    Assignments(Tokens tokens, UnitPhrases units) {
        this.tokens = tokens;
        this.units = units;
    }

    Reading read(int start, int end) {
        int first = tokens.at(start);
        int limit = tokens.at(end);
        List<UnitPhrases.Name> leads = new ArrayList<>();
        List<UnitPhrases.Name> coordinating = new ArrayList<>();
        boolean inParentheses = false;
        int depth = 0;
        int i = first;
        while (i < limit) {
            if (tokens.isMark(i, '(')) {
                depth++;
            } else if (tokens.isMark(i, ')')) {
                depth = Math.max(0, depth - 1);
            }
            int trigger = trigger(i, first);
            if (trigger > 0) {
                int k = i + trigger;
                if (tokens.lowerIs(k, "cho")) {
                    k++;
                }
                var named = units.readUnits(k, limit, false);
                if (!named.isEmpty()) {
                    leads.addAll(named);
                    inParentheses |= depth > 0;
                    i = named.getLast().end();
                    continue;
                }
            }
            if (clauseStart(i, first) && units.opensUnit(i)) {
                var named = units.readUnits(i, limit, false);
                if (!named.isEmpty() && units.isVerb(named.getLast().end())) {
                    leads.addAll(named);
                    inParentheses |= depth > 0;
                    i = named.getLast().end();
                    continue;
                }
            }
            if (tokens.lowerIs(i, "phối") && tokens.lowerIs(i + 1, "hợp")) {
                var named = coordinated(i, limit);
                if (!named.isEmpty()) {
                    coordinating.addAll(named);
                    i = named.getLast().end();
                    continue;
                }
            }
            i++;
        }
        return new Reading(leads, inParentheses, coordinating);
    }

    /** Units a lead-in asks to act ({@code … đề nghị ngành y tế tập trung thực hiện … như sau:}), the last ones. */
    List<UnitPhrases.Name> addressee(int start, int end) {
        int first = tokens.at(start);
        int limit = tokens.at(end);
        List<UnitPhrases.Name> found = List.of();
        for (int i = first; i < limit; i++) {
            int trigger = trigger(i, -1);
            if (trigger > 0) {
                var named = units.readUnits(i + trigger, limit, false);
                if (!named.isEmpty()) {
                    found = named;
                }
            }
        }
        return found;
    }

    /**
     * The length of an assigning word at {@code i}: {@code yêu cầu}, {@code đề nghị} opening a clause (so that
     * {@code Hồ sơ đề nghị cấp GPHN} is not one), {@code Giao} capitalised or after a clause mark (so that
     * {@code bàn giao}, {@code và giao số lượng} are not). {@code first} &lt; 0 accepts any position.
     */
    private int trigger(int i, int first) {
        boolean pair = (tokens.lowerIs(i, "yêu") && tokens.lowerIs(i + 1, "cầu"))
                || (tokens.lowerIs(i, "đề") && tokens.lowerIs(i + 1, "nghị"));
        if (pair && (first < 0 || clauseStart(i, first) || tokens.isMark(i - 1, ','))) {
            return 2;
        }
        if (tokens.lowerIs(i, "giao") && (tokens.startsUpper(i) || clauseStart(i, first < 0 ? i : first))) {
            return 1;
        }
        return 0;
    }

    private boolean clauseStart(int i, int first) {
        return i == first || tokens.isMark(i - 1, '.') || tokens.isMark(i - 1, ';') || tokens.isMark(i - 1, ':')
                || tokens.isMark(i - 1, '(');
    }

    private List<UnitPhrases.Name> coordinated(int i, int limit) {
        int k = i + 2;
        while (tokens.lowerIs(k, "chặt") || tokens.lowerIs(k, "chẽ") || tokens.lowerIs(k, "tốt")
                || tokens.lowerIs(k, "thường") || tokens.lowerIs(k, "xuyên")) {
            k++;
        }
        if (tokens.lowerIs(k, "với") || tokens.lowerIs(k, "cùng")) {
            return units.readUnits(k + 1, limit, true);
        }
        // "để phối hợp các cơ quan …" is the purpose of a report, not a coordinating unit of the task
        if (tokens.lowerIs(i - 1, "để") || tokens.lowerIs(i - 1, "nhằm")) {
            return List.of();
        }
        return units.readUnits(k, limit, false);
    }
}
