package vn.dondoc.task.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitResolutionTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T02:00:00Z"), ZoneOffset.UTC);
    private static final List<String> PHONGS = List.of("BTXH", "KHTC", "KHTH", "NVD", "NVY", "QLHN", "TCCB", "TCKT", "VP");
    private static final List<String> DON_VIS = List.of("ATTP", "ATVSTP", "BVDK1", "BVDK2", "BVPHCN", "BVYHCT", "CDC", "DS&TE");

    private final UnitIndex starter = new UnitIndex(StarterDirectory.units(CLOCK));

    @ParameterizedTest
    @ValueSource(strings = {"NVY", "nvy", "Phòng NVY", "phòng nvy", "Phòng Nghiệp vụ Y", "PHONG NGHIEP VU Y",
            "P. NVY", "P.NVY", "Nghiệp vụ Y", "nghiep vu y", "  Phòng  Nghiệp vụ Y. "})
    void resolvesEveryWayDocumentsNameAUnit(String phrase) {
        assertThat(starter.resolve(phrase)).isEqualTo(new UnitResolution(List.of("NVY"), List.of(), List.of()));
    }

    @Test
    void resolvesTheListsOfThePlanTable() {
        assertThat(starter.resolve("Phòng KHTH, Chi cục DS&TE").codes()).containsExactly("KHTH", "DS&TE");
        assertThat(starter.resolve("Chi cục Dân số & Trẻ em").codes()).containsExactly("DS&TE");
        assertThat(starter.resolve("Ban ATTP").codes()).containsExactly("ATTP");
        assertThat(starter.resolve("Trung tâm Kiểm soát bệnh tật tỉnh").codes()).containsExactly("CDC");
        assertThat(starter.resolve("BVĐK số 1, số 2, các phòng").codes())
                .startsWith("BVDK1", "BVDK2").containsAll(PHONGS).hasSize(2 + PHONGS.size());
        assertThat(starter.resolve("BV YHCT, BV PHCN, các phòng").codes())
                .startsWith("BVYHCT", "BVPHCN").containsAll(PHONGS);
        assertThat(starter.resolve("Văn Phòng, các phòng, chi cục").codes())
                .startsWith("VP").containsAll(PHONGS).contains("DS&TE", "ATVSTP").doesNotContain("BGD", "CDC");
        assertThat(starter.resolve("Các đơn vị, phòng KHTH").codes())
                .containsAll(DON_VIS).endsWith("KHTH").doesNotContainAnyElementsOf(List.of("NVY", "BGD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Các phòng/đơn vị", "các phòng/đơn vị", "Các phòng, đơn vị", "CAC PHONG/DON VI"})
    void expandsAllDepartmentsAndUnitsButNotTheLeadership(String phrase) {
        var resolution = starter.resolve(phrase);

        assertThat(resolution.codes()).containsExactlyInAnyOrderElementsOf(union(PHONGS, DON_VIS));
        assertThat(resolution.complete()).isTrue();
    }

    @Test
    void expandsGroupsByKind() {
        assertThat(starter.resolve("Các phòng").codes()).containsExactlyInAnyOrderElementsOf(PHONGS);
        assertThat(starter.resolve("các phòng chức năng thuộc Sở").codes()).containsExactlyInAnyOrderElementsOf(PHONGS);
        assertThat(starter.resolve("Các đơn vị").codes()).containsExactlyInAnyOrderElementsOf(DON_VIS);
        assertThat(starter.resolve("các bệnh viện").codes()).containsExactly("BVDK1", "BVDK2", "BVPHCN", "BVYHCT");
        assertThat(starter.resolve("Phòng NVY, Các đơn vị").codes()).startsWith("NVY").hasSize(1 + DON_VIS.size());
    }

    @Test
    void reportsWhatItCannotResolve() {
        var resolution = starter.resolve("Phòng NVY, Sở Tài chính, Phòng XYZ");

        assertThat(resolution.codes()).containsExactly("NVY");
        assertThat(resolution.unresolved()).containsExactly("Sở Tài chính", "Phòng XYZ");
        assertThat(resolution.complete()).isFalse();
        assertThat(starter.resolve("").codes()).isEmpty();
        assertThat(starter.resolve(null).complete()).isTrue();
    }

    @Test
    void reportsAmbiguousNamesInsteadOfGuessing() {
        List<Unit> units = new ArrayList<>(StarterDirectory.units(CLOCK));
        units.add(unit("PYT", "Phòng Y tế"));
        units.add(unit("TTYT", "Trung tâm Y tế"));
        units.add(unit("DB1", "Phòng Đảm bảo"));
        units.add(unit("DB2", "Phòng Dam bao"));
        var index = new UnitIndex(units);

        assertThat(index.resolve("Y tế").ambiguous()).containsExactly("Y tế");
        assertThat(index.resolve("Y tế").codes()).isEmpty();
        assertThat(index.resolve("Trung tâm Y tế").codes()).containsExactly("TTYT");
        assertThat(index.resolve("phòng y tế").codes()).containsExactly("PYT");
        assertThat(index.resolve("Phòng Đảm bảo").codes()).as("as written wins").containsExactly("DB1");
        assertThat(index.resolve("PHÒNG DAM BAO").codes()).as("as written wins").containsExactly("DB2");
        assertThat(index.resolve("phong dam bao").ambiguous()).containsExactly("phong dam bao");
    }

    @Test
    void leavesInactiveUnitsOut() {
        List<Unit> units = new ArrayList<>(StarterDirectory.units(CLOCK));
        units.stream().filter(u -> u.id().equals("BTXH")).findFirst().orElseThrow().deactivate(CLOCK);
        var index = new UnitIndex(units);

        assertThat(index.resolve("Phòng BTXH").unresolved()).containsExactly("Phòng BTXH");
        assertThat(index.resolve("Các phòng").codes()).doesNotContain("BTXH");
    }

    @Test
    void infersTheKindFromTheNameWhenNoneIsGiven() {
        assertThat(UnitKind.fromName("Phòng Kế hoạch")).isEqualTo(UnitKind.PHONG);
        assertThat(UnitKind.fromName("Văn phòng Sở")).isEqualTo(UnitKind.PHONG);
        assertThat(UnitKind.fromName("Chi cục Dân số")).isEqualTo(UnitKind.CHI_CUC);
        assertThat(UnitKind.fromName("Ban Giám đốc")).isEqualTo(UnitKind.LANH_DAO);
        assertThat(UnitKind.fromName("Ban An toàn thực phẩm")).isEqualTo(UnitKind.BAN);
        assertThat(UnitKind.fromName("Bệnh viện Bãi Cháy")).isEqualTo(UnitKind.DON_VI);
        assertThat(UnitKind.fromName("Sở Tài chính")).isEqualTo(UnitKind.KHAC);
    }

    private static Unit unit(String code, String name) {
        return Unit.register(UnitCode.of(code), new UnitDetails(name, List.of(), null, null, List.of(), List.of()), CLOCK);
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
