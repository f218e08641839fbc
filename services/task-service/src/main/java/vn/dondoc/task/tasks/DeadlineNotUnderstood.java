package vn.dondoc.task.tasks;

/** The deadline's words could not be turned into a deadline. */
class DeadlineNotUnderstood extends RuntimeException {

    private final String text;
    private final String reason;

    DeadlineNotUnderstood(String text, String reason) {
        super("Deadline not understood: " + text + " (" + reason + ")");
        this.text = text;
        this.reason = reason;
    }

    String text() {
        return text;
    }

    /** Why, in Vietnamese. */
    String reason() {
        return reason;
    }
}
