package vn.dondoc.notifier.email;

import java.net.URI;
import java.util.Optional;
import vn.dondoc.events.ReminderDue;

/**
 * Where the recipient of a reminder acknowledges its task. Links must be signed (DESIGN §2): until a signing
 * implementation is a bean, emails carry no link at all rather than a forgeable one.
 */
public interface AcknowledgementLinks {

    Optional<URI> linkFor(ReminderDue reminder);
}
