package vn.dondoc.task.tasks;

import java.util.List;

/** A task names units the directory does not know. */
class UnknownUnits extends RuntimeException {

    private final List<String> codes;

    UnknownUnits(List<String> codes) {
        super("Unknown units: " + String.join(", ", codes));
        this.codes = List.copyOf(codes);
    }

    List<String> codes() {
        return codes;
    }
}
