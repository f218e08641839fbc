package vn.dondoc.task.tasks;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A deadline as an admin gives it: exactly one of a day ({@code {"date":"2026-12-01"}}), an instant with its offset
 * ({@code {"dueAt":"2026-11-24T10:05:00+07:00"}}) or the document's own words ({@code {"text":"Quý IV/2025"}}).
 */
record DeadlineInput(LocalDate date, OffsetDateTime dueAt, @Size(max = 1000, message = "Hạn quá dài") String text) {

    @AssertTrue(message = "Hạn phải có đúng một trong: date (ngày), dueAt (thời điểm) hoặc text (lời văn)")
    boolean isOneForm() {
        int given = (date == null ? 0 : 1) + (dueAt == null ? 0 : 1) + (text == null || text.isBlank() ? 0 : 1);
        return given == 1;
    }
}
