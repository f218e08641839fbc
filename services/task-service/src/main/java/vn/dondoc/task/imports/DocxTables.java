package vn.dondoc.task.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ICell;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDTCell;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * All tables of a Word document, in order; each table is one block. Merged cells are laid out on the
 * table grid: a horizontally merged cell leaves the cells it covers empty, a vertically merged cell gives
 * its text to every row it covers (a lead unit merged over three tasks leads all three).
 */
final class DocxTables {

    private DocxTables() {
    }

    static List<List<RawRow>> read(InputStream in, PlanTableLimits limits) throws IOException {
        try (XWPFDocument document = new XWPFDocument(in)) {
            List<List<RawRow>> tables = new ArrayList<>();
            int rowNumber = 0;
            int nonBlank = 0;
            for (XWPFTable table : document.getTables()) {
                List<RawRow> rows = new ArrayList<>();
                List<RawRow.Cell> above = List.of();
                for (XWPFTableRow tableRow : table.getRows()) {
                    rowNumber++;
                    List<RawRow.Cell> cells = cells(tableRow, above, rowNumber, limits);
                    RawRow row = new RawRow(rowNumber, cells);
                    if (!row.isBlank()) {
                        limits.checkRowCount(++nonBlank);
                    }
                    rows.add(row);
                    above = cells;
                }
                tables.add(rows);
            }
            return tables;
        }
    }

    private static List<RawRow.Cell> cells(XWPFTableRow row, List<RawRow.Cell> above, int rowNumber,
            PlanTableLimits limits) {
        List<RawRow.Cell> cells = new ArrayList<>();
        for (ICell iCell : row.getTableICells()) {
            if (cells.size() >= limits.maxColumns()) {
                break;
            }
            if (iCell instanceof XWPFSDTCell sdtCell) {
                cells.add(new RawRow.Cell(limits.checkCell(sdtCell.getContent().getText(), rowNumber), false));
                continue;
            }
            if (!(iCell instanceof XWPFTableCell cell)) {
                continue;
            }
            CTTcPr properties = cell.getCTTc().getTcPr();
            int gridPosition = cells.size();
            if (continuesVerticalMerge(properties)) {
                cells.add((gridPosition < above.size()) ? above.get(gridPosition) : RawRow.Cell.EMPTY);
            }
            else {
                cells.add(text(cell, rowNumber, limits));
            }
            int span = gridSpan(properties);
            for (int i = 1; i < span && cells.size() < limits.maxColumns(); i++) {
                cells.add(RawRow.Cell.EMPTY);
            }
        }
        return cells;
    }

    private static RawRow.Cell text(XWPFTableCell cell, int rowNumber, PlanTableLimits limits) {
        StringBuilder text = new StringBuilder();
        boolean allBold = true;
        for (XWPFParagraph paragraph : cell.getParagraphs()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(paragraph.getText());
            if (text.length() > limits.maxCellLength()) {
                throw limits.cellTooLong(rowNumber);
            }
            for (XWPFRun run : paragraph.getRuns()) {
                String runText = run.text();
                if (runText != null && !runText.isBlank() && !run.isBold()) {
                    allBold = false;
                }
            }
        }
        return new RawRow.Cell(text.toString(), allBold && !text.toString().isBlank());
    }

    private static boolean continuesVerticalMerge(CTTcPr properties) {
        if (properties == null || !properties.isSetVMerge()) {
            return false;
        }
        // <w:vMerge/> without a value continues the merge; only "restart" begins one.
        STMerge.Enum value = properties.getVMerge().getVal();
        return value == null || value == STMerge.CONTINUE;
    }

    private static int gridSpan(CTTcPr properties) {
        if (properties == null || !properties.isSetGridSpan()) {
            return 1;
        }
        return Math.max(1, properties.getGridSpan().getVal().intValue());
    }

}
