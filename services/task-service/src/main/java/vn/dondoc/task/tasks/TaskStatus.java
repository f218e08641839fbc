package vn.dondoc.task.tasks;

/**
 * The official status categories of Vietnamese task-tracking reports (DESIGN §1), named as those reports name them,
 * plus {@link #DA_HUY} for withdrawn tasks, which the reports leave out.
 */
public enum TaskStatus {
    CHUA_HOAN_THANH_TRONG_HAN("Chưa hoàn thành – trong hạn"),
    /** due within {@link Task#DUE_SOON_DAYS} calendar days */
    SAP_DEN_HAN("Sắp đến hạn"),
    QUA_HAN("Quá hạn"),
    HOAN_THANH_DUNG_HAN("Hoàn thành đúng hạn"),
    HOAN_THANH_QUA_HAN("Hoàn thành quá hạn"),
    /** continuous tasks and tasks waiting for an outside trigger */
    KHONG_THOI_HAN("Không thời hạn"),
    DA_HUY("Đã hủy");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
