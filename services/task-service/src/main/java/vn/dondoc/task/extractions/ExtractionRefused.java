package vn.dondoc.task.extractions;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request about a draft that cannot be done as asked, with the status it answers and why in Vietnamese and
 * English. {@code items} lists the items at fault, each with its reasons, when there are any.
 */
class ExtractionRefused extends RuntimeException {

    /** An item that blocks confirming, and why. */
    record Blocked(String ref, List<String> reasons) {
    }

    private final HttpStatus status;
    private final String title;
    private final String detail;
    private final List<Blocked> items;

    private ExtractionRefused(HttpStatus status, String title, String detail, String detailEn, List<Blocked> items) {
        super(detailEn);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.items = List.copyOf(items);
    }

    static ExtractionRefused notFound(String id) {
        return new ExtractionRefused(HttpStatus.NOT_FOUND, "Không tìm thấy bản trích",
                "Không có bản trích mã " + id, "No extraction with id " + id, List.of());
    }

    static ExtractionRefused itemNotFound(String id, String ref) {
        return new ExtractionRefused(HttpStatus.NOT_FOUND, "Không tìm thấy mục",
                "Bản trích " + id + " không có mục " + ref, "Extraction " + id + " has no item " + ref, List.of());
    }

    static ExtractionRefused noItems() {
        return new ExtractionRefused(HttpStatus.UNPROCESSABLE_CONTENT, "Không tìm thấy nhiệm vụ",
                "Không tìm thấy mục nhiệm vụ nào (1., 9.1., a), (1), …) trong văn bản",
                "No numbered items were found in the notice", List.of());
    }

    static ExtractionRefused tooManyItems(int found, int max) {
        return new ExtractionRefused(HttpStatus.UNPROCESSABLE_CONTENT, "Quá nhiều mục",
                "Văn bản có " + found + " mục, nhiều hơn mức tối đa " + max + "; hãy chia nhỏ văn bản",
                "The notice has " + found + " items, more than " + max, List.of());
    }

    static ExtractionRefused alreadyConfirmed(String id) {
        return new ExtractionRefused(HttpStatus.CONFLICT, "Bản trích đã được xác nhận",
                "Bản trích " + id + " đã được xác nhận (hoặc đang được xác nhận); không thể xác nhận hay sửa lại",
                "Extraction " + id + " is already confirmed", List.of());
    }

    static ExtractionRefused itemAssigned(String ref, String taskId) {
        return new ExtractionRefused(HttpStatus.CONFLICT, "Mục đã được giao",
                "Mục " + ref + " đã được giao thành nhiệm vụ " + taskId + "; hãy sửa nhiệm vụ đó",
                "Item " + ref + " was assigned as task " + taskId, List.of());
    }

    static ExtractionRefused notReady(List<Blocked> items) {
        return new ExtractionRefused(HttpStatus.UNPROCESSABLE_CONTENT, "Chưa thể giao nhiệm vụ",
                "Các mục sau cần sửa hoặc bỏ chọn trước khi xác nhận: "
                        + String.join(", ", items.stream().map(Blocked::ref).toList()) + "; chưa giao nhiệm vụ nào",
                "Items without a known lead unit or an understood deadline block confirmation", items);
    }

    /** The task path refused an item after the checks passed (a unit left the directory meanwhile). */
    static ExtractionRefused assignmentFailed(String ref, String reason, int assigned) {
        return new ExtractionRefused(HttpStatus.UNPROCESSABLE_CONTENT, "Chưa thể giao nhiệm vụ",
                "Không giao được mục " + ref + ": " + reason + ". Đã giao " + assigned
                        + " mục trước đó; sửa mục này rồi xác nhận lại để giao các mục còn lại",
                "Item " + ref + " was refused; " + assigned + " items were assigned before it",
                List.of(new Blocked(ref, List.of(reason))));
    }

    static ExtractionRefused nothingIncluded() {
        return new ExtractionRefused(HttpStatus.UNPROCESSABLE_CONTENT, "Không có mục nào được chọn",
                "Không có mục nào được chọn để giao", "No item is included", List.of());
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    String detail() {
        return detail;
    }

    List<Blocked> items() {
        return items;
    }
}
