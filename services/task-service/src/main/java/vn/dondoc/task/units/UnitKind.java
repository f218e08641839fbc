package vn.dondoc.task.units;

import vn.dondoc.task.deadlines.VietnameseText;

/**
 * Where a unit sits in a Department of Health, which is what group phrases name: {@code các phòng} are the
 * {@link #PHONG}s, {@code các đơn vị} the affiliated units ({@link #CHI_CUC}, {@link #BAN}, {@link #DON_VI}),
 * {@code các phòng/đơn vị} all of them. The leadership ({@link #LANH_DAO}) is never part of a group.
 */
public enum UnitKind {
    /** Ban Giám đốc: the supervisor escalations go to */
    LANH_DAO,
    /** Văn phòng, Thanh tra and the phòng chuyên môn (NVY, KHTH, …) */
    PHONG,
    /** Chi cục (DS&TE, ATVSTP) */
    CHI_CUC,
    /** a Ban other than the leadership (Ban ATTP) */
    BAN,
    /** Trung tâm, Bệnh viện and other affiliated bodies */
    DON_VI,
    /** anything else: named individually only */
    KHAC;

    /** What a unit's name says it is, for entries registered without a kind. */
    static UnitKind fromName(String name) {
        String folded = VietnameseText.fold(VietnameseText.normalize(name == null ? "" : name));
        if (folded.matches("(ban giam doc|giam doc|pho giam doc|lanh dao)\\b.*")) {
            return LANH_DAO;
        }
        if (folded.matches("(phong|van phong|thanh tra)\\b.*")) {
            return PHONG;
        }
        if (folded.matches("chi cuc\\b.*")) {
            return CHI_CUC;
        }
        if (folded.matches("ban\\b.*")) {
            return BAN;
        }
        if (folded.matches("(trung tam|benh vien|bv|tram|vien|truong)\\b.*")) {
            return DON_VI;
        }
        return KHAC;
    }
}
