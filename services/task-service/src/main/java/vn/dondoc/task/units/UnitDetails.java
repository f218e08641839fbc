package vn.dondoc.task.units;

import java.util.List;

/** Everything the directory says about a unit besides its code, normalised (E.164 phones, upper-case codes). */
record UnitDetails(String name, List<String> aliases, String parent, String supervisor, List<String> emails,
                   List<String> phones) {

    UnitDetails {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
    }
}
