package vn.dondoc.task.units;

import java.util.List;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * Everything the directory says about a unit besides its code, normalised (E.164 phones, upper-case codes).
 * {@code kind} is what group phrases expand by; entries stored before it existed read it from the name.
 */
record UnitDetails(String name, List<String> aliases, String parent, String supervisor, List<String> emails,
                   List<String> phones, UnitKind kind) {

    @PersistenceCreator
    UnitDetails {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        kind = kind == null ? UnitKind.fromName(name) : kind;
    }

    UnitDetails(String name, List<String> aliases, String parent, String supervisor, List<String> emails,
                List<String> phones) {
        this(name, aliases, parent, supervisor, emails, phones, null);
    }
}
