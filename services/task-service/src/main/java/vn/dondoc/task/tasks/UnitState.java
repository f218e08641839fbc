package vn.dondoc.task.tasks;

import java.util.Set;

/**
 * Where one unit stands with its task, and the only transitions allowed between those states. Going "back" or
 * repeating a step is not an error: acknowledging twice is harmless (DESIGN §2), it just changes nothing.
 */
enum UnitState {
    ASSIGNED, ACKNOWLEDGED, REPORTED;

    boolean mayBecome(UnitState next) {
        return switch (this) {
            case ASSIGNED -> Set.of(ACKNOWLEDGED, REPORTED).contains(next);
            case ACKNOWLEDGED -> next == REPORTED;
            case REPORTED -> false;
        };
    }
}
