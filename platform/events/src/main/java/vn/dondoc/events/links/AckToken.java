package vn.dondoc.events.links;

import java.time.Instant;
import java.util.Objects;

/**
 * What a signed acknowledgement link lets its holder do: answer for one unit on one task.
 *
 * @param cycle     the task's assignment cycle the link was issued in (a re-assignment starts a new one)
 * @param expiresAt when the link stops working; carried to the minute
 */
public record AckToken(String taskId, String unit, Purpose purpose, int cycle, Instant expiresAt) {

    /** What the link's page offers; both lead to {@code /ack/{token}}. */
    public enum Purpose {
        /** "Xác nhận đã nhận nhiệm vụ" */
        ACK,
        /** "Báo cáo hoàn thành" */
        REPORT
    }

    public AckToken {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (cycle < 0) {
            throw new IllegalArgumentException("cycle must not be negative: " + cycle);
        }
    }
}
