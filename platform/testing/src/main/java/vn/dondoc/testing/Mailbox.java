package vn.dondoc.testing;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** Mail the SMTP server accepted, whoever it was for. */
public interface Mailbox {

    List<MimeMessage> messages();

    default List<MimeMessage> messagesTo(String address) {
        return messages().stream().filter(message -> isFor(message, address)).toList();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getRecipients(Message.RecipientType.TO);
            return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
