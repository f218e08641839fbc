package vn.dondoc.task.tasks;

/** The task is cancelled or completed: it no longer changes. */
class TaskClosed extends RuntimeException {

    private final TaskId id;
    private final TaskStatus status;

    TaskClosed(TaskId id, TaskStatus status) {
        super("Task " + id + " is closed (" + status + ")");
        this.id = id;
        this.status = status;
    }

    TaskId id() {
        return id;
    }

    TaskStatus status() {
        return status;
    }
}
