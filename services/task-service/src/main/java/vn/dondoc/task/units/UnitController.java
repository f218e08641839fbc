package vn.dondoc.task.units;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The unit directory API. */
@RestController
@RequestMapping("/api/units")
class UnitController {

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final UnitDirectory directory;
    private final Units units;

    private final StarterDirectory starter;

    UnitController(UnitDirectory directory, Units units, StarterDirectory starter) {
        this.directory = directory;
        this.units = units;
        this.starter = starter;
    }

    /** A unit as an admin types it. */
    record UnitDescription(
            @NotBlank(message = "Mã đơn vị không được để trống")
            @Pattern(regexp = UnitCode.PATTERN, message = "Mã đơn vị chỉ gồm chữ, số, '&' và '-' (tối đa 32 ký tự)")
            String code,
            @NotBlank(message = "Tên đơn vị không được để trống") @Size(max = 300, message = "Tên đơn vị quá dài")
            String name,
            @Size(max = 20, message = "Tối đa 20 địa chỉ email")
            List<@NotBlank(message = "Địa chỉ email không được để trống")
                 @Email(message = "Địa chỉ email không hợp lệ") String> emails,
            @Size(max = 20, message = "Tối đa 20 số điện thoại")
            List<@NotBlank(message = "Số điện thoại không được để trống") String> phones,
            @Pattern(regexp = UnitCode.PATTERN, message = "Mã đơn vị cấp trên không hợp lệ") String supervisor,
            @Size(max = 50, message = "Tối đa 50 tên gọi khác")
            List<@NotBlank(message = "Tên gọi khác không được để trống") @Size(max = 300, message = "Tên gọi khác quá dài")
                 String> aliases,
            @Pattern(regexp = UnitCode.PATTERN, message = "Mã đơn vị chủ quản không hợp lệ") String parent,
            UnitKind kind) {

        UnitDetails details() {
            List<String> normalisedPhones = new ArrayList<>();
            for (int i = 0; phones != null && i < phones.size(); i++) {
                try {
                    normalisedPhones.add(PhoneNumber.parse(phones.get(i)).e164());
                } catch (InvalidPhoneNumber e) {
                    throw new InvalidPhoneNumber(e.typed(), "phones[" + i + "]");
                }
            }
            return new UnitDetails(name.strip(), aliases == null ? List.of() : aliases.stream().map(String::strip).toList(),
                    upper(parent), upper(supervisor), emails == null ? List.of() : emails.stream().map(String::strip).toList(),
                    normalisedPhones, kind);
        }

        private static String upper(String code) {
            return code == null || code.isBlank() ? null : UnitCode.of(code).value();
        }
    }

    record UnitView(String code, String name, UnitKind kind, List<String> aliases, String parent, String supervisor,
                    List<String> emails, List<String> phones, boolean active, OffsetDateTime registeredAt,
                    OffsetDateTime changedAt) {

        static UnitView of(Unit unit) {
            var details = unit.details();
            return new UnitView(unit.id(), details.name(), details.kind(), details.aliases(), details.parent(),
                    details.supervisor(), details.emails(), details.phones(), unit.active(), local(unit.registeredAt()),
                    local(unit.changedAt()));
        }

        private static OffsetDateTime local(Instant instant) {
            return instant == null ? null : instant.atZone(BUSINESS_ZONE).toOffsetDateTime();
        }
    }

    /** Registers a unit (201), or updates it when the code exists (200). */
    @PostMapping
    ResponseEntity<UnitView> register(@Valid @RequestBody UnitDescription description) {
        return answer(UnitCode.of(description.code()), description);
    }

    /** Registers or updates the unit named in the path; a code in the body, if any, must agree. */
    @PutMapping("/{code}")
    ResponseEntity<UnitView> put(@PathVariable String code, @Valid @RequestBody UnitDescription description) {
        if (!UnitCode.isValid(code) || !UnitCode.of(code).equals(UnitCode.of(description.code()))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Mã đơn vị trong đường dẫn và trong nội dung khác nhau");
        }
        return answer(UnitCode.of(code), description);
    }

    private ResponseEntity<UnitView> answer(UnitCode code, UnitDescription description) {
        var registration = directory.register(code, description.details());
        var view = UnitView.of(registration.unit());
        return registration.registered()
                ? ResponseEntity.created(URI.create("/api/units/" + view.code())).body(view)
                : ResponseEntity.ok(view);
    }

    /**
     * Loads the starter directory of the Department of Health (idempotent); {@code exampleContacts} gives units
     * without contacts an example address {@code <code>@soyte.local} and a phone number, for the local stack.
     */
    @PostMapping("/starter")
    StarterDirectory.Loaded starter(@RequestParam(defaultValue = "false") boolean exampleContacts) {
        return starter.load(exampleContacts);
    }

    /** Which units a phrase of a document names ({@code Phòng KHTH, Chi cục DS&TE}; {@code Các phòng/đơn vị}). */
    @GetMapping("/resolve")
    UnitResolution resolve(@RequestParam String phrase) {
        return directory.resolve(phrase);
    }

    /** Takes a unit out of use (it is kept for the tasks that name it); registering it again brings it back. */
    @DeleteMapping("/{code}")
    UnitView deactivate(@PathVariable String code) {
        if (!UnitCode.isValid(code)) {
            throw new UnitNotFound(code);
        }
        return UnitView.of(directory.deactivate(UnitCode.of(code)));
    }

    @GetMapping
    List<UnitView> all() {
        return units.all().stream().map(UnitView::of).toList();
    }

    @GetMapping("/{code}")
    UnitView one(@PathVariable String code) {
        return (UnitCode.isValid(code) ? units.find(UnitCode.of(code)) : java.util.Optional.<Unit>empty())
                .map(UnitView::of)
                .orElseThrow(() -> new UnitNotFound(code));
    }

    @ExceptionHandler
    ProblemDetail unitNotFound(UnitNotFound e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Không có đơn vị mã " + e.code());
        problem.setTitle("Không tìm thấy đơn vị");
        problem.setProperty("detailEn", "No unit with code " + e.code());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidPhoneNumber(InvalidPhoneNumber e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Số điện thoại không hợp lệ: " + e.typed());
        problem.setTitle("Dữ liệu không hợp lệ");
        problem.setProperty("detailEn", "Not a Vietnamese phone number: " + e.typed());
        problem.setProperty("errors", List.of(Map.of("field", e.field() == null ? "phones" : e.field(),
                "message", "Số điện thoại không hợp lệ (ví dụ 0912345678 hoặc +84912345678)",
                "messageEn", "not a Vietnamese phone number")));
        return problem;
    }
}
