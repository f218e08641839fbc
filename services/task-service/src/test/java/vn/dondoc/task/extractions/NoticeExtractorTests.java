package vn.dondoc.task.extractions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.dondoc.testing.Samples;
import vn.dondoc.events.DeadlineKind;

class NoticeExtractorTests {

    private final NoticeExtractor extractor = new NoticeExtractor();

    /**
     * Sample 000 (UBND tỉnh Bắc Ninh, e-medical-records conference). The meeting summary before "đề nghị ngành
     * y tế tập trung thực hiện … như sau:" is no task; items 1–7 are, all for the addressee "ngành y tế" (item 1
     * names it itself). Read as: ref | lead units (* = the notice's addressee stands in) | coordinating units |
     * deadline phrase → due date.
     */
    @Test
    void draftsTheSevenItemsOfTheBacNinhConclusionNotice() {
        var draft = extractor.extract(sample("000_8221ebaaf2fcf26d.txt"));

        assertThat(draft.items()).map(NoticeExtractorTests::row).containsExactly(
                "1 | ngành y tế |  | -",
                "2 | ngành y tế* |  | -",
                "3 | ngành y tế* |  | trước ngày 30/6/2026 → 2026-06-30",
                "4 | ngành y tế* | Sở Nội vụ | -",
                "5 | ngành y tế* |  | -",
                "6 | ngành y tế* | Sở Công Thương; Sở Nông nghiệp và Môi trường; các đơn vị liên quan | -",
                "7 | ngành y tế* | Sở Tài chính | -");
        assertThat(draft.items().get(2).deadline().kind()).isEqualTo(DeadlineKind.DATE);
        assertThat(draft.items()).allSatisfy(item -> assertThat(item.needsReview()).isTrue());
        assertThat(draft.items().getFirst().title().text()).isEqualTo("Sau mưa lũ, nguy cơ dịch bệnh xuất hiện, do đó"
                + " công tác phòng bệnh phải đi trước một bước, lấy dự phòng làm then chốt");
        assertThat(draft.items().get(5).title().text()).endsWith("bếp ăn tập thể trong khu công nghiệp, trường học,...");
        assertThat(draft.items().getLast().description())
                .contains("giai đoạn 2026-2030 của tỉnh")
                .endsWith("tình hình thực tế của địa phương.");
    }

    @Test
    void readsTheBacNinhNoticesOwnDetails() {
        var document = extractor.extract(sample("000_8221ebaaf2fcf26d.txt")).document();

        assertThat(document.type().text()).isEqualTo("Thông báo");
        assertThat(document.number()).isNull();
        assertThat(document.date()).isNull(); // 13/10/2025 is the meeting, not the notice
        assertThat(document.issuer().text()).isEqualTo("UBND tỉnh Bắc Ninh");
        assertThat(document.signer().text()).isEqualTo("Ngô Văn Luyến");
        assertThat(document.signerTitle().text()).isEqualTo("TL. CHỦ TỊCH, KT. CHÁNH VĂN PHÒNG, PHÓ CHÁNH VĂN PHÒNG");
        assertThat(document.addressee().text()).isEqualTo("ngành y tế");
    }

    @Test
    void findsOnlyTheRealDeadlineInTheBacNinhNotice() {
        var draft = extractor.extract(sample("000_8221ebaaf2fcf26d.txt"));

        assertThat(deadlinePhrases(draft)).containsExactly("trước ngày 30/6/2026");
        // the meeting date, the 2026-2030 period (broken across lines), the 23/23 ratio: never deadlines
        assertThat(draft.items()).noneSatisfy(item -> assertThat(Objects.toString(item.deadlinePhrase()))
                .containsAnyOf("13/10/2025", "2026-2030", "23/23", "2025"));
    }

