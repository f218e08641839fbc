package vn.dondoc.task.imports;

/**
 * A plan table file that cannot be read: unknown type, damaged, over the safety limits, or without the
 * expected columns. The message is Vietnamese and meant for the person who uploaded the file.
 */
class UnreadablePlanTable extends RuntimeException {

    UnreadablePlanTable(String message) {
        super(message);
    }

    UnreadablePlanTable(String message, Throwable cause) {
        super(message, cause);
    }

}
