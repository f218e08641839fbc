package vn.dondoc.task.tasks;

/** How a unit's answer reached us, kept with the event so admins can see who did it. */
record Origin(String channel, String remoteAddress, String userAgent) {

    static Origin api() {
        return new Origin("api", null, null);
    }
}
