package vn.dondoc.task.tasks;

import java.time.Instant;
import vn.dondoc.events.UnitRole;

/** One unit's part in a task and how far it has got. */
record UnitAssignment(String code, UnitRole role, UnitState state, Instant acknowledgedAt, Instant reportedAt) {

    static UnitAssignment assigned(String code, UnitRole role) {
        return new UnitAssignment(code, role, UnitState.ASSIGNED, null, null);
    }

    UnitAssignment acknowledged(Instant at) {
        return new UnitAssignment(code, role, UnitState.ACKNOWLEDGED, at, reportedAt);
    }

    UnitAssignment reported(Instant at) {
        return new UnitAssignment(code, role, UnitState.REPORTED, acknowledgedAt == null ? at : acknowledgedAt, at);
    }

    boolean isLead() {
        return role == UnitRole.LEAD;
    }
}
