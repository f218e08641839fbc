package vn.dondoc.events;

/**
 * A fact one service tells the others. Implementations are immutable records named in the past tense;
 * they change only additively, because old records stay in the topics.
 */
public sealed interface Event permits TaskAssigned, TaskUpdated, TaskAcknowledged, TaskReported, TaskCompleted,
        TaskCancelled, DeadlineExtended, UnitRegistered, UnitChanged, ReminderDue, RemindersPlanned,
        NotificationSent, NotificationFailed, NotificationSuppressed, TaskReopened, ReportRejected {

    /** The CloudEvents subject: the task id, or the unit code for directory events. */
    String subject();
}
