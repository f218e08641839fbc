package vn.dondoc.task.extractions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

class NoticeFileTests {

    @Test
    void writesOutWordsAutomaticNumberingInFrontOfEachItem() throws IOException {
        try (var document = new XWPFDocument()) {
            var numbering = document.createNumbering();
            var list = CTAbstractNum.Factory.newInstance();
            list.setAbstractNumId(BigInteger.ZERO);
            level(list, 0, STNumberFormat.DECIMAL, "%1.");
            level(list, 1, STNumberFormat.LOWER_LETTER, "%2)");
            var numId = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(list)));
            document.createParagraph().createRun().setText("Giám đốc Sở đề nghị các phòng thực hiện các nhiệm vụ sau:");
            paragraph(document, numId, 0, "Về kế hoạch năm:");
            paragraph(document, numId, 1, "Phòng NVY xây dựng kế hoạch kiểm tra trước ngày 30/6/2026;");
            paragraph(document, numId, 1, "Phòng KHTC bố trí kinh phí.");
            paragraph(document, numId, 0, "Phòng TCCB rà soát vị trí việc làm.");

            assertThat(NoticeFile.file("thong-bao.docx", new ByteArrayInputStream(bytes(document)))).isEqualTo("""
                    Giám đốc Sở đề nghị các phòng thực hiện các nhiệm vụ sau:
                    1. Về kế hoạch năm:
                    a) Phòng NVY xây dựng kế hoạch kiểm tra trước ngày 30/6/2026;
                    b) Phòng KHTC bố trí kinh phí.
                    2. Phòng TCCB rà soát vị trí việc làm.""");
        }
    }

    @Test
    void readsTableCellsInDocumentOrder() throws IOException {
        try (var document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("Trước bảng");
            var table = document.createTable(2, 2);
            table.getRow(0).getCell(0).setText("1. Phòng NVY");
            table.getRow(0).getCell(1).setText("trước ngày 30/6/2026");
            table.getRow(1).getCell(0).setText("2. Phòng NVD");
            table.getRow(1).getCell(1).setText("Quý IV/2025");
            document.createParagraph().createRun().setText("Sau bảng");

            assertThat(NoticeFile.file("bang.DOCX", new ByteArrayInputStream(bytes(document))).lines())
                    .containsExactly("Trước bảng", "1. Phòng NVY", "trước ngày 30/6/2026", "2. Phòng NVD", "Quý IV/2025",
                            "Sau bảng");
        }
    }

    @Test
    void refusesWhatIsNotANotice() {
        assertThatThrownBy(() -> NoticeFile.file("thong-bao.docx", new ByteArrayInputStream("PK hỏng".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(NoticeUnreadable.class);
        assertThatThrownBy(() -> NoticeFile.file("thong-bao.doc", new ByteArrayInputStream(new byte[] {1})))
                .isInstanceOfSatisfying(NoticeUnreadable.class, e -> assertThat(e.detail()).contains(".docx"));
        assertThatThrownBy(() -> NoticeFile.file(null, new ByteArrayInputStream(new byte[] {1})))
                .isInstanceOf(NoticeUnreadable.class);
        assertThatThrownBy(() -> NoticeFile.text(new ByteArrayInputStream(new byte[] {(byte) 0xFF, (byte) 0xFE}), null))
                .isInstanceOf(NoticeUnreadable.class);
        assertThatThrownBy(() -> NoticeFile.text(new ByteArrayInputStream(new byte[NoticeFile.MAX_TEXT_BYTES + 1]), null))
                .isInstanceOf(NoticeTooLarge.class);
    }

    private static void level(CTAbstractNum list, int level, STNumberFormat.Enum format, String text) {
        var lvl = list.addNewLvl();
        lvl.setIlvl(BigInteger.valueOf(level));
        lvl.addNewNumFmt().setVal(format);
        lvl.addNewLvlText().setVal(text);
        lvl.addNewStart().setVal(BigInteger.ONE);
    }

    private static void paragraph(XWPFDocument document, BigInteger numId, int level, String text) {
        var paragraph = document.createParagraph();
        paragraph.setNumID(numId);
        paragraph.setNumILvl(BigInteger.valueOf(level));
        paragraph.createRun().setText(text);
    }

    private static byte[] bytes(XWPFDocument document) throws IOException {
        var out = new ByteArrayOutputStream();
        document.write(out);
        return out.toByteArray();
    }
}
