package vn.dondoc.task.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the task table of a plan (the "Phụ lục" layout: TT, Tên nhiệm vụ, Đơn vị chủ trì, Đơn vị phối
 * hợp, Kết quả đầu ra, Thời gian thực hiện) from .docx, .xlsx or .tsv.
 * <p>
 * Anything before the first header row (titles, other appendices) is skipped; the header may repeat on
 * every page and its columns may come in any order. Section rows ("I. Đổi mới …") set the group of the
 * tasks below them. A row without a number continues the task above it, unless it reads as a task of
 * its own; either way a warning says so, for the person reviewing the draft.
 */
class PlanTableReader {

    private static final Pattern TASK_NUMBER = Pattern.compile("\\d{1,4}(\\.\\d{1,4})*[.)]?");

    private static final Pattern SECTION_MARKER = Pattern.compile("([IVXLCDM]+|[A-Z])[.)]?");

    private static final Pattern SECTION_HEADING = Pattern.compile("([IVXLCDM]+|[A-Z])\\s*[.)/:-]\\s+\\S.*");

    // The row under a header that numbers the columns: "(1) (2) (3)" or "1 2 3 4 5 6".
    private static final Pattern COLUMN_NUMBER = Pattern.compile("\\(?\\d{1,2}\\)?");

    private final PlanTableLimits limits;

    PlanTableReader() {
        this(PlanTableLimits.defaults());
    }

    PlanTableReader(PlanTableLimits limits) {
        this.limits = limits;
        limits.guardOfficeFiles();
    }

    List<PlanRow> read(String filename, InputStream in) {
        String extension = extension(filename);
        List<List<RawRow>> blocks = switch (extension) {
            case "docx" -> office("Word (.docx)", () -> DocxTables.read(in, this.limits));
            case "xlsx" -> office("Excel (.xlsx)", () -> XlsxSheet.read(in, this.limits));
            case "tsv" -> TsvTable.read(in, this.limits);
            case "doc", "xls" -> throw new UnreadablePlanTable("Định dạng ." + extension
                    + " cũ không được hỗ trợ; hãy lưu lại thành ." + extension + "x rồi tải lên.");
            default -> throw new UnreadablePlanTable("Chỉ nhận tệp .docx, .xlsx hoặc .tsv; tệp \""
                    + ((filename != null) ? filename : "") + "\" không thuộc các loại này.");
        };
        return new Assembly().rows(blocks);
    }

    private static String extension(String filename) {
        if (filename == null) {
            return "";
        }
        int dot = filename.lastIndexOf('.');
        return (dot < 0) ? "" : filename.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
    }

    private static List<List<RawRow>> office(String kind, OfficeRead read) {
        try {
            return read.rows();
        }
        catch (UnreadablePlanTable ex) {
            throw ex;
        }
        catch (IOException | RuntimeException ex) {
            if (looksLikeZipBomb(ex)) {
                throw new UnreadablePlanTable("Tệp " + kind
                        + " có nội dung nén bất thường hoặc quá lớn khi giải nén; tệp không được nhận.", ex);
            }
            throw new UnreadablePlanTable("Không đọc được tệp " + kind
                    + ": tệp bị hỏng hoặc không đúng định dạng.", ex);
        }
    }

