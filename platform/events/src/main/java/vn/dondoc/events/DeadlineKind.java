package vn.dondoc.events;

/** The kinds of deadline found in notices and plans (DESIGN §1). */
public enum DeadlineKind {
    /** an exact instant, typed by an admin */
    INSTANT,
    /** {@code trước ngày 30/6/2026} */
    DATE,
    /** {@code trong tháng 4/2024} */
    MONTH,
    /** {@code Quý IV/2025} */
    QUARTER,
    /** {@code Trong năm 2025} */
    YEAR,
    /** {@code Hàng năm} */
    RECURRING_YEARLY,
    RECURRING_QUARTERLY,
    RECURRING_MONTHLY,
    /** {@code Thường xuyên} */
    CONTINUOUS,
    /** {@code Từ năm 2026} */
    FROM_DATE,
    /** {@code Theo hướng dẫn của Trung ương}: no date until an admin sets one */
    AWAITING_TRIGGER
}
