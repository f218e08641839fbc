package vn.dondoc.events;

import java.util.List;

/** A unit joined the directory. Keyed by unit code on a compacted topic: the latest record is the unit. */
public record UnitRegistered(String code, String name, List<String> aliases, String parent, String supervisor,
                             List<String> emails, List<String> phones, boolean active) implements Event {

    @Override
    public String subject() {
        return code;
    }
}
