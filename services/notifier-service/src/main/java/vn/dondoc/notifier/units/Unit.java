package vn.dondoc.notifier.units;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.dondoc.events.Channel;
import vn.dondoc.events.UnitChanged;
import vn.dondoc.events.UnitRegistered;

/** A unit as the latest directory record describes it. */
@Document("units")
public record Unit(@Id String code, String name, List<String> emails, List<String> phones, String supervisor,
                   boolean active) {

    public Unit {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
    }

    static Unit from(UnitRegistered registered) {
        return new Unit(registered.code(), registered.name(), registered.emails(), registered.phones(),
                registered.supervisor(), registered.active());
    }

    static Unit from(UnitChanged changed) {
        return new Unit(changed.code(), changed.name(), changed.emails(), changed.phones(), changed.supervisor(),
                changed.active());
    }

    /** Where this unit can be reached on a channel; empty when it has no contact there. */
    public List<String> addressesOn(Channel channel) {
        return switch (channel) {
            case EMAIL -> emails;
            case SMS -> phones;
        };
    }

    /** How users know the unit, e.g. {@code Phòng Nghiệp vụ Y (NVY)}. */
    public String displayName() {
        return name == null || name.isBlank() ? code : name + " (" + code + ")";
    }
}
