package vn.dondoc.task.tasks;

/** No task has this id. */
class TaskNotFound extends RuntimeException {

    private final String id;

    TaskNotFound(String id) {
        super("No task " + id);
        this.id = id;
    }

    String id() {
        return id;
    }
}
