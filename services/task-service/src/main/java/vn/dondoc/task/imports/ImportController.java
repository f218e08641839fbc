package vn.dondoc.task.imports;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dondoc.task.tasks.PlannedTasks;

/** Plan-table imports for admins (DESIGN §4, "plan-table import"). */
@RestController
@RequestMapping("/api/imports")
class ImportController {

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final PlanImports imports;

    ImportController(PlanImports imports) {
        this.imports = imports;
    }

    record ImportView(String id, String filename, String number, LocalDate date, String issuer, List<ImportRow> rows,
                      OffsetDateTime createdAt, OffsetDateTime confirmedAt, Map<String, String> tasks) {

        static ImportView of(PlanImport draft) {
            return new ImportView(draft.id(), draft.filename(), draft.number(), draft.date(), draft.issuer(),
                    draft.rows(), draft.createdAt().atZone(BUSINESS_ZONE).toOffsetDateTime(),
                    draft.confirmedAt() == null ? null : draft.confirmedAt().atZone(BUSINESS_ZONE).toOffsetDateTime(),
                    draft.tasks());
        }
    }

    /**
     * Reads an uploaded .docx, .xlsx or .tsv (multipart part {@code file}) into a draft. The file name is only shown
     * back: nothing is written to disk, so a path in it does no harm.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportView> upload(@RequestPart("file") MultipartFile file,
                                      @RequestParam(required = false) String number,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                      @RequestParam(required = false) String issuer) {
        try (var content = file.getInputStream()) {
            var draft = imports.draft(file.getOriginalFilename(), content, new PlanImports.Source(number, date, issuer));
            return ResponseEntity.created(URI.create("/api/imports/" + draft.id())).body(ImportView.of(draft));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}")
    ImportView one(@PathVariable String id) {
        return ImportView.of(imports.find(id));
    }

    /** A row as the admin corrects it; units may be codes or names; the deadline words or a day. */
    record RowCorrection(@Size(max = 4000, message = "Tên nhiệm vụ quá dài") String title,
                         @Size(max = 50, message = "Tối đa 50 đơn vị chủ trì")
                         List<@Size(max = 300, message = "Tên đơn vị quá dài") String> leadUnits,
                         @Size(max = 100, message = "Tối đa 100 đơn vị phối hợp")
                         List<@Size(max = 300, message = "Tên đơn vị quá dài") String> coordinatingUnits,
                         @Size(max = 4000, message = "Kết quả đầu ra quá dài") String expectedOutput,
                         Deadline deadline,
                         @Size(max = 1000, message = "Tên nhóm quá dài") String group) {

        record Deadline(LocalDate date, @Size(max = 1000, message = "Hạn quá dài") String text) {
        }
    }

    @PutMapping("/{id}/rows/{ref}")
    ImportRow edit(@PathVariable String id, @PathVariable String ref, @Valid @RequestBody RowCorrection correction) {
        var deadline = correction.deadline();
        return imports.edit(id, ref, new PlanImports.RowEdit(correction.title(), correction.leadUnits(),
                correction.coordinatingUnits(), correction.expectedOutput(), deadline == null ? null : deadline.date(),
                deadline == null ? null : deadline.text(), correction.group()));
    }

    /** Assigns every row as a task; refused as a whole while a row has a blocking problem. */
    @PostMapping("/{id}/confirm")
    ImportView confirm(@PathVariable String id) {
        return ImportView.of(imports.confirm(id));
    }

    @ExceptionHandler
    ProblemDetail unreadable(UnreadablePlanTable e) {
        return problem(HttpStatus.BAD_REQUEST, "Không đọc được bảng nhiệm vụ", e.getMessage(),
                "The plan table could not be read");
    }

    @ExceptionHandler
    ProblemDetail notFound(ImportNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Không tìm thấy", e.getMessage(), "No such import or row");
    }

    @ExceptionHandler
    ProblemDetail confirmed(ImportAlreadyConfirmed e) {
        return problem(HttpStatus.CONFLICT, "Bản nhập đã được xác nhận",
                "Bản nhập này đã được xác nhận và giao nhiệm vụ; hãy sửa trực tiếp từng nhiệm vụ",
                "The import was confirmed already; change the tasks themselves");
    }

    @ExceptionHandler
    ProblemDetail hasProblems(ImportHasProblems e) {
        var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Bản nhập còn dòng cần sửa",
                "Chưa giao nhiệm vụ nào: còn " + e.rows().size() + " dòng cần sửa (số thứ tự "
                        + String.join(", ", e.rows().stream().map(ImportHasProblems.RowProblem::ref).toList()) + ")",
                "Nothing was assigned: some rows have blocking problems");
        problem.setProperty("rows", e.rows());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail refused(PlannedTasks.PlannedTaskRefused e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Không giao được nhiệm vụ", e.getMessage(),
                "A row could not be assigned");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String detailEn) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("detailEn", detailEn);
        return problem;
    }
}
