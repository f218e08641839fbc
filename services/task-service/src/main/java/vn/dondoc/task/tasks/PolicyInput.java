package vn.dondoc.task.tasks;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import vn.dondoc.events.ReminderPolicy;

/** A task's own reminder policy, ISO-8601 durations; whatever is left out is the scheduler's default. */
record PolicyInput(
        @Size(max = 20, message = "Tối đa 20 mốc nhắc trước hạn")
        List<@NotNull(message = "Khoảng thời gian không được để trống")
             @DurationMin(message = "Khoảng thời gian không được âm") Duration> remindBefore,
        @DurationMin(nanos = 1, message = "Chu kỳ nhắc khi quá hạn phải dương") Duration repeatOverdueEvery,
        @DurationMin(nanos = 1, message = "Thời hạn xác nhận phải dương") Duration ackWithin,
        @DurationMin(message = "Thời gian trước khi báo cấp trên không được âm") Duration escalateAfter,
        Boolean workingHoursOnly) {

    ReminderPolicy toPolicy() {
        return new ReminderPolicy(remindBefore == null ? null : List.copyOf(remindBefore), repeatOverdueEvery, ackWithin,
                escalateAfter, workingHoursOnly);
    }
}
