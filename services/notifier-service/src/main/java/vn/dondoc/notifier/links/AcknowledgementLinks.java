package vn.dondoc.notifier.links;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.UnitRole;
import vn.dondoc.events.links.AckToken;
import vn.dondoc.events.links.AckToken.Purpose;
import vn.dondoc.events.links.AckTokens;

/**
 * Signs the links a reminder carries: {@code {base}/ack/{token}}, where the token names the task, the unit, what
 * the link is for, the cycle and an expiry (see {@link AckTokens} for the format the task service verifies).
 * Links go only to the unit the task is assigned to: a supervisor told of an overdue task (escalation) is not the
 * one to acknowledge it, and only lead units report completion.
 */
@Component
public class AcknowledgementLinks {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgementLinks.class);
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int TOKENS_REMEMBERED = 10_000;

    private final LinkProperties properties;
    private final PrivateKey key;
    private final Clock clock;
    private final String base;
    /**
     * Tokens already signed, by what they say. An Ed25519 signature costs about a millisecond of CPU here and is
     * deterministic, and a reminder's email and SMS, each of its addresses and the stages of one cycle (whose
     * expiry follows the deadline) carry the same tokens.
     */
    private final Map<AckToken, String> signed = new ConcurrentHashMap<>();

    AcknowledgementLinks(LinkProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.key = key(properties);
        var url = properties.publicBaseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The link for {@code purpose}, or empty when the recipient is not the one to use it. */
    public Optional<URI> link(ReminderDue reminder, Purpose purpose) {
        return href(reminder, purpose).map(URI::create);
    }

    /** {@link #link} as text, for a message that only prints it (the token is URL-safe: nothing to parse). */
    public Optional<String> href(ReminderDue reminder, Purpose purpose) {
        if (!reminder.recipient().equals(reminder.unit())
                || (purpose == Purpose.REPORT && reminder.role() != UnitRole.LEAD)) {
            return Optional.empty();
        }
        var token = new AckToken(reminder.taskId(), reminder.unit(), purpose, reminder.cycle(), expiry(reminder));
        return Optional.of(base + "/ack/" + sign(token));
    }

    private String sign(AckToken token) {
        var known = signed.get(token);
        if (known != null) {
            return known;
        }
        var fresh = AckTokens.sign(token, key);
        if (signed.size() >= TOKENS_REMEMBERED) {
            signed.clear();
        }
        signed.put(token, fresh);
        return fresh;
    }

    private java.time.Instant expiry(ReminderDue reminder) {
        Deadline deadline = reminder.task() == null ? null : reminder.task().deadline();
        var from = deadline == null ? null
                : deadline.dueAt() != null ? deadline.dueAt()
                : deadline.dueDate() != null ? deadline.dueDate().atTime(17, 0).atZone(BUSINESS_ZONE).toInstant()
                : null;
        var now = clock.instant();
        // a link sent after its task fell due still gets the whole validity from now, so it works when read
        return (from == null || from.isBefore(now) ? now : from).plus(properties.validity());
    }

    private static PrivateKey key(LinkProperties properties) {
        if (properties.privateKeyFile() != null && !properties.privateKeyFile().isBlank()) {
            try {
                return AckTokens.privateKeyFromPem(Files.readString(Path.of(properties.privateKeyFile())));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the link signing key dondoc.links.private-key-file="
                        + properties.privateKeyFile(), e);
            }
        }
        if (properties.privateKey() != null && !properties.privateKey().isBlank()) {
            return AckTokens.privateKeyFromPem(properties.privateKey());
        }
        log.warn("No link signing key configured (dondoc.links.private-key-file or dondoc.links.private-key): "
                + "signing with a key made up for this run, which no task service can verify");
        return AckTokens.generateKeyPair().getPrivate();
    }
}
