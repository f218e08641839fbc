package vn.dondoc.task.units;

import java.time.Clock;
import org.springframework.stereotype.Service;

/** Registers units and keeps their entries current. */
@Service
class UnitDirectory {

    private final Units units;
    private final Clock clock;

    UnitDirectory(Units units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    /** A unit after a registration: {@code registered} is false when an existing entry was changed instead. */
    record Registration(Unit unit, boolean registered) {
    }

    /** Registers a new unit, or replaces the entry of an existing one: posting a unit twice is harmless. */
    Registration register(UnitCode code, UnitDetails details) {
        return units.find(code)
                .map(unit -> {
                    if (unit.change(details, clock)) {
                        units.save(unit);
                    }
                    return new Registration(unit, false);
                })
                .orElseGet(() -> {
                    var unit = Unit.register(code, details, clock);
                    units.save(unit);
                    return new Registration(unit, true);
                });
    }
}
