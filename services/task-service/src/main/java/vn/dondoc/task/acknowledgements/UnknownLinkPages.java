package vn.dondoc.task.acknowledgements;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** Addresses under {@code /ack} that are no link (cut off, or with something added): the friendly page, 404. */
@Controller
class UnknownLinkPages {

    private final RefusalPages refusals;

    UnknownLinkPages(RefusalPages refusals) {
        this.refusals = refusals;
    }

    @RequestMapping({"/ack", "/ack/", "/ack/{token}/{*rest}"})
    ModelAndView unknown(HttpServletRequest request, HttpServletResponse response) {
        return refusals.page(new Refusal(HttpStatus.NOT_FOUND, "Không tìm thấy trang",
                "Địa chỉ này không phải một liên kết của hệ thống Đôn đốc. Hãy mở lại đúng liên kết trong thư hoặc "
                        + "tin nhắn (nếu sao chép, hãy sao chép toàn bộ địa chỉ).", "no link at this address"),
                request, response);
    }
}
