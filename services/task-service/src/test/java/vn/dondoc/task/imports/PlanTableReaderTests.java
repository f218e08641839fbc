package vn.dondoc.task.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static vn.dondoc.task.imports.PlanTableFile.aPlanTable;

class PlanTableReaderTests {

    private static final String SAMPLE_PLAN = "002_38e1ffac6c7b20ec.txt";

    private final PlanTableReader reader = new PlanTableReader();

    @Test
    void readsTheTasksOfTheSamplePlanFromTsv() throws IOException {
        byte[] tsv = String.join("\n", PlanTableFile.appendix02Lines()).getBytes(StandardCharsets.UTF_8);

        assertSampleTasks(read("phu-luc-02.tsv", tsv));
    }

    @Test
    void readsTheTasksOfTheSamplePlanFromDocx() throws IOException {
        byte[] docx = PlanTableFile.appendix02().docx();

        assertSampleTasks(read("Ke hoach 5 nam.DOCX", docx));
    }

    @Test
    void readsTheTasksOfTheSamplePlanFromXlsx() throws IOException {
        byte[] xlsx = PlanTableFile.appendix02().xlsx();

        assertSampleTasks(read("phu-luc-02.xlsx", xlsx));
    }

    @Test
    void skipsOtherTablesOfTheDocument() throws IOException {
        PlanTableFile file = aPlanTable().text("Phụ lục 01")
            .header("TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Mục tiêu đến năm 2030")
            .task("1", "Tuổi thọ trung bình", "Tuổi", "74,5", "75,5")
            .text("Phụ lục 02");
        PlanTableFile.appendix02().lines().forEach(file::line);
        file.text("GIÁM ĐỐC").task("Nơi nhận:\n- Như trên;\n- Lưu: VT.", "Nguyễn Văn A");

        List<PlanRow> rows = read("ke-hoach.docx", file.docx());

        assertSampleTasks(rows);
    }

    @Test
    void findsColumnsByHeaderWhateverTheirOrderAndDiacritics() {
        String nfdTitle = Normalizer.normalize("Triển khai Đề án y tế thông minh", Normalizer.Form.NFD);
        byte[] tsv = """
                DANH MỤC NHIỆM VỤ
                Thời gian thực hiện\tDON VI CHU TRI\tSTT\tTen nhiem vu\tKết quả đầu ra\tĐơn vị phối hợp
                Quý IV/2025\tPhòng NVY\t1.\t%s\tĐề án\tCác phòng/đơn vị
                """.formatted(nfdTitle).getBytes(StandardCharsets.UTF_8);

        List<PlanRow> rows = read("bang.tsv", tsv);

        assertThat(rows).singleElement().satisfies((row) -> {
            assertThat(row.ref()).isEqualTo("1");
            assertThat(row.title()).isEqualTo("Triển khai Đề án y tế thông minh")
                .isEqualTo(Normalizer.normalize(row.title(), Normalizer.Form.NFC));
            assertThat(row.leadUnits()).isEqualTo("Phòng NVY");
            assertThat(row.coordinatingUnits()).isEqualTo("Các phòng/đơn vị");
            assertThat(row.expectedOutput()).isEqualTo("Đề án");
            assertThat(row.time()).isEqualTo("Quý IV/2025");
            assertThat(row.sourceRow()).isEqualTo(3);
            assertThat(row.warnings()).isEmpty();
        });
    }

