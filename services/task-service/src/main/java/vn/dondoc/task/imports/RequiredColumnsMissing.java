package vn.dondoc.task.imports;

import java.util.List;

/**
 * The table has a header row, but some required columns are not in it.
 */
class RequiredColumnsMissing extends UnreadablePlanTable {

    private final List<String> columns;

    RequiredColumnsMissing(List<String> columns, int sourceRow) {
        super("Bảng nhiệm vụ thiếu cột bắt buộc: " + String.join(", ", columns) + " (dòng tiêu đề ở dòng "
                + sourceRow + ").");
        this.columns = List.copyOf(columns);
    }

    /** Labels of the missing columns, e.g. "Đơn vị chủ trì". */
    List<String> columns() {
        return this.columns;
    }

}
