package vn.dondoc.scheduler.reminders;

import vn.dondoc.events.UnitRole;

/** A unit of a task as the scheduler sees it: its role, and how far it has got (which reminders it still needs). */
record PlannedUnit(String code, UnitRole role, State state) {

    enum State {
        ASSIGNED, ACKNOWLEDGED, REPORTED
    }
}