    /**
     * Sample 003 (Sở Y tế Quảng Ninh, Q1/2024 review). The difficulties "(1)…(5)" of the meeting report are no
     * tasks; the tasks are items 1–10 after "yêu cầu các cơ quan, đơn vị triển khai … nhiệm vụ cụ thể sau:", and
     * each "(n)" inside an item is one task; item 6 has no sub-items. Item 10's "Đề nghị Công đoàn Ngành" leads
     * both of its sub-items; the closing "Thừa lệnh Giám đốc Sở Y tế, …" is not part of 10.(2).
     */
    @Test
    void draftsEveryParenthesisedTaskOfTheQuangNinhConclusionNotice() {
        var draft = extractor.extract(sample("003_af5d638ada0fb66a.txt"));

        assertThat(draft.items()).map(NoticeExtractorTests::row).containsExactly(
                "1.(1) | Trung tâm Kiểm soát bệnh tật tỉnh |  | -",
                "1.(2) | các cơ quan, đơn vị* | địa phương | -",
                "2.(1) | các cơ quan, đơn vị* |  | -",
                "2.(2) | các cơ quan, đơn vị* | các địa phương | -",
                "2.(3) | các cơ quan, đơn vị* |  | -",
                "2.(4) | Phòng Nghiệp vụ Y | Chi cục An toàn vệ sinh thực phẩm | -",
                "3.(1) | các cơ quan, đơn vị* |  | -",
                "3.(2) | các cơ quan, đơn vị* |  | -",
                "3.(3) | Các đơn vị y tế |  | -",
                "4.(1) | các cơ quan, đơn vị* |  | -",
                "4.(2) | Bệnh viện Đa khoa tỉnh; Bệnh viện Bãi Cháy; Bệnh viện Việt Nam-Thụy Điển Uông Bí |  | -",
                "5.(1) | Trung tâm Kiểm soát bệnh tật tỉnh | các các cơ quan, đơn vị liên quan | -",
                "5.(2) | các cơ quan, đơn vị* |  | -",
                "6 | các cơ quan, đơn vị* |  | -",
                "7.(1) | các cơ quan, đơn vị* |  | -",
                "7.(2) | các cơ quan, đơn vị* |  | -",
                "8.(1) | Hội đồng chuyên môn |  | -",
                "8.(2) | các cơ quan, đơn vị* |  | -",
                "8.(3) | các cơ quan, đơn vị* | các Sở, ngành liên quan | tại Kỳ họp tháng 6/2024 → 2024-06-30",
                "8.(4) | các cơ quan, đơn vị* |  | -",
                "8.(5) | Bệnh viện Việt Nam - Thụy Điển Uông Bí | các Sở, ngành liên quan | -",
                "8.(6) | các cơ quan, đơn vị* |  | -",
                "8.(7) | Phòng KHTC; Phòng NVD |  | -",
                "9.(1) | các cơ quan, đơn vị* |  | -",
                "9.(2) | các cơ quan, đơn vị* |  | trong tháng 4/2024 → 2024-04-30",
                "9.(3) | Giám đốc các đơn vị |  | -",
                "9.(4) | các cơ quan, đơn vị* |  | -",
                "9.(5) | các cơ quan, đơn vị* |  | -",
                "9.(6) | các cơ quan, đơn vị* |  | -",
                "9.(7) | các cơ quan, đơn vị* | các cơ quan, đơn vị | -",
                "10.(1) | Công đoàn Ngành |  | -",
                "10.(2) | Công đoàn Ngành |  | -");
    }

