package vn.dondoc.task.units;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The units of the Department of Health that the sample documents name, with the abbreviations they use, loaded
 * with one call. Loading again changes nothing an admin has set: missing units are registered, existing ones only
 * gain aliases (and, when asked, example contacts if they have none).
 */
@Component
class StarterDirectory {

    static final String SUPERVISOR = "BGD";
    private static final String EXAMPLE_DOMAIN = "soyte.local";

    private record Entry(String code, String name, UnitKind kind, List<String> aliases) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("BGD", "Ban Giám đốc Sở Y tế", UnitKind.LANH_DAO,
                    List.of("Ban Giám đốc", "Lãnh đạo Sở", "Giám đốc Sở")),
            new Entry("VP", "Văn phòng Sở", UnitKind.PHONG, List.of("Văn phòng", "Văn phòng Sở Y tế")),
            new Entry("NVY", "Phòng Nghiệp vụ Y", UnitKind.PHONG, List.of("Phòng NVY", "Nghiệp vụ Y")),
            new Entry("NVD", "Phòng Nghiệp vụ Dược", UnitKind.PHONG, List.of("Phòng NVD", "Nghiệp vụ Dược")),
            new Entry("KHTH", "Phòng Kế hoạch tổng hợp", UnitKind.PHONG,
                    List.of("Phòng KHTH", "Kế hoạch tổng hợp", "Phòng Kế hoạch - Tổng hợp")),
            new Entry("KHTC", "Phòng Kế hoạch - Tài chính", UnitKind.PHONG,
                    List.of("Phòng KHTC", "Phòng Kế hoạch Tài chính")),
            new Entry("TCCB", "Phòng Tổ chức cán bộ", UnitKind.PHONG, List.of("Phòng TCCB", "Tổ chức cán bộ")),
            new Entry("TCKT", "Phòng Tài chính kế toán", UnitKind.PHONG,
                    List.of("Phòng TCKT", "Phòng Tài chính - Kế toán", "Tài chính kế toán")),
            new Entry("QLHN", "Phòng Quản lý hành nghề", UnitKind.PHONG, List.of("Phòng QLHN", "Quản lý hành nghề")),
            new Entry("BTXH", "Phòng Bảo trợ xã hội", UnitKind.PHONG, List.of("Phòng BTXH", "Bảo trợ xã hội")),
            new Entry("DS&TE", "Chi cục Dân số & Trẻ em", UnitKind.CHI_CUC,
                    List.of("Chi cục DS&TE", "Chi cục Dân số và Trẻ em", "Chi cục Dân số - Trẻ em")),
            new Entry("ATTP", "Ban An toàn thực phẩm", UnitKind.BAN, List.of("Ban ATTP")),
            new Entry("ATVSTP", "Chi cục An toàn vệ sinh thực phẩm", UnitKind.CHI_CUC,
                    List.of("Chi cục ATVSTP", "Chi cục An toàn thực phẩm")),
            new Entry("CDC", "Trung tâm Kiểm soát bệnh tật", UnitKind.DON_VI,
                    List.of("Trung tâm KSBT", "TTKSBT", "Trung tâm Kiểm soát bệnh tật tỉnh")),
            new Entry("BVDK1", "Bệnh viện Đa khoa số 1", UnitKind.DON_VI, List.of("BVĐK số 1", "BVĐK1", "BVDK số 1")),
            new Entry("BVDK2", "Bệnh viện Đa khoa số 2", UnitKind.DON_VI, List.of("BVĐK số 2", "BVĐK2", "BVDK số 2")),
            new Entry("BVYHCT", "Bệnh viện Y học cổ truyền", UnitKind.DON_VI, List.of("BV YHCT", "YHCT")),
            new Entry("BVPHCN", "Bệnh viện Phục hồi chức năng", UnitKind.DON_VI, List.of("BV PHCN", "PHCN")));

    /** What a load did, by unit code. */
    record Loaded(List<String> registered, List<String> changed, List<String> unchanged) {
    }

    private final UnitDirectory directory;
    private final Units units;

    StarterDirectory(UnitDirectory directory, Units units) {
        this.directory = directory;
        this.units = units;
    }

    Loaded load(boolean exampleContacts) {
        List<String> registered = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (int i = 0; i < ENTRIES.size(); i++) {
            var entry = ENTRIES.get(i);
            int index = i;
            var code = UnitCode.of(entry.code());
            var existing = units.find(code);
            var details = existing.map(unit -> merged(unit.details(), entry, exampleContacts, index))
                    .orElseGet(() -> fresh(entry, exampleContacts, index));
            boolean same = existing.map(unit -> unit.active() && unit.details().equals(details)).orElse(false);
            var registration = directory.register(code, details);
            (registration.registered() ? registered : same ? unchanged : changed).add(entry.code());
        }
        return new Loaded(registered, changed, unchanged);
    }

    /** The starter units as they are first registered, without contacts. */
    static List<Unit> units(java.time.Clock clock) {
        List<Unit> all = new ArrayList<>();
        for (int i = 0; i < ENTRIES.size(); i++) {
            all.add(Unit.register(UnitCode.of(ENTRIES.get(i).code()), fresh(ENTRIES.get(i), false, i), clock));
        }
        return all;
    }

    private static UnitDetails fresh(Entry entry, boolean exampleContacts, int index) {
        return new UnitDetails(entry.name(), entry.aliases(), null, supervisor(entry),
                exampleContacts ? List.of(exampleEmail(entry.code())) : List.of(),
                exampleContacts ? List.of(examplePhone(index)) : List.of(), entry.kind());
    }

    private static UnitDetails merged(UnitDetails current, Entry entry, boolean exampleContacts, int index) {
        var aliases = new LinkedHashSet<>(current.aliases());
        aliases.addAll(entry.aliases());
        boolean fill = exampleContacts && current.emails().isEmpty() && current.phones().isEmpty();
        return new UnitDetails(current.name(), List.copyOf(aliases), current.parent(),
                current.supervisor() == null ? supervisor(entry) : current.supervisor(),
                fill ? List.of(exampleEmail(entry.code())) : current.emails(),
                fill ? List.of(examplePhone(index)) : current.phones(), current.kind());
    }

    private static String supervisor(Entry entry) {
        return entry.code().equals(SUPERVISOR) ? null : SUPERVISOR;
    }

    static String exampleEmail(String code) {
        return code.toLowerCase(Locale.ROOT) + "@" + EXAMPLE_DOMAIN;
    }

    /** Mobile numbers of a range no subscriber has ({@code 0900 000 0xx}). */
    private static String examplePhone(int index) {
        return "+849000000" + String.format("%02d", index + 1);
    }
}
