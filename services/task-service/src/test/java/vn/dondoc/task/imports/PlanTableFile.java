package vn.dondoc.task.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import vn.dondoc.testing.Samples;

/**
 * Builds plan table files in the tests, so that no binary fixture is kept: text lines, header rows,
 * section rows (merged across the table, bold) and task rows, written as .docx, .xlsx or .tsv.
 * In a .docx a page break starts a new table, the way long tables in the real plans are split.
 */
final class PlanTableFile {

    enum Kind {

        TEXT, PAGE_BREAK, HEADER, SECTION, TASK

    }

    record Line(Kind kind, List<String> cells) {
    }

    private final List<Line> lines = new ArrayList<>();

    /** Phụ lục 02 of sample 002, the real plan table the tests are about. */
    static PlanTableFile appendix02() {
        return fromTsv(appendix02Lines());
    }

    /** The sample plan's Phụ lục 02, from its title line to the end, as the lines of tab-separated text. */
    static List<String> appendix02Lines() {
        List<String> lines = Samples.text(Samples.PLAN_002).lines().toList();
        int start = IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).startsWith("**Phụ lục 02**"))
                .findFirst()
                .orElseThrow();
        return lines.subList(start, lines.size());
    }

    static PlanTableFile aPlanTable() {
        return new PlanTableFile();
    }

    /** The lines of the sample's tab-separated text, recognised the way a person sees them. */
    static PlanTableFile fromTsv(List<String> tsvLines) {
        PlanTableFile file = new PlanTableFile();
        for (String line : tsvLines) {
            List<String> cells = Arrays.stream(line.split("\t", -1)).map(CellText::clean).toList();
            if (line.isBlank()) {
                file.pageBreak();
            }
            else if (cells.size() == 1) {
                file.text(cells.get(0).replace("*", ""));
            }
            else if (cells.get(0).equals("TT")) {
                file.header(cells.toArray(String[]::new));
            }
            else if (line.startsWith("<b>") && cells.stream().skip(1).allMatch(String::isEmpty)) {
                file.section(cells.get(0));
            }
            else {
                file.task(cells.toArray(String[]::new));
            }
        }
        return file;
    }

    PlanTableFile text(String text) {
        this.lines.add(new Line(Kind.TEXT, List.of(text)));
        return this;
    }

    PlanTableFile pageBreak() {
        this.lines.add(new Line(Kind.PAGE_BREAK, List.of()));
        return this;
    }

    PlanTableFile header(String... cells) {
        this.lines.add(new Line(Kind.HEADER, List.of(cells)));
        return this;
    }

    PlanTableFile section(String heading) {
        this.lines.add(new Line(Kind.SECTION, List.of(heading)));
        return this;
    }

    PlanTableFile task(String... cells) {
        this.lines.add(new Line(Kind.TASK, List.of(cells)));
        return this;
    }

    List<Line> lines() {
        return List.copyOf(this.lines);
    }

    PlanTableFile line(Line line) {
        this.lines.add(line);
        return this;
    }

    // Each table of a .docx is as wide as its widest row: other tables (signatures) are narrower.
    private int tableWidth(int from) {
        int width = 1;
        for (int i = from; i < this.lines.size(); i++) {
            Line line = this.lines.get(i);
            if (line.kind() == Kind.TEXT || line.kind() == Kind.PAGE_BREAK) {
                break;
            }
            width = Math.max(width, line.cells().size());
        }
        return width;
    }

    private int width() {
        return this.lines.stream().mapToInt((line) -> line.cells().size()).max().orElse(1);
    }

    byte[] tsv() {
        return this.lines.stream().map((line) -> switch (line.kind()) {
            case PAGE_BREAK -> "";
            case SECTION -> "<b>" + line.cells().get(0) + "</b>" + "\t".repeat(width() - 1);
            case HEADER -> line.cells().stream().map((cell) -> "<b>" + cell + "</b>").collect(Collectors.joining("\t"));
            default -> String.join("\t", line.cells());
        }).collect(Collectors.joining("\r\n", "", "\r\n")).getBytes(StandardCharsets.UTF_8);
    }

    byte[] docx() {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFTable table = null;
            int width = 1;
            for (int i = 0; i < this.lines.size(); i++) {
                Line line = this.lines.get(i);
                switch (line.kind()) {
                    case TEXT -> {
                        document.createParagraph().createRun().setText(line.cells().get(0));
                        table = null;
                    }
                    case PAGE_BREAK -> {
                        document.createParagraph().setPageBreak(true);
                        table = null;
                    }
                    default -> {
                        XWPFTableRow row;
                        if (table == null) {
                            width = tableWidth(i);
                            table = document.createTable(1, width);
                            row = table.getRow(0);
                        }
                        else {
                            row = table.createRow();
                        }
                        fill(row, line, width);
                    }
                }
            }
            document.write(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void fill(XWPFTableRow row, Line line, int width) {
        if (line.kind() == Kind.SECTION) {
            while (row.getTableCells().size() > 1) {
                row.removeCell(row.getTableCells().size() - 1);
            }
            XWPFTableCell cell = row.getCell(0);
            cell.getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(width));
            write(cell, line.cells().get(0), true);
            return;
        }
        for (int i = 0; i < line.cells().size(); i++) {
            write(row.getCell(i), line.cells().get(i), line.kind() == Kind.HEADER);
        }
    }

    private static void write(XWPFTableCell cell, String text, boolean bold) {
        String[] paragraphs = text.split("\n");
        for (int i = 0; i < paragraphs.length; i++) {
            XWPFRun run = ((i == 0) ? cell.getParagraphs().get(0) : cell.addParagraph()).createRun();
            run.setText(paragraphs[i]);
            run.setBold(bold);
        }
    }

    byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Phụ lục 02");
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            int rowNumber = 0;
            for (Line line : this.lines) {
                XSSFRow row = sheet.createRow(rowNumber);
                for (int i = 0; i < line.cells().size(); i++) {
                    XSSFCell cell = row.createCell(i);
                    String text = line.cells().get(i);
                    if (line.kind() == Kind.TASK && i == 0 && text.matches("\\d+")) {
                        cell.setCellValue(Integer.parseInt(text));
                    }
                    else {
                        cell.setCellValue(text);
                    }
                    if (line.kind() == Kind.HEADER || line.kind() == Kind.SECTION) {
                        cell.setCellStyle(bold);
                    }
                }
                if (line.kind() == Kind.SECTION) {
                    sheet.addMergedRegion(new CellRangeAddress(rowNumber, rowNumber, 0, width() - 1));
                }
                rowNumber++;
            }
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
