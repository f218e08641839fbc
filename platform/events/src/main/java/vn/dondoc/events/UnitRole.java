package vn.dondoc.events;

/** A unit's part in a task: the lead unit (chủ trì) answers for it; coordinating units (phối hợp) are informed. */
public enum UnitRole {
    LEAD, COORDINATING
}
