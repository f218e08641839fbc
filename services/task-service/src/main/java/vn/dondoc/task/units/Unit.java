package vn.dondoc.task.units;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.dondoc.events.UnitChanged;
import vn.dondoc.events.UnitRegistered;
import vn.dondoc.task.outbox.Aggregate;

/** A unit of the directory. Registering and changing it publish the whole entry, keyed by code. */
@Document("units")
class Unit extends Aggregate {

    @Id
    private final String code;
    private UnitDetails details;
    private boolean active;
    private final Instant registeredAt;
    private Instant changedAt;

    @PersistenceCreator
    private Unit(String code, UnitDetails details, boolean active, Instant registeredAt, Instant changedAt) {
        this.code = code;
        this.details = details;
        this.active = active;
        this.registeredAt = registeredAt;
        this.changedAt = changedAt;
    }

    static Unit register(UnitCode code, UnitDetails details, Clock clock) {
        Instant now = now(clock);
        var unit = new Unit(code.value(), details, true, now, now);
        unit.record(new UnitRegistered(unit.code, details.name(), details.aliases(), details.parent(),
                details.supervisor(), details.emails(), details.phones(), true));
        return unit;
    }

    /**
     * Replaces the entry. Posting the same entry again changes nothing and tells nobody.
     *
     * @return whether anything changed
     */
    boolean change(UnitDetails newDetails, Clock clock) {
        if (newDetails.equals(details) && active) {
            return false;
        }
        details = newDetails;
        active = true;
        changedAt = now(clock);
        record(new UnitChanged(code, details.name(), details.aliases(), details.parent(), details.supervisor(),
                details.emails(), details.phones(), true));
        return true;
    }

    /**
     * Takes the unit out of use; registering it again brings it back.
     *
     * @return whether anything changed
     */
    boolean deactivate(Clock clock) {
        if (!active) {
            return false;
        }
        active = false;
        changedAt = now(clock);
        record(new UnitChanged(code, details.name(), details.aliases(), details.parent(), details.supervisor(),
                details.emails(), details.phones(), false));
        return true;
    }

    /** MongoDB keeps milliseconds: the events say exactly what is stored. */
    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public String id() {
        return code;
    }

    UnitCode code() {
        return new UnitCode(code);
    }

    UnitDetails details() {
        return details;
    }

    boolean active() {
        return active;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    Instant changedAt() {
        return changedAt;
    }
}
