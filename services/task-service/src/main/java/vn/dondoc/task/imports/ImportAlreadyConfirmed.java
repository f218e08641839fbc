package vn.dondoc.task.imports;

/** The import was confirmed already: its rows are tasks now and change only as tasks. */
class ImportAlreadyConfirmed extends RuntimeException {

    ImportAlreadyConfirmed(String id) {
        super("Import " + id + " is confirmed already");
    }
}
