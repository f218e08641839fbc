package vn.dondoc.task.extractions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds unit names in an item's words. A name starts with a word that names a body ({@code Phòng}, {@code Sở},
 * {@code Trung tâm}, {@code các}, an abbreviation such as {@code NVY}) and runs until a lower-case verb, adverb or
 * preposition ({@code tham mưu}, {@code chủ động}, {@code trong}) or a punctuation mark; capitalised words never
 * end a name, so {@code Trung tâm Kiểm soát bệnh tật tỉnh} and {@code Sở Nông nghiệp và Môi trường} stay whole.
 * A comma or {@code và} followed by another body starts the next unit; a lower-case body word after a group
 * ({@code các cơ quan, đơn vị}; {@code các Sở, ngành liên quan}) continues the group.
 */
final class UnitPhrases {

    private static final int MAX_NAME_WORDS = 14;
    private static final int MAX_UNITS = 20;
    private static final int MAX_PHRASE_WORDS = 3;

    /** Words that open a unit name (lower case, diacritics kept: folded "so" would also be "số"). */
    private static final Set<String> HEADS = Set.of(
            "phòng", "sở", "ban", "chi cục", "cục", "tổng cục", "trung tâm", "bệnh viện", "văn phòng", "công đoàn",
            "hội đồng", "ủy ban", "uỷ ban", "trường", "tổ", "đoàn", "viện", "học viện", "bộ", "ngành", "toàn ngành",
            "đơn vị", "cơ quan", "giám đốc", "phó giám đốc", "thủ trưởng", "lãnh đạo", "trạm y tế", "trạm",
            "địa phương", "bảo hiểm", "kho bạc", "công an", "các", "những", "quỹ", "hội", "hiệp hội", "đảng ủy",
            "đảng uỷ", "thanh tra", "chủ tịch", "trưởng phòng", "trưởng ban", "tỉnh ủy", "tỉnh uỷ", "cơ sở",
            "phân viện", "khoa", "doanh nghiệp", "liên đoàn", "đài", "báo", "chính quyền", "người đứng đầu");

    /** Group phrases: "all units of a kind", never one addressable unit. */
    private static final Set<String> GROUPS = Set.of("các", "những", "toàn", "toàn ngành", "ngành", "địa phương");

    /** Lower-case words that continue a name although they look like verbs or prepositions. */
    private static final Set<String> CONTINUATIONS = Set.of("trực thuộc", "có liên quan", "liên quan", "thuộc");

