package vn.dondoc.task.imports;

import java.util.List;

/**
 * The columns of a plan task table, recognised by their header text whatever the order, case or
 * diacritics ("Đơn vị chủ trì", "DON VI CHU TRI").
 */
enum PlanColumn {

    // Order matters: a header is given to the first column that recognises it ("Đơn vị thực hiện phối
    // hợp" is the coordinating units, "Thời gian thực hiện nhiệm vụ" the time, not the title).
    REF("TT", true, List.of()) {
        @Override
        boolean recognises(String folded) {
            return folded.matches("s?tt|so tt|so thu tu|thu tu|stt/tt");
        }
    },
    COORDINATING("Đơn vị phối hợp", false, List.of("phoi hop")),
    LEAD("Đơn vị chủ trì", true, List.of("chu tri", "don vi thuc hien", "co quan thuc hien", "dau moi")),
    OUTPUT("Kết quả đầu ra", false, List.of("ket qua", "san pham")),
    TIME("Thời gian thực hiện", true, List.of("thoi gian", "thoi han", "tien do")),
    TITLE("Tên nhiệm vụ", true, List.of("nhiem vu", "noi dung", "giai phap"));

    // Header cells are short; a long cell that happens to contain "chủ trì" is task text.
    private static final int MAX_HEADER_LENGTH = 60;

    private final String label;

    private final boolean required;

    private final List<String> keywords;

    PlanColumn(String label, boolean required, List<String> keywords) {
        this.label = label;
        this.required = required;
        this.keywords = keywords;
    }

    String label() {
        return this.label;
    }

    boolean required() {
        return this.required;
    }

    boolean recognises(String folded) {
        return this.keywords.stream().anyMatch(folded::contains);
    }

    static PlanColumn forHeader(String text) {
        String folded = CellText.fold(text);
        if (folded.isEmpty() || folded.length() > MAX_HEADER_LENGTH) {
            return null;
        }
        for (PlanColumn column : values()) {
            if (column.recognises(folded)) {
                return column;
            }
        }
        return null;
    }

}