    private static boolean looksLikeZipBomb(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb") || message.contains("too many entries")
                    || message.contains("entry size is too large")) {
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface OfficeRead {

        List<List<RawRow>> rows() throws IOException;

    }

    /** Column positions found in a header row. */
    private record Layout(Map<PlanColumn, Integer> positions, int width, int sourceRow) {

        boolean complete() {
            return missing().isEmpty();
        }

        List<String> missing() {
            List<String> missing = new ArrayList<>();
            for (PlanColumn column : PlanColumn.values()) {
                if (column.required() && !this.positions.containsKey(column)) {
                    missing.add(column.label());
                }
            }
            return missing;
        }

    }

    /** One pass over the rows of a file. */
    private static final class Assembly {

        private final List<Draft> drafts = new ArrayList<>();

        private final Map<String, Integer> rowOfRef = new HashMap<>();

        private Layout layout;

        private Layout bestIncomplete;

        private boolean headerFound;

        private String group = "";

        private Draft last;

        List<PlanRow> rows(List<List<RawRow>> blocks) {
            for (List<RawRow> block : blocks) {
                block(block);
            }
            if (!this.headerFound) {
                if (this.bestIncomplete != null) {
                    throw new RequiredColumnsMissing(this.bestIncomplete.missing(), this.bestIncomplete.sourceRow());
                }
                throw new UnreadablePlanTable("Không tìm thấy dòng tiêu đề của bảng nhiệm vụ (cần các cột: "
                        + String.join(", ", requiredLabels()) + ").");
            }
            return this.drafts.stream().map(Draft::row).toList();
        }

        private void block(List<RawRow> rows) {
            boolean hasHeader = rows.stream().anyMatch((row) -> header(row) != null);
            // A table without a header of its own continues the task table only when it has the same
            // columns (Word splits long tables); a signature or contact table after the plan does not.
            if (!hasHeader && this.layout != null && width(rows) != this.layout.width()) {
                return;
            }
            for (int i = 0; i < rows.size(); i++) {
                RawRow row = rows.get(i);
                Layout header = header(row);
                if (header != null) {
                    if (i + 1 < rows.size() && isSubHeader(rows.get(i + 1))) {
                        Layout combined = twoRowHeader(row, rows.get(i + 1));
                        if (combined != null && combined.positions().size() > header.positions().size()) {
                            header = combined;
                            i++;
                        }
                    }
                    take(header);
                    continue;
                }
                if (this.layout != null && !row.isBlank() && !isColumnNumbering(row)) {
                    data(row);
                }
            }
        }

        private void take(Layout header) {
            if (header.complete()) {
                this.layout = header;
                this.headerFound = true;
                return;
            }
            // A header of some other table: what follows is not ours.
            this.layout = null;
            if (this.bestIncomplete == null
                    || header.positions().size() > this.bestIncomplete.positions().size()) {
                this.bestIncomplete = header;
            }
        }

        private void data(RawRow row) {
            String ref = text(row, PlanColumn.REF, " ");
            String title = text(row, PlanColumn.TITLE, " ");
            String lead = text(row, PlanColumn.LEAD, ", ");
            String coordinating = text(row, PlanColumn.COORDINATING, ", ");
            String output = text(row, PlanColumn.OUTPUT, " ");
            String time = text(row, PlanColumn.TIME, " ");
            boolean detailsEmpty = lead.isEmpty() && coordinating.isEmpty() && output.isEmpty() && time.isEmpty();

            if (SECTION_MARKER.matcher(ref).matches() && detailsEmpty) {
                String marker = ref.replaceAll("[.)]$", "");
                this.group = title.isEmpty() ? marker : marker + ". " + title;
                return;
            }
            if (!ref.isEmpty() && !TASK_NUMBER.matcher(ref).matches() && detailsEmpty
                    && (title.isEmpty() || title.equals(ref))) {
                this.group = ref;
                return;
            }
            // A heading merged across the row sits in its first cell, whichever column that is.
            List<RawRow.Cell> filled = row.cells().stream().filter((cell) -> !CellText.clean(cell.text()).isEmpty()).toList();
            if (ref.isEmpty() && filled.size() == 1) {
                String heading = CellText.clean(filled.get(0).text());
                if (filled.get(0).bold() || SECTION_HEADING.matcher(heading).matches()) {
                    this.group = heading;
                    return;
                }
            }
            if (!ref.isEmpty()) {
                task(ref.replaceAll("[.)]$", ""), row, title, lead, coordinating, output, time);
                if (!TASK_NUMBER.matcher(ref).matches()) {
                    this.last.warnings.add("Số thứ tự \"" + ref + "\" không phải dạng số.");
                }
                return;
            }
            if (!title.isEmpty() && (!lead.isEmpty() || !time.isEmpty())) {
                task("", row, title, lead, coordinating, output, time);
                this.last.warnings.add("Dòng " + row.sourceRow() + " không có số thứ tự.");
                return;
            }
            if (this.last != null && this.last.group.equals(this.group)) {
                this.last.title = appended(this.last.title, title, " ");
                this.last.lead = appended(this.last.lead, lead, ", ");
                this.last.coordinating = appended(this.last.coordinating, coordinating, ", ");
                this.last.output = appended(this.last.output, output, " ");
                this.last.time = appended(this.last.time, time, " ");
                this.last.warnings.add("Đã ghép nội dung dòng " + row.sourceRow()
                        + " (không có số thứ tự) vào nhiệm vụ này.");
                return;
            }
            task("", row, title, lead, coordinating, output, time);
            this.last.warnings.add("Dòng " + row.sourceRow() + " không có số thứ tự và không thuộc nhiệm vụ nào.");
        }

        private void task(String ref, RawRow row, String title, String lead, String coordinating, String output,
                String time) {
            Draft draft = new Draft(ref, title, lead, coordinating, output, time, this.group, row.sourceRow());
            if (!ref.isEmpty()) {
                Integer earlier = this.rowOfRef.putIfAbsent(ref, row.sourceRow());
                if (earlier != null) {
                    draft.warnings.add("Số thứ tự " + ref + " trùng với nhiệm vụ ở dòng " + earlier + ".");
                }
            }
            this.drafts.add(draft);
            this.last = draft;
        }

        private String text(RawRow row, PlanColumn column, String lineSeparator) {
            Integer position = this.layout.positions().get(column);
            return (position != null) ? CellText.clean(row.cell(position).text(), lineSeparator) : "";
        }

        private static String appended(String existing, String more, String separator) {
            if (more.isEmpty() || existing.equals(more)) {
                return existing;
            }
            return CellText.joinNonEmpty(separator, existing, more);
        }

        private static Layout header(RawRow row) {
            Map<PlanColumn, Integer> positions = new EnumMap<>(PlanColumn.class);
            for (int i = 0; i < row.cells().size(); i++) {
                String text = row.cells().get(i).text();
                if (TASK_NUMBER.matcher(CellText.clean(text)).matches()) {
                    return null;
                }
                PlanColumn column = PlanColumn.forHeader(text);
                if (column != null) {
                    positions.putIfAbsent(column, i);
                }
            }
            boolean header = positions.size() >= 3 || (positions.containsKey(PlanColumn.REF) && positions.size() >= 2);
            return header ? new Layout(positions, row.cells().size(), row.sourceRow()) : null;
        }

        // "Đơn vị thực hiện" over "Chủ trì | Phối hợp": every filled cell of the second row names a column.
        private static boolean isSubHeader(RawRow row) {
            boolean any = false;
            for (RawRow.Cell cell : row.cells()) {
                String text = CellText.clean(cell.text());
                if (text.isEmpty()) {
                    continue;
                }
                if (PlanColumn.forHeader(text) == null || SECTION_HEADING.matcher(text).matches()) {
                    return false;
                }
                any = true;
            }
            return any;
        }

        private static Layout twoRowHeader(RawRow top, RawRow bottom) {
            List<RawRow.Cell> combined = new ArrayList<>();
            String above = "";
            int width = Math.max(top.cells().size(), bottom.cells().size());
            for (int i = 0; i < width; i++) {
                String upper = CellText.clean(top.cell(i).text());
                String lower = CellText.clean(bottom.cell(i).text());
                // A merged upper cell leaves the cells it covers empty: they belong to it.
                if (!upper.isEmpty()) {
                    above = upper;
                }
                String text = upper.isEmpty() && !lower.isEmpty() ? above : upper;
                combined.add(new RawRow.Cell(CellText.joinNonEmpty(" ", text, lower), false));
            }
            return header(new RawRow(top.sourceRow(), combined));
        }

        private static boolean isColumnNumbering(RawRow row) {
            int numbers = 0;
            for (RawRow.Cell cell : row.cells()) {
                String text = CellText.clean(cell.text());
                if (text.isEmpty()) {
                    continue;
                }
                if (!COLUMN_NUMBER.matcher(text).matches()) {
                    return false;
                }
                numbers++;
            }
            return numbers >= 3;
        }

        private static int width(List<RawRow> rows) {
            return rows.stream().filter((row) -> !row.isBlank()).mapToInt((row) -> row.cells().size()).max().orElse(0);
        }

        private static List<String> requiredLabels() {
            Set<String> labels = new LinkedHashSet<>();
            for (PlanColumn column : PlanColumn.values()) {
                if (column.required()) {
                    labels.add(column.label());
                }
            }
            return List.copyOf(labels);
        }

    }

    /** A task row being assembled; continuation rows may still add to it. */
    private static final class Draft {

        private final String ref;

        private final String group;

        private final int sourceRow;

        private final List<String> warnings = new ArrayList<>();

        private String title;

        private String lead;

        private String coordinating;

        private String output;

        private String time;

        Draft(String ref, String title, String lead, String coordinating, String output, String time, String group,
                int sourceRow) {
            this.ref = ref;
            this.title = title;
            this.lead = lead;
            this.coordinating = coordinating;
            this.output = output;
            this.time = time;
            this.group = group;
            this.sourceRow = sourceRow;
        }

        PlanRow row() {
            List<String> all = new ArrayList<>();
            if (this.title.isEmpty()) {
                all.add("Thiếu tên nhiệm vụ.");
            }
            if (this.lead.isEmpty()) {
                all.add("Thiếu đơn vị chủ trì.");
            }
            if (this.time.isEmpty()) {
                all.add("Thiếu thời gian thực hiện.");
            }
            all.addAll(this.warnings);
            return new PlanRow(this.ref, this.title, this.lead, this.coordinating, this.output, this.time, this.group,
                    this.sourceRow, all);
        }

    }

}
