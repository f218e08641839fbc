package vn.dondoc.events;

/** Topic names of DESIGN §2. Keys are task ids, except on {@link #UNITS} where they are unit codes. */
public final class Topics {

    public static final String TASKS = "tasks.events";
    public static final String UNITS = "units.directory";
    public static final String REMINDERS = "reminders.due";
    public static final String NOTIFICATIONS = "notifications.events";
    /** Records no consumer could process, with the original topic in the {@code kafka_dlt-*} headers. */
    public static final String DEAD_LETTERS = "dead-letters";

    public static final java.util.List<String> ALL = java.util.List.of(TASKS, UNITS, REMINDERS, NOTIFICATIONS, DEAD_LETTERS);

    private Topics() {
    }
}
