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
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

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
        if (causeOf(e, JsonBodyLimit.BodyTooLarge.class) instanceof JsonBodyLimit.BodyTooLarge tooLarge) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "Nội dung yêu cầu quá lớn (tối đa " + tooLarge.limit() / 1024 + " KB)");
            problem.setTitle("Yêu cầu quá lớn");
            problem.setProperty("detailEn", tooLarge.getMessage());
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable(e));
        problem.setTitle("Dữ liệu không đọc được");
        problem.setProperty("detailEn", unreadableEn(e));
        if (causeOf(e, DatabindException.class) instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            problem.setProperty("field", field(databind));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** What was wrong with the body, in words an office user's developer can act on; no class names. */
    private static String unreadable(HttpMessageNotReadableException e) {
        Throwable cause = causeOf(e, DatabindException.class);
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Trường \"" + field(unknown) + "\" không có trong mô tả API; hãy bỏ trường này";
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return "Trường \"" + field(databind) + "\" có giá trị sai kiểu hoặc sai định dạng (văn bản, danh sách, "
                    + "ngày yyyy-MM-dd, thời điểm ISO-8601 có múi giờ, khoảng thời gian ISO-8601 như PT30S)";
        }
        if (cause != null) {
            return "Nội dung JSON sai kiểu: yêu cầu cần một đối tượng JSON với các trường trong mô tả API";
        }
        return "Không đọc được nội dung yêu cầu: JSON sai cú pháp hoặc trống";
    }

    private static String unreadableEn(HttpMessageNotReadableException e) {
        Throwable cause = causeOf(e, DatabindException.class);
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field \"" + field(unknown) + "\"";
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return "Field \"" + field(databind) + "\" has a value of the wrong type or format";
        }
        if (cause != null) {
            return "The body is not the JSON object this request takes";
        }
        return "Unreadable request body: malformed or empty JSON";
    }

    /** The field's path as the API's field errors name it: {@code deadline.dueAt}, {@code leadUnits[0]}. */
    private static String field(DatabindException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Throwable causeOf(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
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
