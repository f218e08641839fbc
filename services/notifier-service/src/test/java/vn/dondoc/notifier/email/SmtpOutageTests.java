package vn.dondoc.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.NotificationFailed;
import vn.dondoc.events.NotificationSent;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.notifier.NotificationLog;
import vn.dondoc.testing.RealInfrastructure;

/** The mail server goes away while reminders keep coming, then comes back. */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=smtp-outage-tests-${random.uuid}",
        "resilience4j.retry.configs.smtp.wait-duration=50ms",
        "resilience4j.circuitbreaker.configs.smtp.minimum-number-of-calls=3",
        "resilience4j.circuitbreaker.configs.smtp.sliding-window-size=5",
        "resilience4j.circuitbreaker.configs.smtp.wait-duration-in-open-state=2s",
        "dondoc.notify.postpone-interval=500ms"})
@RealInfrastructure
@Import(NotificationLog.class)
class SmtpOutageTests {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int PORT = freePort();
    private static GreenMail smtp = startSmtp();

    @TestConfiguration
    static class OwnServer {

        @Bean
        JavaMailSenderImpl mailSender() {
            return NotificationLog.mailSenderFor(PORT);
        }
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @Autowired
    KafkaTemplate<String, Envelope<?>> kafka;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    NotificationLog log;

    @Autowired
    Clock clock;

    @Test
    void deliversEveryReminderExactlyOnceAfterTheMailServerComesBack() {
        var unit = NotificationLog.aUnitCode();
        var address = unit.toLowerCase() + "@soyte.local";
        kafka.send(NotificationLog.aUnit(unit, List.of(address), clock).toRecord()).join();
        var first = NotificationLog.aReminder(unit, clock);
        kafka.send(first.toRecord()).join();
        await().atMost(PATIENCE).until(() -> !log.of(first.data().reminderId(), NotificationSent.class).isEmpty());

        smtp.stop();
        var reminders = IntStream.range(0, 200).mapToObj(i -> NotificationLog.aReminder(unit, clock)).toList();
        reminders.forEach(reminder -> kafka.send(reminder.toRecord()));
        kafka.flush();
        var container = listeners.getListenerContainer("reminders");
        await().atMost(PATIENCE).until(container::isPauseRequested);
        // down for a good while: the circuit half-opens, fails its trial call and opens again, more than once
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).until(() -> sent(reminders) == 0);

        smtp = startSmtp();
        await().atMost(PATIENCE).until(() -> sent(reminders) == 200);

        var ids = reminders.stream().map(reminder -> reminder.data().reminderId()).collect(Collectors.toSet());
        Map<String, Long> copies = Arrays.stream(smtp.getReceivedMessages()).map(SmtpOutageTests::reminderId)
                .filter(ids::contains).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies).hasSize(200).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
        // the listener waited instead of trying every reminder: only the trial calls failed
        var failures = reminders.stream().mapToLong(r -> log.of(r.data().reminderId(), NotificationFailed.class).size()).sum();
        assertThat(failures).isLessThan(10);
        assertThat(reminders.stream().filter(r -> !log.of(r.data().reminderId(), NotificationFailed.class).isEmpty()))
                .allSatisfy(r -> assertThat(log.of(r.data().reminderId(), NotificationFailed.class))
                        .allSatisfy(failed -> assertThat(failed.permanent()).isFalse()));
        assertThat(container.isPauseRequested()).isFalse();
    }

    private long sent(List<Envelope<ReminderDue>> reminders) {
        return reminders.stream().filter(r -> !log.of(r.data().reminderId(), NotificationSent.class).isEmpty()).count();
    }

    private static String reminderId(MimeMessage message) {
        try {
            return message.getHeader("X-Dondoc-Reminder-Id", null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail startSmtp() {
        var server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