    @Test
    void readsColumnsInAnotherOrderFromDocxAndXlsx() {
        PlanTableFile file = aPlanTable().header("Đơn vị chủ trì", "Thời gian thực hiện", "TT", "Tên nhiệm vụ")
            .section("I. Nhiệm vụ chung")
            .task("Phòng KHTH,\nPhòng TCCB", "Năm 2025", "1", "Xây dựng kế hoạch");

        for (List<PlanRow> rows : List.of(read("a.docx", file.docx()), read("a.xlsx", file.xlsx()))) {
            assertThat(rows).singleElement().satisfies((row) -> {
                assertThat(row.ref()).isEqualTo("1");
                assertThat(row.title()).isEqualTo("Xây dựng kế hoạch");
                assertThat(row.leadUnits()).isEqualTo("Phòng KHTH, Phòng TCCB");
                assertThat(row.time()).isEqualTo("Năm 2025");
                assertThat(row.group()).isEqualTo("I. Nhiệm vụ chung");
                assertThat(row.coordinatingUnits()).isEmpty();
            });
        }
    }

    @Test
    void readsAHeaderSplitOverTwoRowsAndSkipsTheColumnNumbers() {
        byte[] tsv = """
                TT\tNội dung nhiệm vụ\tĐơn vị thực hiện\t\tThời hạn hoàn thành
                \t\tChủ trì\tPhối hợp\t
                (1)\t(2)\t(3)\t(4)\t(5)
                1\tRà soát quy hoạch\tPhòng KHTH\tPhòng TCKT\ttrước ngày 30/6/2026
                """.getBytes(StandardCharsets.UTF_8);

        assertThat(read("bang.tsv", tsv)).singleElement().satisfies((row) -> {
            assertThat(row.leadUnits()).isEqualTo("Phòng KHTH");
            assertThat(row.coordinatingUnits()).isEqualTo("Phòng TCKT");
            assertThat(row.time()).isEqualTo("trước ngày 30/6/2026");
        });
    }

    @Test
    void joinsARowWithoutNumberToTheTaskAboveAndSaysSo() {
        byte[] tsv = """
                TT\tTên nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tKết quả đầu ra\tThời gian thực hiện
                1\tTriển khai Chiến lược quốc gia\tPhòng NVY\t\tKế hoạch\tThường xuyên
                \tvề dinh dưỡng đến năm 2030\t\tCác phòng\t\t
                2\tBáo cáo kết quả\tPhòng KHTH\t\t\tHàng năm
                """.getBytes(StandardCharsets.UTF_8);

        List<PlanRow> rows = read("bang.tsv", tsv);

        assertThat(rows).extracting(PlanRow::ref).containsExactly("1", "2");
        assertThat(rows.get(0).title()).isEqualTo("Triển khai Chiến lược quốc gia về dinh dưỡng đến năm 2030");
        assertThat(rows.get(0).coordinatingUnits()).isEqualTo("Các phòng");
        assertThat(rows.get(0).warnings()).singleElement().asString().contains("dòng 3");
        assertThat(rows.get(1).warnings()).isEmpty();
    }

    @Test
    void warnsAboutMissingCellsAndRepeatedNumbers() {
        byte[] tsv = """
                TT\tTên nhiệm vụ\tĐơn vị chủ trì\tThời gian thực hiện
                1\tNhiệm vụ thứ nhất\t\tNăm 2025
                1\tNhiệm vụ thứ hai\tPhòng NVY\t
                """.getBytes(StandardCharsets.UTF_8);

        List<PlanRow> rows = read("bang.tsv", tsv);

        assertThat(rows.get(0).warnings()).containsExactly("Thiếu đơn vị chủ trì.");
        assertThat(rows.get(1).warnings()).containsExactly("Thiếu thời gian thực hiện.",
                "Số thứ tự 1 trùng với nhiệm vụ ở dòng 2.");
    }

    @Test
    void givesAVerticallyMergedCellToEveryRowItCovers() throws IOException {
        PlanTableFile file = aPlanTable().header("TT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện")
            .task("1", "Nhiệm vụ một", "Phòng NVD", "Năm 2025")
            .task("2", "Nhiệm vụ hai", "", "Năm 2026");
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(file.docx()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFTable table = document.getTables().get(0);
            merge(table.getRow(1).getCell(2), STMerge.RESTART);
            merge(table.getRow(2).getCell(2), STMerge.CONTINUE);
            document.write(out);
            docx = out.toByteArray();
        }

        assertThat(read("merged.docx", docx)).extracting(PlanRow::leadUnits).containsExactly("Phòng NVD", "Phòng NVD");
    }

