package vn.dondoc.task.imports;

import java.util.List;

/** Rows that must be fixed before the import can be confirmed; nothing was assigned. */
class ImportHasProblems extends RuntimeException {

    record RowProblem(String ref, List<String> problems) {
    }

    private final List<RowProblem> rows;

    ImportHasProblems(List<RowProblem> rows) {
        super("Rows with blocking problems: " + rows.stream().map(RowProblem::ref).toList());
        this.rows = List.copyOf(rows);
    }

    List<RowProblem> rows() {
        return rows;
    }
}
