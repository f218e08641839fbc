package vn.dondoc.task.units;

/** A phone number that is not a Vietnamese number. */
class InvalidPhoneNumber extends RuntimeException {

    private final String typed;
    private final String field;

    InvalidPhoneNumber(String typed) {
        this(typed, null);
    }

    InvalidPhoneNumber(String typed, String field) {
        super("Not a Vietnamese phone number: " + typed);
        this.typed = typed;
        this.field = field;
    }

    String typed() {
        return typed;
    }

    /** Where in the request it was, e.g. {@code phones[1]}, or null. */
    String field() {
        return field;
    }
}
