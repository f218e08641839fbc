package vn.dondoc.task.units;

/** No unit has this code. */
class UnitNotFound extends RuntimeException {

    private final String code;

    UnitNotFound(String code) {
        super("No unit with code " + code);
        this.code = code;
    }

    String code() {
        return code;
    }
}
