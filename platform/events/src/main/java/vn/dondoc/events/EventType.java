package vn.dondoc.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The logical {@code ce_type} of every event and the topic it travels on: the one place that maps them. */
public enum EventType {

    TASK_ASSIGNED("task.assigned", TaskAssigned.class, Topics.TASKS),
    TASK_UPDATED("task.updated", TaskUpdated.class, Topics.TASKS),
    TASK_ACKNOWLEDGED("task.acknowledged", TaskAcknowledged.class, Topics.TASKS),
    TASK_REPORTED("task.reported", TaskReported.class, Topics.TASKS),
    TASK_COMPLETED("task.completed", TaskCompleted.class, Topics.TASKS),
    TASK_CANCELLED("task.cancelled", TaskCancelled.class, Topics.TASKS),
    DEADLINE_EXTENDED("task.deadline-extended", DeadlineExtended.class, Topics.TASKS),
    UNIT_REGISTERED("unit.registered", UnitRegistered.class, Topics.UNITS),
    UNIT_CHANGED("unit.changed", UnitChanged.class, Topics.UNITS),
    REMINDER_DUE("reminder.due", ReminderDue.class, Topics.REMINDERS),
    REMINDERS_PLANNED("reminders.planned", RemindersPlanned.class, Topics.REMINDERS),
    NOTIFICATION_SENT("notification.sent", NotificationSent.class, Topics.NOTIFICATIONS),
    NOTIFICATION_FAILED("notification.failed", NotificationFailed.class, Topics.NOTIFICATIONS),
    NOTIFICATION_SUPPRESSED("notification.suppressed", NotificationSuppressed.class, Topics.NOTIFICATIONS),
    TASK_REOPENED("task.reopened", TaskReopened.class, Topics.TASKS),
    REPORT_REJECTED("report.rejected", ReportRejected.class, Topics.TASKS);

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::logicalName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private final String logicalName;
    private final Class<? extends Event> javaType;
    private final String topic;

    EventType(String logicalName, Class<? extends Event> javaType, String topic) {
        this.logicalName = logicalName;
        this.javaType = javaType;
        this.topic = topic;
    }

    public static Optional<EventType> named(String logicalName) {
        return Optional.ofNullable(BY_NAME.get(logicalName));
    }

    public static EventType of(Event event) {
        return BY_CLASS.get(event.getClass());
    }

    public String logicalName() {
        return logicalName;
    }

    public Class<? extends Event> javaType() {
        return javaType;
    }

    public String topic() {
        return topic;
    }
}
