package vn.dondoc.task;

import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for every API error, in Vietnamese for the people who read them, with the English in
 * {@code detailEn} / {@code messageEn} for developers. Features answer their own domain errors; this handles what
 * is common to all: invalid and unreadable requests, and concurrent changes.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    /** English for the constraints we use; the Vietnamese is each constraint's own message. */
    private static final Map<String, String> ENGLISH = Map.of(
            "NotBlank", "must not be blank",
            "NotEmpty", "must not be empty",
            "NotNull", "must be given",
            "Email", "must be a well-formed email address",
            "Pattern", "has an invalid format",
            "Size", "is too long or too short",
            "AssertTrue", "is inconsistent",
            "DurationMin", "is too short");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Dữ liệu gửi lên không hợp lệ");
        problem.setTitle("Dữ liệu không hợp lệ");
        problem.setProperty("detailEn", "The request is invalid");
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ApiProblems::describe)
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static Map<String, String> describe(FieldError error) {
        return Map.of("field", error.getField(),
                "message", String.valueOf(error.getDefaultMessage()),
                "messageEn", ENGLISH.getOrDefault(error.getCode(), "is invalid"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Không đọc được nội dung yêu cầu: JSON sai cú pháp hoặc có giá trị sai định dạng "
                        + "(ngày yyyy-MM-dd, thời điểm ISO-8601 có múi giờ, khoảng thời gian ISO-8601 như PT30S)");
        problem.setTitle("Dữ liệu không đọc được");
        problem.setProperty("detailEn", "Unreadable request body: " + e.getMostSpecificCause().getMessage());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, DuplicateKeyException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Dữ liệu vừa được thay đổi bởi một yêu cầu khác; hãy thử lại");
        problem.setTitle("Thay đổi đồng thời");
        problem.setProperty("detailEn", "Changed concurrently; try again");
        return problem;
    }
}
