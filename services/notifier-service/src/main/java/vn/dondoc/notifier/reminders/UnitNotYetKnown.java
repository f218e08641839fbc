package vn.dondoc.notifier.reminders;

/**
 * A reminder names a unit the directory has not told us about yet. The directory and the reminders travel on
 * different topics, so the unit may simply be a little behind: the record is retried (see
 * {@link ListenerRetries}).
 */
class UnitNotYetKnown extends RuntimeException {

    UnitNotYetKnown(String code) {
        super("Unit " + code + " is not (yet) in the directory");
    }
}
