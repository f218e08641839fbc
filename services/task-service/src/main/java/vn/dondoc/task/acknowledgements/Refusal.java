package vn.dondoc.task.acknowledgements;

import org.springframework.http.HttpStatus;

/**
 * Why a link's page cannot do what was asked, as the friendly page tells it; {@code reason} is for the log only.
 * Nothing was changed.
 */
final class Refusal extends RuntimeException {

    private final HttpStatus status;
    private final String heading;
    private final String explanation;

    Refusal(HttpStatus status, String heading, String explanation, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.heading = heading;
        this.explanation = explanation;
    }

    static Refusal malformed(String reason) {
        return new Refusal(HttpStatus.BAD_REQUEST, "Liên kết không hợp lệ",
                "Liên kết bị sai hoặc không đầy đủ. Hãy mở lại đúng liên kết trong thư hoặc tin nhắn "
                        + "(nếu sao chép, hãy sao chép toàn bộ địa chỉ).", reason);
    }

    static Refusal forged(String reason) {
        return new Refusal(HttpStatus.FORBIDDEN, "Liên kết không hợp lệ",
                "Liên kết này không do hệ thống Đôn đốc cấp hoặc đã bị sửa đổi. Hãy dùng liên kết trong thư "
                        + "hoặc tin nhắn mới nhất của hệ thống.", reason);
    }

    static Refusal expired(String reason) {
        return new Refusal(HttpStatus.GONE, "Liên kết đã hết hạn",
                "Liên kết này đã hết hiệu lực. Hãy dùng liên kết trong thư nhắc mới nhất, hoặc liên hệ bộ phận "
                        + "theo dõi nhiệm vụ.", reason);
    }

    static Refusal noSuchTask(String reason) {
        return new Refusal(HttpStatus.NOT_FOUND, "Không tìm thấy nhiệm vụ",
                "Nhiệm vụ của liên kết này không còn trong hệ thống. Hãy liên hệ bộ phận theo dõi nhiệm vụ.", reason);
    }

    static Refusal notOnTask(String reason) {
        return new Refusal(HttpStatus.FORBIDDEN, "Đơn vị không được giao nhiệm vụ này",
                "Liên kết này cấp cho một đơn vị hiện không còn được giao nhiệm vụ. Hãy liên hệ bộ phận theo dõi "
                        + "nhiệm vụ nếu có nhầm lẫn.", reason);
    }

    static Refusal notLead(String reason) {
        return new Refusal(HttpStatus.FORBIDDEN, "Chỉ đơn vị chủ trì báo cáo hoàn thành",
                "Đơn vị phối hợp không báo cáo hoàn thành nhiệm vụ; đơn vị chủ trì sẽ báo cáo.", reason);
    }

    static Refusal cancelled(String reason) {
        return new Refusal(HttpStatus.GONE, "Nhiệm vụ đã bị hủy",
                "Nhiệm vụ này đã được hủy, không cần xác nhận hay báo cáo nữa.", reason);
    }

    static Refusal flooded(String reason) {
        return new Refusal(HttpStatus.TOO_MANY_REQUESTS, "Quá nhiều yêu cầu",
                "Có quá nhiều yêu cầu từ địa chỉ của bạn trong thời gian ngắn. Hãy thử lại sau ít phút.", reason);
    }

    static Refusal noFormToken(String reason) {
        return new Refusal(HttpStatus.FORBIDDEN, "Không thể ghi nhận",
                "Biểu mẫu đã hết hạn hoặc không được gửi từ trang nhiệm vụ. Hãy mở lại liên kết và bấm nút "
                        + "trên trang một lần nữa.", reason);
    }

    static Refusal failed(String reason) {
        return new Refusal(HttpStatus.INTERNAL_SERVER_ERROR, "Có lỗi xảy ra",
                "Hệ thống chưa xử lý được yêu cầu. Chưa có gì được ghi nhận; hãy thử lại sau ít phút.", reason);
    }

    HttpStatus status() {
        return status;
    }

    String heading() {
        return heading;
    }

    String explanation() {
        return explanation;
    }
}
