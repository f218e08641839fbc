package vn.dondoc.notifier.reminders;

import java.util.Map;
import vn.dondoc.events.ReminderDue;

/**
 * One reminder on its way to one address: everything a courier needs to write it.
 *
 * @param recipientName the display name of the unit written to
 * @param unitNames     display names of the task's units by code (unknown codes are absent)
 * @param attempt       1 for the first try; a higher number when a previous try was interrupted or failed
 */
public record Dispatch(ReminderDue reminder, String address, String recipientName, Map<String, String> unitNames,
                       int attempt) {

    public Dispatch {
        unitNames = Map.copyOf(unitNames);
    }

    Dispatch attempt(int number) {
        return new Dispatch(reminder, address, recipientName, unitNames, number);
    }

    public String unitName(String code) {
        return unitNames.getOrDefault(code, code);
    }
}