    @Test
    void namesTheRequiredColumnsThatAreMissing() {
        byte[] tsv = "TT\tTên nhiệm vụ\tĐơn vị phối hợp\n1\tMột việc\tCác phòng\n".getBytes(StandardCharsets.UTF_8);

        assertThatExceptionOfType(RequiredColumnsMissing.class).isThrownBy(() -> read("bang.tsv", tsv))
            .satisfies((ex) -> assertThat(ex.columns()).containsExactly("Đơn vị chủ trì", "Thời gian thực hiện"))
            .withMessageContaining("Đơn vị chủ trì, Thời gian thực hiện");
    }

    @Test
    void refusesATableWithoutHeader() {
        byte[] tsv = "1\tMột việc\tPhòng NVY\tNăm 2025\n".getBytes(StandardCharsets.UTF_8);

        assertThatExceptionOfType(UnreadablePlanTable.class).isThrownBy(() -> read("bang.tsv", tsv))
            .withMessageContaining("Không tìm thấy dòng tiêu đề");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ke-hoach.pdf", "ke-hoach", "ke-hoach.doc" })
    void refusesOtherFileTypes(String filename) {
        assertThatExceptionOfType(UnreadablePlanTable.class)
            .isThrownBy(() -> read(filename, "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
            .withMessageMatching(".*(\\.docx, \\.xlsx hoặc \\.tsv|không được hỗ trợ).*");
    }

    @ParameterizedTest
    @ValueSource(strings = { "hong.docx", "hong.xlsx" })
    void refusesADamagedOfficeFile(String filename) {
        assertThatExceptionOfType(UnreadablePlanTable.class)
            .isThrownBy(() -> read(filename, "not a zip at all".getBytes(StandardCharsets.US_ASCII)))
            .withMessageContaining("bị hỏng");
    }

    @ParameterizedTest
    @ValueSource(strings = { "word/document.xml", "xl/worksheets/sheet1.xml" })
    void refusesAZipBomb(String entry) throws IOException {
        String filename = entry.startsWith("word") ? "bom.docx" : "bom.xlsx";

        assertThatExceptionOfType(UnreadablePlanTable.class).isThrownBy(() -> read(filename, zipBomb(entry)))
            .withMessageContaining("nén bất thường");
    }

    @Test
    void refusesMoreRowsThanTheLimit() {
        PlanTableReader small = new PlanTableReader(new PlanTableLimits(100, 10_000, 64, 64L << 20, 0.01));
        byte[] tsv = generatedTable(150).tsv();

        assertThatExceptionOfType(UnreadablePlanTable.class)
            .isThrownBy(() -> small.read("bang.tsv", new ByteArrayInputStream(tsv)))
            .withMessageContaining("quá nhiều dòng");
    }

    @Test
    void refusesAnOverlongCell() {
        byte[] tsv = ("TT\tTên nhiệm vụ\tĐơn vị chủ trì\tThời gian thực hiện\n1\t" + "a".repeat(20_000)
                + "\tPhòng NVY\tNăm 2025\n").getBytes(StandardCharsets.UTF_8);

        assertThatExceptionOfType(UnreadablePlanTable.class).isThrownBy(() -> read("bang.tsv", tsv))
            .withMessageContaining("dòng 2");
    }

    @Test
    void refusesTextThatIsNotUtf8() {
        byte[] tsv = "TT\tTên nhiệm vụ\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatExceptionOfType(UnreadablePlanTable.class).isThrownBy(() -> read("bang.tsv", tsv))
            .withMessageContaining("UTF-8");
    }

    @Test
    void readsUtf16TextAsExcelSavesIt() {
        byte[] text = "TT\tTên nhiệm vụ\tĐơn vị chủ trì\tThời gian thực hiện\r\n1\tMột việc\tPhòng NVY\tNăm 2025\r\n"
            .getBytes(StandardCharsets.UTF_16);

        assertThat(read("bang.tsv", text)).extracting(PlanRow::leadUnits).containsExactly("Phòng NVY");
    }

    @Test
    void readsAGeneratedTableOfTwoThousandRows() {
        PlanTableFile file = generatedTable(2_000);

        for (String filename : List.of("lon.tsv", "lon.xlsx", "lon.docx")) {
            byte[] bytes = filename.endsWith("tsv") ? file.tsv() : filename.endsWith("xlsx") ? file.xlsx() : file.docx();
            List<PlanRow> rows = read(filename, bytes);
            assertThat(rows).as(filename).hasSize(2_000);
            assertThat(rows.get(1_999)).satisfies((row) -> {
                assertThat(row.ref()).isEqualTo("2000");
                assertThat(row.title()).isEqualTo("Nhiệm vụ số 2000");
                assertThat(row.group()).isEqualTo("IV. Nhóm 4");
            });
        }
    }

    private List<PlanRow> read(String filename, byte[] content) {
        return this.reader.read(filename, new ByteArrayInputStream(content));
    }

    private static void assertSampleTasks(List<PlanRow> rows) {
        assertThat(rows).extracting(PlanRow::ref)
            .containsExactlyElementsOf(IntStream.rangeClosed(1, 41).mapToObj(String::valueOf).toList());
        assertThat(task(rows, 1).group()).startsWith("I. Đổi mới mạnh mẽ tư duy");
        assertThat(task(rows, 8).group()).startsWith("I. ");
        assertThat(task(rows, 12).group()).startsWith("II.");
        assertThat(task(rows, 35).group()).startsWith("IV.");
        assertThat(task(rows, 41).group()).startsWith("VI.");
        assertThat(task(rows, 10).leadUnits()).isEqualTo("Phòng KHTH, Chi cục DS&TE");
        assertThat(task(rows, 22).coordinatingUnits()).isEqualTo("BV YHCT, BV PHCN, các phòng");
        assertThat(task(rows, 38).time()).isEqualTo("Năm 2026, Khi Trung ương ban hành Chiến lược");
        assertThat(task(rows, 13).title()).isEqualTo("Triển khai thực hiện \"Đề án phát triển du lịch y tế giai đoạn 2026 - 2030\"");
        assertThat(rows).allSatisfy((row) -> {
            assertThat(row.title()).doesNotContain("<b>", "</b>").isNotBlank();
            assertThat(row.warnings()).isEmpty();
        });
    }

    private static PlanRow task(List<PlanRow> rows, int ref) {
        return rows.stream().filter((row) -> row.ref().equals(String.valueOf(ref))).findFirst().orElseThrow();
    }

    private static PlanTableFile generatedTable(int rows) {
        PlanTableFile file = aPlanTable().text("DANH MỤC NHIỆM VỤ");
        for (int i = 1; i <= rows; i++) {
            if ((i - 1) % 500 == 0) {
                file.header("TT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Kết quả đầu ra",
                        "Thời gian thực hiện");
                file.section(List.of("I", "II", "III", "IV").get((i - 1) / 500) + ". Nhóm " + ((i - 1) / 500 + 1));
            }
            file.task(String.valueOf(i), "Nhiệm vụ số " + i, "Phòng NVY", "Các phòng/đơn vị", "Báo cáo", "Năm 2026");
        }
        return file;
    }

    private static void merge(XWPFTableCell cell, STMerge.Enum value) {
        var properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        properties.addNewVMerge().setVal(value);
    }

    // A tiny archive whose one entry inflates to 20 MB of spaces.
    private static byte[] zipBomb(String entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("""
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>
                    """.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(entry));
            byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 20; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(100_000);
        return bytes.toByteArray();
    }

}
