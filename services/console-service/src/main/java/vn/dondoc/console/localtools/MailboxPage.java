package vn.dondoc.console.localtools;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.dondoc.console.eventlog.EventLog;
import vn.dondoc.console.eventlog.Wording;

/**
 * {@code /mailbox}: the mail the local stack "sent", read back from GreenMail over IMAP. The recipients are the
 * addresses the notifier reported in {@code NotificationSent}; GreenMail's accounts use the address as login and
 * password.
 */
@Controller
@ConditionalOnBooleanProperty("dondoc.console.local-tools")
class MailboxPage {

    private final EventLog log;
    private final LocalToolsProperties properties;

    MailboxPage(EventLog log, LocalToolsProperties properties) {
        this.log = log;
        this.properties = properties;
    }

    record Mail(String recipient, String subject, String sentAt, Instant sortKey, String from, String reminderId,
                String text) {
    }

    @GetMapping("/mailbox")
    String mailbox(Model model) {
        List<Mail> mails = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> recipients = log.emailRecipients();
        for (String recipient : recipients) {
            try {
                mails.addAll(read(recipient));
            } catch (MessagingException | IOException e) {
                problems.add("Không đọc được hộp thư " + recipient + ": " + e.getMessage());
            }
        }
        mails.sort(Comparator.comparing(Mail::sortKey, Comparator.nullsLast(Comparator.reverseOrder())));
        model.addAttribute("mails", mails);
        model.addAttribute("recipients", recipients);
        model.addAttribute("problems", problems);
        model.addAttribute("server", properties.imap().host() + ":" + properties.imap().port());
        return "mailbox";
    }

    private List<Mail> read(String address) throws MessagingException, IOException {
        var settings = new Properties();
        settings.put("mail.imap.connectiontimeout", "5000");
        settings.put("mail.imap.timeout", "10000");
        Store store = Session.getInstance(settings).getStore("imap");
        store.connect(properties.imap().host(), properties.imap().port(), address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                int count = inbox.getMessageCount();
                int first = Math.max(1, count - properties.imap().messagesPerMailbox() + 1);
                List<Mail> mails = new ArrayList<>();
                if (count > 0) {
                    for (Message message : inbox.getMessages(first, count)) {
                        Instant sent = message.getSentDate() == null ? null : message.getSentDate().toInstant();
                        String[] reminder = message.getHeader("X-Dondoc-Reminder-Id");
                        mails.add(new Mail(address, message.getSubject(), Wording.time(sent), sent,
                                message.getFrom() == null ? "" : String.join(", ", Arrays.stream(message.getFrom())
                                        .map(from -> from instanceof InternetAddress internet ? internet.toUnicodeString() : from.toString())
                                        .toList()),
                                reminder == null ? null : reminder[0], text(message)));
                    }
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** The plain-text part (every reminder has one); else the first text of any kind. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            String fallback = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null && multipart.getBodyPart(i).isMimeType("text/plain")) {
                    return text;
                }
                fallback = fallback == null ? text : fallback;
            }
            return fallback;
        }
        if (part.isMimeType("text/*")) {
            return part.getContent().toString();
        }
        return null;
    }
}
