package vn.dondoc.task.tasks;

/** The unit has no part in the task, or not the part that allows what it tried. */
class UnitNotOnTask extends RuntimeException {

    UnitNotOnTask(TaskId id, String unit, String why) {
        super("Unit " + unit + " cannot do this on task " + id + ": " + why);
    }
}
