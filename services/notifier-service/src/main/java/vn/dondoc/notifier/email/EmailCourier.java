package vn.dondoc.notifier.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import vn.dondoc.events.Channel;
import vn.dondoc.notifier.reminders.Courier;
import vn.dondoc.notifier.reminders.Courier.Delivered;
import vn.dondoc.notifier.reminders.DeliveryFailed;
import vn.dondoc.notifier.reminders.Dispatch;

/**
 * Sends a reminder email through the configured SMTP server over kept-open connections ({@link SmtpConnections}),
 * retried with exponential back-off and behind a circuit breaker (both named {@code smtp} in
 * {@code resilience4j.*.configs}). Permanent refusals (5xx) are neither retried nor counted against the circuit.
 * A connection lost after DATA, before the server's answer, leaves the outcome unknown: the message is sent once
 * more and reported as a possible duplicate, never more.
 */
@Component
class EmailCourier implements Courier {

    static final String REMINDER_ID_HEADER = "X-Dondoc-Reminder-Id";
    static final String TASK_ID_HEADER = "X-Dondoc-Task-Id";
    static final String PROVIDER = "smtp";
    /** A permanent-failure reply of an SMTP server, e.g. {@code 550 5.1.1 mailbox unknown}. */
    private static final Pattern PERMANENT_REPLY = Pattern.compile("^\\s*5\\d\\d(?:[\\s-]|$)");

    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EmailCourier.class);

    static {
        // Unless this property names it, Jakarta Mail looks its StreamProvider up with a ServiceLoader scan of the
        // whole class path for every body part, multipart and encoder it makes: several scans per message, more
        // than half the cost of writing one. The implementation named is the one the scan finds.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSenderImpl mail;
    private final SmtpConnections connections;
    private final ReminderEmails emails;
    private final InternetAddress from;
    private final CircuitBreaker breaker;
    private final Retry retry;

    EmailCourier(JavaMailSenderImpl mail, SmtpConnections connections, ReminderEmails emails,
                 EmailProperties properties, CircuitBreakerRegistry breakers, RetryRegistry retries)
            throws AddressException {
        this.mail = mail;
        this.connections = connections;
        this.emails = emails;
        this.from = new InternetAddress(properties.from(), true);
        this.breaker = breakers.circuitBreaker(PROVIDER, PROVIDER);
        this.retry = retries.retry(PROVIDER, PROVIDER);
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public boolean available() {
        return breaker.getState() != CircuitBreaker.State.OPEN && breaker.getState() != CircuitBreaker.State.FORCED_OPEN;
    }

    @Override
    public Delivered deliver(Dispatch dispatch) throws DeliveryFailed {
        var message = message(dispatch);
        try {
            retry.executeCheckedSupplier(() -> breaker.executeCheckedSupplier(() -> sendOnce(message)));
            return new Delivered(PROVIDER, false);
        } catch (SmtpConnections.OutcomeUnknown unknown) {
            return sendAgainOnce(message, unknown);
        } catch (DeliveryFailed failed) {
            throw failed;
        } catch (CallNotPermittedException open) {
            throw new DeliveryFailed("Máy chủ SMTP đang gián đoạn (circuit breaker mở)", false, open);
        } catch (Throwable unexpected) {
            throw new DeliveryFailed(unexpected.toString(), false, unexpected);
        }
    }

    private Delivered sendAgainOnce(MimeMessage message, SmtpConnections.OutcomeUnknown unknown) throws DeliveryFailed {
        try {
            breaker.executeCheckedSupplier(() -> sendOnce(message));
            return new Delivered(PROVIDER, true);
        } catch (Throwable again) {
            var failed = new DeliveryFailed("Mất kết nối sau khi gửi nội dung thư (" + unknown.getMessage()
                    + "), gửi lại một lần không thành công: " + again.getMessage(), true, again);
            failed.addSuppressed(unknown);
            throw failed;
        }
    }

    private Void sendOnce(MimeMessage message) throws DeliveryFailed, SmtpConnections.OutcomeUnknown {
        try {
            connections.send(message);
            return null;
        } catch (MessagingException | MailException failure) {
            var permanent = isPermanent(failure);
            log.debug("SMTP attempt failed ({}): {}", permanent ? "permanent" : "transient", failure.toString());
            if (!permanent) {
                connections.closeIdle(); // the server may have gone: the other kept connections are likely dead too
            }
            throw new DeliveryFailed(reason(failure), permanent, failure);
        }
    }

    /**
     * The reminder as {@code multipart/alternative}: the plain text, then the HTML. Built with Jakarta Mail
     * directly: Spring's MimeMessageHelper loads a MIME type map from the class path for every message.
     */
    private MimeMessage message(Dispatch dispatch) throws DeliveryFailed {
        var reminder = dispatch.reminder();
        try {
            var email = emails.write(dispatch);
            var message = new ReminderMessage(mail.getSession(), reminder.reminderId(), dispatch.address(), domain());
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(dispatch.address(), true));
            message.setSubject(email.subject(), UTF_8); // RFC 2047 encoded
            var plain = new MimeBodyPart();
            plain.setText(email.text(), UTF_8);
            var html = new MimeBodyPart();
            html.setText(email.html(), UTF_8, "html");
            var alternatives = new MimeMultipart("alternative");
            alternatives.addBodyPart(plain);
            alternatives.addBodyPart(html);
            message.setContent(alternatives);
            message.setHeader(REMINDER_ID_HEADER, reminder.reminderId());
            message.setHeader(TASK_ID_HEADER, reminder.taskId());
            return message;
        } catch (AddressException invalid) {
            throw new DeliveryFailed("Địa chỉ email không hợp lệ: " + dispatch.address(), true, invalid);
        } catch (MessagingException failure) {
            throw new DeliveryFailed(reason(failure), false, failure);
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