    /** Lower-case words that end a name without being an action of their own. */
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "trong", "tại", "về", "theo", "từ", "đến", "trước", "sau", "khi", "nhằm", "cho", "với", "cùng", "là",
            "hoặc", "như", "đối với", "nêu", "để", "nhưng", "mà", "thì", "đã", "đang", "vẫn", "chưa", "không",
            "còn", "được", "bị", "có", "sẽ", "công tác", "đồng thời", "trên", "dưới", "qua", "bằng", "do", "của",
            "ngày", "năm", "tháng", "quý", "số", "đợt", "lần", "hết");

    /** Lower-case verbs and adverbs that end a name and, after a name at a clause start, make it a subject. */
    private static final Set<String> VERBS = Set.of(
            "chủ trì", "phối hợp", "tham mưu", "xây dựng", "triển khai", "thực hiện", "tăng cường", "rà soát",
            "đề xuất", "hoàn thành", "hoàn thiện", "hoàn tất", "tổ chức", "báo cáo", "chuẩn bị", "kiểm tra",
            "hướng dẫn", "theo dõi", "đôn đốc", "nghiên cứu", "đánh giá", "bố trí", "tập trung", "tiếp tục",
            "chủ động", "tích cực", "khẩn trương", "kịp thời", "đẩy mạnh", "đẩy nhanh", "đảm bảo", "bảo đảm",
            "ban hành", "cập nhật", "tổng hợp", "gửi", "trình", "quản lý", "quản lí", "giám sát", "phát động",
            "thông báo", "làm", "cần", "phải", "ứng dụng", "tuyên truyền", "phát triển", "mở rộng", "tiếp nhận",
            "giải quyết", "xử lý", "lập", "soạn thảo", "bổ sung", "sửa đổi", "khắc phục", "nâng cao", "cải thiện",
            "quán triệt", "khảo sát", "thẩm định", "xem xét", "phê duyệt", "ký", "chỉ đạo", "điều hành", "đăng ký",
            "cung cấp", "đưa", "mua sắm", "nghiêm túc", "họp", "thúc đẩy", "hỗ trợ", "tham gia", "ưu tiên",
            "chấn chỉnh", "kiểm soát", "vận động", "trả lời", "phản hồi", "duy trì", "đề nghị", "yêu cầu", "giao",
            "chịu trách nhiệm", "đón", "cử", "thống kê", "bàn giao", "tiến hành", "lựa chọn", "tư vấn", "đầu tư",
            "sắp xếp", "sớm", "quyết liệt", "thường xuyên", "định kỳ", "phấn đấu", "phụ trách", "tiếp thu",
            "lưu ý", "bám sát", "kết nối", "liên hệ", "mời", "phát hiện", "làm việc", "trao đổi", "xác định",
            "công bố", "rút kinh nghiệm", "nắm bắt", "chỉ định", "giải ngân", "thanh toán", "đào tạo", "tuyển dụng",
            "tập huấn", "truyền thông", "vận hành", "khai thác", "sử dụng", "thu thập", "giữ", "tăng", "giảm",
            "kiện toàn", "củng cố", "tiếp", "cùng với", "nghiêm", "ngay", "khẩn cấp", "sẵn sàng");

    private final Tokens tokens;

    UnitPhrases(Tokens tokens) {
        this.tokens = tokens;
    }

    Tokens tokens() {
        return tokens;
    }

    /** A unit name: tokens {@code [first, end)}. */
    record Name(int first, int end) {
    }

    /** Unit names starting at token {@code i}; {@code lenient} accepts a first word that is not a known body word. */
    List<Name> readUnits(int i, int limit, boolean lenient) {
        List<Name> units = new ArrayList<>();
        if (!tokens.isWord(i) || i >= limit || endsName(i) || (!lenient && !opensUnit(i))) {
            return units;
        }
        int j = i;
        while (units.size() < MAX_UNITS) {
            int end = readName(j, limit);
            if (end == j) {
                break;
            }
            units.add(new Name(j, end));
            // separator: a comma or "và" followed by another body
            int next = end;
            if (next < limit && (tokens.isMark(next, ',') || tokens.lowerIs(next, "và"))) {
                int k = next + 1;
                if (k >= limit || !tokens.isWord(k) || endsName(k)) {
                    break;
                }
                if (tokens.startsUpper(k) || tokens.isAbbreviation(k) || tokens.lowerIs(k, "các")
                        || tokens.lowerIs(k, "những")) {
                    j = k;
                    continue;
                }
                if (match(HEADS, k) > 0) {
                    Name previous = units.getLast();
                    if (isGroup(previous.first())) {
                        int extended = readName(k, limit);
                        units.set(units.size() - 1, new Name(previous.first(), extended));
                        int after = extended;
                        if (after < limit && (tokens.isMark(after, ',') || tokens.lowerIs(after, "và"))) {
                            // keep reading the list after the merged group
                            int k2 = after + 1;
                            if (k2 < limit && tokens.isWord(k2) && !endsName(k2)
                                    && (tokens.startsUpper(k2) || tokens.isAbbreviation(k2) || match(HEADS, k2) > 0)) {
                                j = k2;
                                continue;
                            }
                        }
                        break;
                    }
                    j = k;
                    continue;
                }
            }
            break;
        }
        return units;
    }

    /** Where a name starting at token {@code i} ends (exclusive), trailing joiners dropped. */
    private int readName(int i, int limit) {
        int k = i;
        int words = 0;
        while (k < limit && words < MAX_NAME_WORDS) {
            if (!tokens.isWord(k)) {
                // "Bệnh viện Việt Nam - Thụy Điển Uông Bí"
                if (tokens.isMark(k, '-') && k > i && tokens.startsUpper(k + 1) && k + 1 < limit) {
                    k++;
                    continue;
                }
                break;
            }
            if (k > i && tokens.startsLower(k)) {
                int continuation = match(CONTINUATIONS, k);
                if (continuation > 0) {
                    k += continuation;
                    words += continuation;
                    continue;
                }
                if (tokens.lowerIs(k, "và")) {
                    if (opensUnit(k + 1)) {
                        break;
                    }
                    k++;
                    continue;
                }
                if (endsName(k)) {
                    break;
                }
            }
            k++;
            words++;
        }
        while (k > i && (tokens.lowerIs(k - 1, "và") || tokens.isMark(k - 1, '-'))) {
            k--;
        }
        return k;
    }

    boolean opensUnit(int i) {
        return tokens.isWord(i) && (match(HEADS, i) > 0 || tokens.isAbbreviation(i));
    }

    boolean isGroup(int i) {
        return match(GROUPS, i) > 0;
    }

    /** A lower-case word that cannot be part of a name. */
    boolean endsName(int i) {
        return tokens.startsLower(i) && match(CONTINUATIONS, i) == 0
                && (match(VERBS, i) > 0 || match(FUNCTION_WORDS, i) > 0);
    }

    boolean isVerb(int i) {
        return tokens.startsLower(i) && match(VERBS, i) > 0;
    }

    /** How many words of a phrase from the lexicon start at token {@code i} (longest), 0 for none. */
    int match(Set<String> lexicon, int i) {
        if (!tokens.isWord(i)) {
            return 0;
        }
        int best = 0;
        var phrase = new StringBuilder();
        for (int n = 0; n < MAX_PHRASE_WORDS && tokens.isWord(i + n); n++) {
            if (n > 0) {
                phrase.append(' ');
            }
            phrase.append(tokens.lower(i + n));
            if (lexicon.contains(phrase.toString())) {
                best = n + 1;
            }
        }
        return best;
    }
}
