package vn.dondoc.task.tasks;

/** Only a cancelled or completed task can be reopened. */
class TaskNotClosed extends RuntimeException {

    private final TaskId id;
    private final TaskStatus status;

    TaskNotClosed(TaskId id, TaskStatus status) {
        super("Task " + id + " is open (" + status + ")");
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
