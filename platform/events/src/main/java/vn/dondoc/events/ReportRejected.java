package vn.dondoc.events;

import java.time.Instant;

/**
 * An admin did not accept a lead unit's report: that unit's part is open again (back to acknowledged), and when the
 * task had been completed by that report, the task is open again too.
 */
public record ReportRejected(String taskId, String unit, String reason, Instant rejectedAt) implements Event {

    @Override
    public String subject() {
        return taskId;
    }
}
