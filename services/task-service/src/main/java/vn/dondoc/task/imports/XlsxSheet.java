package vn.dondoc.task.imports;

import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The first sheet of a workbook as one block. Formulas give their cached values (nothing is evaluated),
 * dates are written dd/MM/yyyy, and a vertically merged cell gives its text to every row it covers.
 */
final class XlsxSheet {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private XlsxSheet() {
    }

    static List<List<RawRow>> read(InputStream in, PlanTableLimits limits) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            if (workbook.getNumberOfSheets() == 0) {
                return List.of();
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            formatter.setUseCachedValuesForFormulaCells(true);
            Map<Long, Integer> mergedFrom = verticalMerges(sheet, limits);
            List<RawRow> rows = new ArrayList<>();
            int nonBlank = 0;
            for (Row row : sheet) {
                int rowNumber = row.getRowNum() + 1;
                List<RawRow.Cell> cells = new ArrayList<>();
                int width = Math.min(Math.max(row.getLastCellNum(), 0), limits.maxColumns());
                for (int column = 0; column < width; column++) {
                    Integer origin = mergedFrom.get(key(row.getRowNum(), column));
                    Row source = (origin != null) ? sheet.getRow(origin) : row;
                    Cell cell = (source != null) ? source.getCell(column) : null;
                    cells.add((cell != null) ? cell(cell, formatter, workbook, rowNumber, limits) : RawRow.Cell.EMPTY);
                }
                RawRow raw = new RawRow(rowNumber, cells);
                if (!raw.isBlank()) {
                    limits.checkRowCount(++nonBlank);
                }
                rows.add(raw);
            }
            return List.of(rows);
        }
    }

    private static RawRow.Cell cell(Cell cell, DataFormatter formatter, XSSFWorkbook workbook, int rowNumber,
            PlanTableLimits limits) {
        String text;
        CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            text = cell.getLocalDateTimeCellValue().toLocalDate().format(DATE);
        }
        else {
            text = formatter.formatCellValue(cell);
        }
        boolean bold = workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold();
        return new RawRow.Cell(limits.checkCell(text, rowNumber), bold && !text.isBlank());
    }

    // Cells covered by a merge that spans rows, mapped to the row holding the merged text.
    private static Map<Long, Integer> verticalMerges(Sheet sheet, PlanTableLimits limits) {
        Map<Long, Integer> origins = new HashMap<>();
        // Bounded: a crafted sheet could declare merges over a million rows.
        int budget = limits.maxRows() * 4;
        for (CellRangeAddress range : sheet.getMergedRegions()) {
            if (range.getFirstRow() == range.getLastRow() || range.getFirstColumn() >= limits.maxColumns()) {
                continue;
            }
            int lastRow = Math.min(range.getLastRow(), range.getFirstRow() + limits.maxRows());
            for (int row = range.getFirstRow() + 1; row <= lastRow && origins.size() < budget; row++) {
                origins.put(key(row, range.getFirstColumn()), range.getFirstRow());
            }
        }
        return origins;
    }

    private static long key(int row, int column) {
        return ((long) row << 16) | column;
    }

}
