package vn.dondoc.console.board;

/** The official status categories of Vietnamese task-tracking reports (DESIGN §1), plus "awaiting a trigger". */
enum Standing {
    IN_TIME("Chưa hoàn thành – trong hạn", "fine"),
    DUE_SOON("Sắp đến hạn (≤ 3 ngày)", "soon"),
    OVERDUE("Quá hạn", "late"),
    DONE_ON_TIME("Hoàn thành đúng hạn", "fine"),
    DONE_LATE("Hoàn thành quá hạn", "late"),
    NO_DEADLINE("Không thời hạn", ""),
    /** not an official category: no date until an outside trigger; listed apart so that admins set one */
    AWAITING_TRIGGER("Chờ điều kiện bên ngoài", "");

    private final String label;
    private final String style;

    Standing(String label, String style) {
        this.label = label;
        this.style = style;
    }

    public String label() {
        return label;
    }

    public String style() {
        return style;
    }

    public boolean open() {
        return this != DONE_ON_TIME && this != DONE_LATE;
    }
}
