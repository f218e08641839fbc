package vn.dondoc.task.imports;

import java.util.List;

/**
 * A table row as found in the file, before the columns are known. Cell texts are raw: they may hold HTML
 * tags (pasted or exported tables) and line breaks.
 */
record RawRow(int sourceRow, List<Cell> cells) {

    RawRow {
        cells = List.copyOf(cells);
    }

    boolean isBlank() {
        return this.cells.stream().allMatch((cell) -> CellText.clean(cell.text()).isEmpty());
    }

    Cell cell(int index) {
        return (index < this.cells.size()) ? this.cells.get(index) : Cell.EMPTY;
    }

    /**
     * @param bold whether the whole text is bold, which is how section headings are told from task text
     * when they carry no numbering
     */
    record Cell(String text, boolean bold) {

        static final Cell EMPTY = new Cell("", false);

    }

}
