package vn.dondoc.notifier.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.dondoc.events.Channel;
import vn.dondoc.notifier.reminders.Courier;
import vn.dondoc.notifier.reminders.DeliveryFailed;
import vn.dondoc.notifier.reminders.Dispatch;

/**
 * Sends a reminder email through the configured SMTP server. One shared {@link JavaMailSenderImpl} (and so one
 * mail session) serves every message, which leaves room for pooling SMTP connections later.
 */
@Component
class EmailCourier implements Courier {

    static final String REMINDER_ID_HEADER = "X-Dondoc-Reminder-Id";
    static final String TASK_ID_HEADER = "X-Dondoc-Task-Id";
    /** A permanent-failure reply of an SMTP server, e.g. {@code 550 5.1.1 mailbox unknown}. */
    private static final Pattern PERMANENT_REPLY = Pattern.compile("^\\s*5\\d\\d(?:[\\s-]|$)");

    private final JavaMailSenderImpl mail;
    private final ReminderEmails emails;
    private final InternetAddress from;

    EmailCourier(JavaMailSenderImpl mail, ReminderEmails emails, EmailProperties properties) throws AddressException {
        this.mail = mail;
        this.emails = emails;
        this.from = new InternetAddress(properties.from(), true);
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String provider() {
        return "smtp";
    }

    @Override
    public void deliver(Dispatch dispatch) throws DeliveryFailed {
        var reminder = dispatch.reminder();
        try {
            var email = emails.write(dispatch);
            var message = new ReminderMessage(mail.getSession(), reminder.reminderId(), dispatch.address(), domain());
            var helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(new InternetAddress(dispatch.address(), true));
            helper.setSubject(email.subject()); // RFC 2047 encoded in the helper's charset
            helper.setText(email.text(), email.html());
            message.setHeader(REMINDER_ID_HEADER, reminder.reminderId());
            message.setHeader(TASK_ID_HEADER, reminder.taskId());
            mail.send(message);
        } catch (AddressException invalid) {
            throw new DeliveryFailed("Địa chỉ email không hợp lệ: " + dispatch.address(), true, invalid);
        } catch (MessagingException | MailException failure) {
            throw new DeliveryFailed(reason(failure), isPermanent(failure), failure);
        }
    }

    private String domain() {
        var address = from.getAddress();
        return address.substring(address.indexOf('@') + 1);
    }

    /**
     * A 5xx answer means the server will never take this message; 4xx or no answer at all (refused connection,
     * timeout) may pass. Read from the server's reply text, so we need not compile against Angus Mail's SMTP
     * exception classes.
     */
    static boolean isPermanent(Exception failure) {
        return causes(failure).stream().map(Throwable::getMessage)
                .anyMatch(text -> text != null && PERMANENT_REPLY.matcher(text).lookingAt());
    }

    private static String reason(Exception failure) {
        return causes(failure).stream().map(Throwable::getMessage).filter(text -> text != null && !text.isBlank())
                .reduce((first, last) -> last).map(String::strip).orElse(failure.getClass().getSimpleName());
    }

    /** Every exception involved, including the per-message ones of Spring and the chained ones of Jakarta Mail. */
    private static List<Throwable> causes(Exception failure) {
        List<Throwable> all = new ArrayList<>();
        collect(failure, all);
        if (failure instanceof MailSendException send) {
            for (var each : send.getMessageExceptions()) {
                collect(each, all);
            }
        }
        return all;
    }

    private static void collect(Throwable throwable, List<Throwable> all) {
        for (var cause = throwable; cause != null && !all.contains(cause); ) {
            all.add(cause);
            cause = cause instanceof MessagingException messaging && messaging.getNextException() != null
                    ? messaging.getNextException() : cause.getCause();
        }
    }
}
