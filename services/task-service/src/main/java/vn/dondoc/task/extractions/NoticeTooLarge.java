package vn.dondoc.task.extractions;

/** The notice is longer than any real notice: refused before it is read any further. */
class NoticeTooLarge extends RuntimeException {

    private final String detail;

    NoticeTooLarge(String detail, String detailEn) {
        super(detailEn);
        this.detail = detail;
    }

    static NoticeTooLarge text() {
        return new NoticeTooLarge("Văn bản quá dài (tối đa " + NoticeFile.MAX_TEXT_BYTES / (1024 * 1024) + " MB)",
                "The notice is longer than " + NoticeFile.MAX_TEXT_BYTES + " bytes");
    }

    /** Why, in Vietnamese. */
    String detail() {
        return detail;
    }
}
