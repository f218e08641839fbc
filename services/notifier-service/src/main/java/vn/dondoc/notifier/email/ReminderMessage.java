package vn.dondoc.notifier.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A MIME message whose Message-ID derives from the reminder and the address, so a re-sent reminder (an
 * interrupted attempt taken over) carries the same id and mail clients that thread or deduplicate by it show
 * one message.
 */
final class ReminderMessage extends MimeMessage {

    private final String messageId;

    ReminderMessage(Session session, String reminderId, String address, String domain) {
        super(session);
        this.messageId = messageId(reminderId, address, domain);
    }

    static String messageId(String reminderId, String address, String domain) {
        var name = UUID.nameUUIDFromBytes((reminderId + "\n" + address).getBytes(StandardCharsets.UTF_8));
        return "<" + name + "@" + domain + ">";
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
