package vn.dondoc.task.tasks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.dondoc.task.units.UnitCode;

/** A change to a task: whatever is given replaces what the task has; what is left out stays. */
record TaskChange(
        @Size(min = 1, max = 4000, message = "Tên nhiệm vụ không được để trống và không quá 4000 ký tự") String title,
        @Size(min = 1, max = 50, message = "Cần từ 1 đến 50 đơn vị chủ trì")
        List<@Pattern(regexp = UnitCode.PATTERN, message = "Mã đơn vị không hợp lệ") String> leadUnits,
        @Size(max = 100, message = "Tối đa 100 đơn vị phối hợp")
        List<@Pattern(regexp = UnitCode.PATTERN, message = "Mã đơn vị không hợp lệ") String> coordinatingUnits,
        @Size(max = 4000, message = "Kết quả đầu ra quá dài") String expectedOutput,
        @Valid DeadlineInput deadline,
        @Valid PolicyInput policy) {
}
