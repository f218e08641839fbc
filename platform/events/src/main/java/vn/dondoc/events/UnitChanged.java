package vn.dondoc.events;

import java.util.List;

/** A unit's directory entry changed; carries the whole new entry. */
public record UnitChanged(String code, String name, List<String> aliases, String parent, String supervisor,
                          List<String> emails, List<String> phones, boolean active) implements Event {

    @Override
    public String subject() {
        return code;
    }
}
