package vn.dondoc.task.tasks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.dondoc.events.SourceDocument;
import vn.dondoc.task.units.UnitCode;

/** A task as an admin assigns it (DESIGN §4, "create a task"). */
record NewTask(
        @NotBlank(message = "Tên nhiệm vụ không được để trống") @Size(max = 4000, message = "Tên nhiệm vụ quá dài")
        String title,
        @NotEmpty(message = "Cần ít nhất một đơn vị chủ trì") @Size(max = 50, message = "Tối đa 50 đơn vị chủ trì")
        List<@NotBlank(message = "Mã đơn vị không được để trống")
             @Pattern(regexp = UnitCode.PATTERN, message = "Mã đơn vị không hợp lệ") String> leadUnits,
        @Size(max = 100, message = "Tối đa 100 đơn vị phối hợp")
        List<@NotBlank(message = "Mã đơn vị không được để trống")
             @Pattern(regexp = UnitCode.PATTERN, message = "Mã đơn vị không hợp lệ") String> coordinatingUnits,
        @Size(max = 4000, message = "Kết quả đầu ra quá dài") String expectedOutput,
        @NotNull(message = "Cần có hạn hoàn thành") @Valid DeadlineInput deadline,
        @Valid PolicyInput policy,
        SourceDocument source) {

    List<UnitCode> leads() {
        return leadUnits.stream().map(UnitCode::of).toList();
    }

    List<UnitCode> coordinating() {
        return coordinatingUnits == null ? List.of() : coordinatingUnits.stream().map(UnitCode::of).toList();
    }
}
