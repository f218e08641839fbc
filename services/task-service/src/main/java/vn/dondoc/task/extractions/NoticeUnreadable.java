package vn.dondoc.task.extractions;

/** What was sent is not a notice that can be read: empty, not text, a broken or unsupported file. */
class NoticeUnreadable extends RuntimeException {

    private final String detail;

    NoticeUnreadable(String detail, String detailEn) {
        super(detailEn);
        this.detail = detail;
    }

    NoticeUnreadable(String detail, String detailEn, Throwable cause) {
        super(detailEn, cause);
        this.detail = detail;
    }

    /** Why, in Vietnamese. */
    String detail() {
        return detail;
    }
}