    @Test
    void flagsWhatAReviewerMustCheckInTheQuangNinhNotice() {
        var items = extractor.extract(sample("003_af5d638ada0fb66a.txt")).items();

        assertThat(item(items, "1.(1)").warnings()).anySatisfy(w -> assertThat(w).contains("ngoặc đơn"));
        assertThat(item(items, "8.(7)").warnings()).anySatisfy(w -> assertThat(w).contains("các phòng chức năng thuộc Sở"));
        assertThat(item(items, "3.(3)").warnings()).anySatisfy(w -> assertThat(w).contains("nhóm đơn vị"));
        assertThat(item(items, "2.(4)").needsReview()).isFalse();
        assertThat(item(items, "10.(2)").needsReview()).isFalse();
        assertThat(item(items, "10.(2)").heading()).endsWith("năm 2024: Đề nghị Công đoàn Ngành");
        assertThat(item(items, "10.(2)").description()).doesNotContain("Thừa lệnh").doesNotContain(" 5 ")
                .endsWith("đảm bảo nguồn kinh phí được đến đúng đối tượng khó khăn.");
        assertThat(item(items, "9.(2)").deadline().kind()).isEqualTo(DeadlineKind.MONTH);
        assertThat(item(items, "8.(3)").deadline().kind()).isEqualTo(DeadlineKind.MONTH);
    }

    @Test
    void ignoresCitedDocumentsHolidaysAndPeriodsInTheQuangNinhNotice() {
        var draft = extractor.extract(sample("003_af5d638ada0fb66a.txt"));

        assertThat(deadlinePhrases(draft)).containsExactly("tại Kỳ họp tháng 6/2024", "trong tháng 4/2024");
        assertThat(draft.items().stream().map(DraftItem::deadline).filter(Objects::nonNull).map(d -> d.dueDate()))
                .containsExactly(LocalDate.of(2024, 6, 30), LocalDate.of(2024, 4, 30));
        // meeting 12/4/2024, Báo cáo 1152/BC-SYT ngày 20/3/2024, văn bản 6314/SYT-ATTP ngày 30/12/2021, the 30/4-01/5
        // holiday, resolutions of 09/12/2022 and 08/12/2023, "giai đoạn 2024-2025", "năm 2024": all stay text
        assertThat(item(draft.items(), "2.(3)").description()).contains("ngày 30/12/2021");
        assertThat(item(draft.items(), "2.(2)").description()).contains("30/4-01/5/2024");
        assertThat(item(draft.items(), "2.(3)").deadline()).isNull();
        assertThat(item(draft.items(), "2.(2)").deadline()).isNull();
        assertThat(item(draft.items(), "7.(1)").deadline()).isNull();
        assertThat(item(draft.items(), "5.(2)").deadline()).isNull();
        assertThat(item(draft.items(), "2.(1)").deadline()).isNull();
    }

    @Test
    void readsTheQuangNinhNoticesOwnDetails() {
        var document = extractor.extract(sample("003_af5d638ada0fb66a.txt")).document();

        assertThat(document.type().text()).isEqualTo("Thông báo");
        assertThat(document.issuer().text()).isEqualTo("Sở Y tế");
        assertThat(document.signer().text()).isEqualTo("Vũ Thị Mai");
        assertThat(document.signerTitle().text()).isEqualTo("TL. GIÁM ĐỐC, CHÁNH VĂN PHÒNG");
        assertThat(document.addressee().text()).isEqualTo("các cơ quan, đơn vị");
    }

    @Test
    void pointsEveryFieldBackToTheOriginalTextAcrossLineBreaks() {
        for (String name : List.of("000_8221ebaaf2fcf26d.txt", "003_af5d638ada0fb66a.txt")) {
            String text = sample(name);
            var draft = extractor.extract(text);
            for (DraftItem item : draft.items()) {
                List<Excerpt> excerpts = new ArrayList<>(item.leadUnits());
                excerpts.addAll(item.coordinatingUnits());
                excerpts.add(item.title());
                if (item.deadlinePhrase() != null) {
                    excerpts.add(item.deadlinePhrase());
                }
                for (Excerpt excerpt : excerpts) {
                    // a break inside a token ("2026-" / "2030") is joined without a space, elsewhere with one
                    assertThat(withoutSpaces(withoutPageNumbers(excerpt.span().of(text)))).as(item.ref())
                            .isEqualTo(withoutSpaces(excerpt.text()));
                }
                // the description's span may enclose left-out lines (the page number "5" inside 003's item 10.(2))
                String description = withoutSpaces(item.description());
                assertThat(withoutSpaces(item.descriptionSpan().of(text)))
                        .startsWith(description.substring(0, 10)).endsWith(description.substring(description.length() - 10));
            }
        }
        String text = sample("003_af5d638ada0fb66a.txt");
        var coordinating = item(extractor.extract(text).items(), "2.(4)").coordinatingUnits().getFirst();
        assertThat(coordinating.span().of(text)).isEqualTo("Chi cục An toàn vệ sinh thực phẩm"); // after a line break
        var name = item(extractor.extract(text).items(), "8.(5)").leadUnits().getFirst();
        assertThat(name.span().of(text)).isEqualTo("Bệnh viện Việt Nam - Thụy Điển Uông Bí");
    }

