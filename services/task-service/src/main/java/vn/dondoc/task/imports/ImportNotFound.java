package vn.dondoc.task.imports;

/** No import has this id, or it has no row with this number. */
class ImportNotFound extends RuntimeException {

    ImportNotFound(String what) {
        super(what);
    }
}
