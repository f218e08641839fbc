package vn.dondoc.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.NotificationFailed;
import vn.dondoc.events.NotificationSent;
import vn.dondoc.events.NotificationSuppressed;
import vn.dondoc.notifier.NotificationLog;
import vn.dondoc.testing.RealInfrastructure;

/** What the notifier does with the SMTP answers that GreenMail never gives: a refusal, and no answer at all. */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=smtp-answers-tests-${random.uuid}",
        "resilience4j.retry.configs.smtp.wait-duration=50ms"})
@RealInfrastructure
@Import(NotificationLog.class)
class SmtpAnswersTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ScriptedSmtpServer smtp = new ScriptedSmtpServer();

    @TestConfiguration
    static class ScriptedServer {

        @Bean
        JavaMailSenderImpl mailSender() {
            return NotificationLog.mailSenderFor(smtp.port());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        smtp.close();
    }

    @Autowired
    KafkaTemplate<String, Envelope<?>> kafka;

    @Autowired
    NotificationLog log;

    @Autowired
    Clock clock;

    @Test
    void reportsAnUnknownMailboxAsAPermanentFailureAndNeverTriesItAgain() {
        var unit = NotificationLog.aUnitCode();
        var address = "unknown-" + unit.toLowerCase() + "@soyte.local";
        var reminder = NotificationLog.aReminder(unit, clock);
        kafka.send(NotificationLog.aUnit(unit, List.of(address), clock).toRecord()).join();
        kafka.send(reminder.toRecord()).join();

        var id = reminder.data().reminderId();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(log.of(id, NotificationFailed.class)).singleElement()
                .satisfies(failed -> {
                    assertThat(failed.permanent()).isTrue();
                    assertThat(failed.attempts()).isEqualTo(1);
                    assertThat(failed.reason()).contains("550");
                }));
        kafka.send(reminder.toRecord()).join(); // a replay is a duplicate, not a new attempt
        await().atMost(PATIENCE).until(() -> !log.of(id, NotificationSuppressed.class).isEmpty());
        assertThat(smtp.recipientsTried()).filteredOn(address::equals).hasSize(1);
        assertThat(log.of(id, NotificationFailed.class)).hasSize(1);
        assertThat(log.of(id, NotificationSent.class)).isEmpty();
    }

    @Test
    void sendsOnceMoreWhenTheServerHangsUpBeforeAnsweringAndSaysItMayBeADuplicate() {
        var unit = NotificationLog.aUnitCode();
        var address = "drop-" + unit.toLowerCase() + "@soyte.local";
        var reminder = NotificationLog.aReminder(unit, clock);
        kafka.send(NotificationLog.aUnit(unit, List.of(address), clock).toRecord()).join();
        kafka.send(reminder.toRecord()).join();

        var id = reminder.data().reminderId();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(log.of(id, NotificationSent.class)).singleElement()
                .satisfies(sent -> assertThat(sent.possibleDuplicate()).isTrue()));
        assertThat(smtp.dataReceived()).filteredOn(address::equals).hasSize(2);
        assertThat(smtp.accepted()).filteredOn(received -> received.recipient().equals(address)).singleElement()
                .satisfies(received -> assertThat(received.data()).contains("X-Dondoc-Reminder-Id: " + id));
    }

    @Test
    void keepsOneConnectionForManyMessages() {
        var unit = NotificationLog.aUnitCode();
        var address = unit.toLowerCase() + "@soyte.local";
        kafka.send(NotificationLog.aUnit(unit, List.of(address), clock).toRecord()).join();
        var reminders = java.util.stream.IntStream.range(0, 20).mapToObj(i -> NotificationLog.aReminder(unit, clock)).toList();
        var connectionsBefore = smtp.connections();
        reminders.forEach(reminder -> kafka.send(reminder.toRecord()).join());

        await().atMost(PATIENCE).until(() -> smtp.accepted().stream().filter(r -> r.recipient().equals(address)).count() == 20);
        assertThat(smtp.connections() - connectionsBefore).isLessThanOrEqualTo(2);
    }
}