    @Test
    void keepsADeadlineWithTheSubItemThatStatesIt() {
        var items = extractor.extract("""
                Giám đốc Sở kết luận, đề nghị các phòng, đơn vị thực hiện các nhiệm vụ sau:
                1. Về kế hoạch năm:
                a) Phòng NVY xây dựng kế hoạch kiểm tra trước ngày 30/6/2026;
                b) Phòng KHTC bố trí kinh phí thực hiện.
                2. Hoàn thành trong Quý IV/2025 các việc sau:
                - Phòng TCCB rà soát vị trí việc làm;
                - Phòng TCKT tổng hợp báo cáo.
                """).items();

        assertThat(items).map(NoticeExtractorTests::row).containsExactly(
                "1.a | Phòng NVY |  | trước ngày 30/6/2026 → 2026-06-30",
                "1.b | Phòng KHTC |  | -",
                "2.-1 | Phòng TCCB |  | Hoàn thành trong Quý IV/2025 → 2025-12-31",
                "2.-2 | Phòng TCKT |  | Hoàn thành trong Quý IV/2025 → 2025-12-31");
        assertThat(item(items, "1.b").title().text()).isEqualTo("Phòng KHTC bố trí kinh phí thực hiện");
    }

    @Test
    void readsGiaoChuTriPhoiHopVoi() {
        var item = extractor.extract("""
                Văn phòng thông báo kết luận như sau:
                1. Giao Phòng Nghiệp vụ Y chủ trì, phối hợp với Phòng KHTC, Chi cục DS&TE và Phòng TCCB xây dựng
                kế hoạch truyền thông, trình Giám đốc Sở trong tháng 12/2025.
                """).items().getFirst();

        assertThat(item.leadUnitNames()).containsExactly("Phòng Nghiệp vụ Y");
        assertThat(item.coordinatingUnitNames()).containsExactly("Phòng KHTC", "Chi cục DS&TE", "Phòng TCCB");
        assertThat(item.deadline().dueDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(item.needsReview()).isFalse();
    }

    @Test
    void readsSeveralUnitsNamedByAbbreviationInOneItem() {
        var item = extractor.extract("""
                Lãnh đạo Sở yêu cầu các đơn vị thực hiện các nhiệm vụ sau:
                1. Phòng KHTC, Phòng NVY và Ban ATTP rà soát danh mục trang thiết bị, báo cáo trong năm 2026.
                2. Yêu cầu NVD, QLHN phối hợp với BHXH tỉnh kiểm tra việc đấu thầu thuốc.
                """).items();

        assertThat(item).map(NoticeExtractorTests::row).containsExactly(
                "1 | Phòng KHTC; Phòng NVY; Ban ATTP |  | trong năm 2026 → 2026-12-31",
                "2 | NVD; QLHN | BHXH tỉnh | -");
    }

    @Test
    void matchesDatesAndUnitNamesBrokenAcrossLines() {
        String text = "Giám đốc Sở đề nghị các đơn vị thực hiện như sau:\n\n"
                + "1. Yêu cầu Phòng Nghiệp \n\nvụ Y hoàn thành báo cáo trước ngày 30/6/\n\n2026; phối hợp với Chi cục\n"
                + "An toàn vệ sinh thực phẩm.\n";
        var item = extractor.extract(text).items().getFirst();

        assertThat(item.leadUnitNames()).containsExactly("Phòng Nghiệp vụ Y");
        assertThat(item.leadUnits().getFirst().span().of(text)).isEqualTo("Phòng Nghiệp \n\nvụ Y");
        assertThat(item.deadlinePhrase().text()).isEqualTo("trước ngày 30/6/2026");
        assertThat(item.deadlinePhrase().span().of(text)).isEqualTo("trước ngày 30/6/\n\n2026");
        assertThat(item.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(item.coordinatingUnitNames()).containsExactly("Chi cục An toàn vệ sinh thực phẩm");
    }

    @Test
    void readsTextWrittenWithDecomposedDiacritics() {
        String text = Normalizer.normalize("""
                Sở Y tế đề nghị các đơn vị thực hiện như sau:
                1. Yêu cầu Phòng Nghiệp vụ Y hoàn thành trước ngày 20/5/2026.
                """, Normalizer.Form.NFD);
        var item = extractor.extract(text).items().getFirst();

        assertThat(item.leadUnitNames()).containsExactly("Phòng Nghiệp vụ Y");
        assertThat(item.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(Normalizer.normalize(item.deadlinePhrase().span().of(text), Normalizer.Form.NFC))
                .isEqualTo("trước ngày 20/5/2026");
    }

    @Test
    void leavesOutPageNumbersRunningHeadersAndFootnotes() {
        String text = """
                THÔNG BÁO
                Sở Y tế đề nghị các đơn vị thực hiện như sau:
                1. Phòng NVY tổng hợp kết quả thực hiện, đến nay mới đạt 3/5 chỉ tiêu1 và báo cáo
                1 Tỷ lệ 3/5 chỉ tiêu theo Kế hoạch số 12/KH-SYT ngày 10/01/2025.
                Thông báo kết luận Hội nghị Quý I/2024
                2
                Thông báo kết luận Hội nghị Quý I/2024
                Giám đốc Sở trước ngày 15/7/2025.
                2. Phòng KHTC rà soát kinh phí.
                3
                Thông báo kết luận Hội nghị Quý I/2024
                """;
        var items = extractor.extract(text).items();

        assertThat(items).map(NoticeExtractorTests::row).containsExactly(
                "1 | Phòng NVY |  | trước ngày 15/7/2025 → 2025-07-15",
                "2 | Phòng KHTC |  | -");
        assertThat(items.getFirst().description()).isEqualTo(
                "Phòng NVY tổng hợp kết quả thực hiện, đến nay mới đạt 3/5 chỉ tiêu1 và báo cáo Giám đốc Sở trước ngày 15/7/2025.");
    }

    @Test
    void readsTheLetterhead() {
        var document = extractor.extract("""
                UBND TỈNH BẮC NINH            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                SỞ Y TẾ                       Độc lập - Tự do - Hạnh phúc
                Số: 45/TB-SYT                 Bắc Ninh, ngày 15 tháng 10 năm 2025
                THÔNG BÁO
                Kết luận của Giám đốc Sở Y tế tại cuộc họp ngày 10/10/2025
                Giám đốc Sở đề nghị các đơn vị thực hiện như sau:
                1. Phòng NVY báo cáo trước ngày 30/10/2025.
                """).document();

        assertThat(document.type().text()).isEqualTo("Thông báo");
        assertThat(document.number().text()).isEqualTo("45/TB-SYT");
        assertThat(document.date()).isEqualTo(LocalDate.of(2025, 10, 15));
        assertThat(document.issuer().text()).isEqualTo("SỞ Y TẾ");
        assertThat(document.addressee().text()).isEqualTo("các đơn vị");
        assertThat(document.warnings()).isEmpty();
    }

    @Test
    void warnsAboutAnUnnumberedUndatedDraftPlan() {
        var document = extractor.extract(sample("002_38e1ffac6c7b20ec.txt")).document();

        assertThat(document.type().text()).isEqualTo("Kế hoạch");
        assertThat(document.number().text()).isEqualTo("/KH-SYT");
        assertThat(document.date()).isNull();
        assertThat(document.warnings()).anySatisfy(w -> assertThat(w).contains("chưa có số"))
                .anySatisfy(w -> assertThat(w).contains("chưa điền ngày"));
    }

    @Test
    void neverThrowsOnArbitraryText() {
        String[] pieces = {"1.", "2.", "9.1.", "a)", "b)", "(1)", "(2)", "- ", "\n", "\n\n", " ", ";", ":", ",", ".",
                "./.", "(", ")", "Yêu cầu", "Đề nghị", "Giao", "phối hợp với", "Phòng", "Sở", "các", "NVY", "và",
                "trước ngày", "30/6/2026", "31/2/2026", "trong tháng", "13/2024", "Quý", "IV/2025", "Kỳ họp tháng",
                "Nơi nhận:", "Thừa lệnh", "THÔNG BÁO", "Số:", ", ngày", "tháng", "năm", "99999999999", "đ",
                "\u0301", "\u00A0", "\t", "\r", "…", "“", "Ngô Văn Luyến", "TL. GIÁM ĐỐC", "¹", "xây dựng"};
        var random = new Random(20240412L);
        for (int run = 0; run < 2_000; run++) {
            var text = new StringBuilder();
            int length = random.nextInt(80);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(4) == 0) {
                    text.append((char) random.nextInt(0x2000));
                } else {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
            }
            String input = text.toString();
            assertThatCode(() -> {
                var draft = extractor.extract(input);
                for (DraftItem item : draft.items()) {
                    item.title().span().of(input);
                    item.descriptionSpan().of(input);
                    item.leadUnits().forEach(u -> u.span().of(input));
                    item.coordinatingUnits().forEach(u -> u.span().of(input));
                }
            }).as(input).doesNotThrowAnyException();
        }
        assertThat(extractor.extract(null).items()).isEmpty();
        assertThat(extractor.extract("").items()).isEmpty();
    }

    /** Linear work: a notice of a megabyte (sample 003 over and over, and pathological text) completes. */
    @Test
    void processesAMegabyteNotice() {
        String sample = sample("003_af5d638ada0fb66a.txt");
        var big = new StringBuilder();
        while (big.length() < 1_000_000) {
            big.append(sample).append('\n');
        }
        assertThat(extractor.extract(big.toString()).items()).isNotEmpty();

        String pathological = "(((((1) 1.1.1. a) trước ngày 30/6/ Phòng Phòng Phòng, các, các và và Sở-Sở-Sở "
                .repeat(12_000);
        assertThat(extractor.extract(pathological)).isNotNull();
        assertThat(extractor.extract("1. Yêu cầu Phòng " + "Ab ".repeat(400_000))).isNotNull();
    }

    private static String row(DraftItem item) {
        String deadline = item.deadlinePhrase() == null ? "-"
                : item.deadlinePhrase().text() + " → " + item.deadline().dueDate();
        return item.ref() + " | " + String.join("; ", item.leadUnitNames()) + (item.leadFromAddressee() ? "*" : "")
                + " | " + String.join("; ", item.coordinatingUnitNames()) + " | " + deadline;
    }

    private static List<String> deadlinePhrases(NoticeDraft draft) {
        return draft.items().stream().map(DraftItem::deadlinePhrase).filter(Objects::nonNull).map(Excerpt::text)
                .toList();
    }

    private static DraftItem item(List<DraftItem> items, String ref) {
        return items.stream().filter(i -> i.ref().equals(ref)).findFirst().orElseThrow();
    }

    private static String withoutPageNumbers(String text) {
        return text.replaceAll("(?m)^\\s*\\d{1,3}\\s*$", "");
    }

    private static String withoutSpaces(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", "");
    }

    static String sample(String name) {
        return Samples.text(name);
    }
}
