package vn.dondoc.task.units;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** Registers units, keeps their entries current, and tells which units a phrase of a document names. */
@Service
public class UnitDirectory {

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

    /** Takes a unit out of use: it keeps its entry (old tasks name it) but is no longer resolved or grouped. */
    Unit deactivate(UnitCode code) {
        var unit = units.find(code).orElseThrow(() -> new UnitNotFound(code.value()));
        if (unit.deactivate(clock)) {
            units.save(unit);
        }
        return unit;
    }

    /**
     * The active units a phrase names, as documents write them: codes ({@code NVY}), names and aliases
     * ({@code Phòng Nghiệp vụ Y}, {@code P. NVY}) whatever the case and diacritics, lists ({@code Phòng KHTH, Chi cục
     * DS&TE}; {@code BVĐK số 1, số 2}) and groups ({@code Các phòng/đơn vị}, {@code các phòng chức năng thuộc Sở}),
     * which expand to their active members by {@link UnitKind}. What it cannot tell for certain is reported, never
     * guessed.
     */
    public UnitResolution resolve(String phrase) {
        return new UnitIndex(units.all()).resolve(phrase);
    }

    /** {@link #resolve} for many phrases against one reading of the directory. */
    public List<UnitResolution> resolveAll(List<String> phrases) {
        var index = new UnitIndex(units.all());
        return phrases.stream().map(index::resolve).toList();
    }
}
