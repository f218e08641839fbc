package vn.dondoc.events;

import java.time.Duration;

/**
 * Deterministic reminder ids: the same (task, unit, stage, cycle) always yields the same id, so a replayed or
 * re-planned reminder is recognised by every consumer and never notifies twice.
 */
public final class ReminderId {

    private ReminderId() {
    }

    /**
     * @param step distinguishes reminders of one stage within a cycle: the offset for {@link Stage#BEFORE_DUE},
     *             the repetition number for overdue or re-send stages, null otherwise
     */
    public static String of(String taskId, String unit, Stage stage, int cycle, Object step) {
        var id = taskId + "/" + unit + "/" + stage.name().toLowerCase() + "/" + cycle;
        return step == null ? id : id + "/" + (step instanceof Duration d ? d.toString() : step.toString());
    }
}
