package vn.dondoc.notifier.reminders;

import java.time.Instant;

/** One delivery a reminder of the batch asks for: this courier, this address. */
record Planned(DueReminder due, Courier courier, Dispatch dispatch) {

    String key() {
        return Delivery.key(dispatch.reminder().reminderId(), courier.channel(), dispatch.address());
    }

    Delivery firstClaim(Instant now) {
        return Delivery.claim(dispatch.reminder(), courier.channel(), dispatch.address(), due.position(), now);
    }
}
