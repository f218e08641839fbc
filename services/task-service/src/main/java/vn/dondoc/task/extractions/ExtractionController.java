package vn.dondoc.task.extractions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Notice extraction for admins: post a notice, review and edit the draft, confirm to assign its tasks. */
@RestController
@RequestMapping("/api/extractions")
class ExtractionController {

    /** A body this long is refused without reading it; shorter ones are read up to the text limit. */
    private static final long UNREAD_LIMIT = 8L * NoticeFile.MAX_TEXT_BYTES;

    private final NoticeDrafts drafts;

    ExtractionController(NoticeDrafts drafts) {
        this.drafts = drafts;
    }

    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<ExtractionView> fromText(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > UNREAD_LIMIT) {
            throw NoticeTooLarge.text();
        }
        try (InputStream body = request.getInputStream()) {
            return created(drafts.draft(NoticeFile.text(body, charset(request.getCharacterEncoding()))));
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ExtractionView> fromFile(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new NoticeUnreadable("Tệp trống", "The file is empty");
        }
        try (InputStream in = file.getInputStream()) {
            return created(drafts.draft(NoticeFile.file(file.getOriginalFilename(), in)));
        }
    }

    @GetMapping("/{id}")
    ExtractionView one(@PathVariable String id) {
        return ExtractionView.of(drafts.find(id));
    }

    @PutMapping("/{id}/items/{ref}")
    ExtractionView edit(@PathVariable String id, @PathVariable String ref,
                        @Valid @RequestBody NoticeDrafts.ItemEdit edit) {
        return ExtractionView.of(drafts.edit(id, ref, edit));
    }

    @PostMapping("/{id}/confirm")
    ExtractionView confirm(@PathVariable String id) {
        return ExtractionView.of(drafts.confirm(id));
    }

    private static ResponseEntity<ExtractionView> created(Extraction extraction) {
        return ResponseEntity.created(URI.create("/api/extractions/" + extraction.id()))
                .body(ExtractionView.of(extraction));
    }

    /** The charset a text body names; UTF-8 when it names none (the HTTP default of ISO-8859-1 fits no notice). */
    private static Charset charset(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new NoticeUnreadable("Bảng mã \"" + name + "\" không được hỗ trợ; hãy gửi UTF-8",
                    "Unsupported charset " + name);
        }
    }

    @ExceptionHandler
    ProblemDetail unreadable(NoticeUnreadable e) {
        return problem(HttpStatus.BAD_REQUEST, "Không đọc được văn bản", e.detail(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail tooLarge(NoticeTooLarge e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Văn bản quá lớn", e.detail(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail refused(ExtractionRefused e) {
        var problem = problem(e.status(), e.title(), e.detail(), e.getMessage());
        if (!e.items().isEmpty()) {
            problem.setProperty("items", e.items());
        }
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String detailEn) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("detailEn", detailEn);
        return problem;
    }
}
