package vn.dondoc.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.NotificationFailed;
import vn.dondoc.events.NotificationSent;
import vn.dondoc.events.NotificationSuppressed;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.Topics;
import vn.dondoc.notifier.NotificationLog;
import vn.dondoc.testing.Infrastructure;
import vn.dondoc.testing.RealInfrastructure;

/** What the notifier does with the SMTP answers that GreenMail never gives: a refusal, and no answer at all. */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=smtp-answers-tests-${random.uuid}",
        "resilience4j.retry.configs.smtp.wait-duration=50ms", "dondoc.reminders.unknown-unit-retry-interval=300ms"})
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

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Value("${dondoc.mail.connections}")
    int keptConnections;

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
    void keepsItsConnectionsOpenForManyMessages() {
        var unit = NotificationLog.aUnitCode();
        var address = unit.toLowerCase() + "@soyte.local";
        kafka.send(NotificationLog.aUnit(unit, List.of(address), clock).toRecord()).join();
        var reminders = java.util.stream.IntStream.range(0, 20).mapToObj(i -> NotificationLog.aReminder(unit, clock)).toList();
        var connectionsBefore = smtp.connections();
        reminders.forEach(reminder -> kafka.send(reminder.toRecord()).join());

        await().atMost(PATIENCE).until(() -> smtp.accepted().stream().filter(r -> r.recipient().equals(address)).count() == 20);
        // the deliveries of a poll go side by side, one lane per kept connection
        assertThat(smtp.connections() - connectionsBefore).isLessThanOrEqualTo(keptConnections);
    }

    @Test
    void finishesTheRestOfABatchWhileOneReminderWaitsAndNeverSendsThemTwice() {
        var waiting = NotificationLog.aUnitCode();
        var unit = NotificationLog.aUnitCode();
        var addresses = List.of("a-" + unit.toLowerCase() + "@soyte.local", "unknown-" + unit.toLowerCase() + "@soyte.local",
                "b-" + unit.toLowerCase() + "@soyte.local");
        kafka.send(NotificationLog.aUnit(unit, addresses, clock).toRecord()).join();
        var stuck = NotificationLog.aReminder(waiting, clock);
        var reminders = IntStream.range(0, 6).mapToObj(i -> NotificationLog.aReminder(unit, clock)).toList();
        // one poll, in this order: the reminder for a unit the directory has not announced yet comes first, so
        // every other one is read again after it fails, and again, until its unit is known
        inOnePoll(() -> {
            kafka.send(onPartitionZero(stuck));
            reminders.forEach(reminder -> kafka.send(onPartitionZero(reminder)));
        });

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reminders).allSatisfy(reminder -> {
            assertThat(log.of(id(reminder), NotificationSent.class)).extracting(NotificationSent::address)
                    .containsExactlyInAnyOrder(addresses.get(0), addresses.get(2));
            assertThat(log.of(id(reminder), NotificationFailed.class)).singleElement()
                    .satisfies(failed -> assertThat(failed.permanent()).isTrue());
        }));
        // read again several times meanwhile: nothing sent again, nothing reported as a duplicate
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> reminders.stream()
                .allMatch(reminder -> log.of(id(reminder), NotificationSuppressed.class).isEmpty()));
        kafka.send(NotificationLog.aUnit(waiting, List.of(waiting.toLowerCase() + "@soyte.local"), clock).toRecord()).join();
        await().atMost(PATIENCE).until(() -> log.of(id(stuck), NotificationSent.class).size() == 1);

        for (var reminder : reminders) {
            assertThat(smtp.accepted()).filteredOn(received -> received.data().contains(id(reminder)))
                    .extracting(ScriptedSmtpServer.Received::recipient)
                    .containsExactlyInAnyOrder(addresses.get(0), addresses.get(2));
            assertThat(log.of(id(reminder), NotificationSent.class)).hasSize(2);
            assertThat(log.of(id(reminder), NotificationFailed.class)).hasSize(1);
            assertThat(log.of(id(reminder), NotificationSuppressed.class)).isEmpty();
        }
        assertThat(smtp.recipientsTried()).filteredOn(addresses.get(1)::equals).hasSize(reminders.size());
    }

    @Test
    void sendsAReminderReadTwiceInOnePollOnceAndReportsTheSecondAsADuplicate() {
        var unit = NotificationLog.aUnitCode();
        var address = unit.toLowerCase() + "@soyte.local";
        kafka.send(NotificationLog.aUnit(unit, List.of(address), clock).toRecord()).join();
        var reminder = NotificationLog.aReminder(unit, clock);
        inOnePoll(() -> {
            kafka.send(onPartitionZero(reminder));
            kafka.send(onPartitionZero(reminder));
        });

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(log.of(id(reminder), NotificationSuppressed.class))
                .extracting(NotificationSuppressed::reason).containsExactly("duplicate"));
        assertThat(log.of(id(reminder), NotificationSent.class)).hasSize(1);
        assertThat(smtp.accepted()).filteredOn(received -> received.recipient().equals(address)).hasSize(1);
    }

    @Test
    void parksAnUnreadableReminderAsADeadLetterAndSendsTheOthersOfItsPoll(Infrastructure infrastructure) throws Exception {
        var unit = NotificationLog.aUnitCode();
        var address = unit.toLowerCase() + "@soyte.local";
        kafka.send(NotificationLog.aUnit(unit, List.of(address), clock).toRecord()).join();
        var before = NotificationLog.aReminder(unit, clock);
        var after = NotificationLog.aReminder(unit, clock);
        var unreadableId = "unreadable-" + UUID.randomUUID();
        try (var raw = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            inOnePoll(() -> {
                kafka.send(onPartitionZero(before));
                kafka.flush();
                raw.send(unreadable(unreadableId, unit));
                raw.flush();
                kafka.send(onPartitionZero(after));
            });
        }

        await().atMost(PATIENCE).until(() -> log.of(id(before), NotificationSent.class).size() == 1
                && log.of(id(after), NotificationSent.class).size() == 1);
        await().atMost(PATIENCE).until(() -> deadLetterIds(infrastructure).contains(unreadableId));
        assertThat(smtp.accepted()).filteredOn(received -> received.recipient().equals(address)).hasSize(2);
    }

    /** Holds the listener while {@code publishing} runs, so what it publishes is read in one poll. */
    private void inOnePoll(Runnable publishing) {
        var container = listeners.getListenerContainer("reminders");
        container.pause();
        await().atMost(PATIENCE).until(container::isContainerPaused);
        try {
            publishing.run();
            kafka.flush();
        } finally {
            container.resume();
        }
    }

    private static ProducerRecord<String, Envelope<?>> onPartitionZero(Envelope<ReminderDue> reminder) {
        var record = reminder.toRecord();
        return new ProducerRecord<>(record.topic(), 0, record.key(), record.value());
    }

    private static ProducerRecord<String, byte[]> unreadable(String id, String unit) {
        var json = "{\"reminderId\": \"" + id + "\", \"recipient\": \"" + unit + "\", ";
        var record = new ProducerRecord<>(Topics.REMINDERS, 0, id, json.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "reminder.due".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/dondoc/scheduler-service".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", "2026-11-24T03:05:00Z".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The ce_id of every dead letter so far. */
    private static List<String> deadLetterIds(Infrastructure infrastructure) {
        List<String> ids = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTERS));
            for (int polls = 0; polls < 10 && (ids.isEmpty() || polls < 3); polls++) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var header = record.headers().lastHeader("ce_id");
                    if (header != null) {
                        ids.add(new String(header.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return ids;
    }

    private static String id(Envelope<ReminderDue> reminder) {
        return reminder.data().reminderId();
    }
}
