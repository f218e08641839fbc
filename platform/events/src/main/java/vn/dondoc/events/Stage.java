package vn.dondoc.events;

/** Which reminder of a task's life a {@link ReminderDue} is. */
public enum Stage {
    /** the assignment notice */
    ASSIGNMENT,
    /** the assignment sent again because the unit has not acknowledged it */
    ACK_RESEND,
    /** one of the policy's {@code remindBefore} offsets */
    BEFORE_DUE,
    /** the due day (or due instant) */
    DUE,
    /** overdue, repeated every {@code repeatOverdueEvery} */
    OVERDUE,
    /** overdue beyond {@code escalateAfter}: the supervisor is told */
    ESCALATION,
    /** informational notice to a coordinating unit */
    INFORMATION,
    /** periodic progress reminder of a continuous task */
    PROGRESS
}
