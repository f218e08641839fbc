package vn.dondoc.devstack;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import vn.dondoc.events.Topics;
import vn.dondoc.events.links.AckTokens;
import vn.dondoc.events.links.InvalidAckToken;

/**
 * What a fault run left behind, read where users and operators see it: the mailboxes over IMAP, the SMS gateways'
 * received messages, the topics with a {@code read_committed} consumer, and the console's event log.
 */
final class Evidence {

    /**
     * One copy of a delivery: {@code task/unit/stage/CHANNEL}, when the mail server or SMS gateway got it, and
     * which one ({@code smtp} or the gateway's address).
     */
    record Delivery(String key, Instant at, String via) {
    }

    /** One record of the run's tasks on a topic. */
    record TopicEvent(String topic, String id, String type, String taskId, JsonNode data) {
    }

    private static final Pattern ACK_LINK = Pattern.compile("/ack/([A-Za-z0-9_-]+)");
    private static final List<String> EVENT_TOPICS = List.of(Topics.TASKS, Topics.REMINDERS, Topics.NOTIFICATIONS);

    private Evidence() {
    }

    /** Every email in the units' mailboxes with its {@code X-Dondoc-Reminder-Id}; arrival in whole seconds (IMAP). */
    static List<Delivery> emails(Ports ports, Collection<Workload.Unit> units) throws Exception {
        var deliveries = new ArrayList<Delivery>();
        for (Workload.Unit unit : units) {
            var store = Session.getInstance(new Properties()).getStore("imap");
            try {
                store.connect("localhost", ports.imap(), unit.email(), unit.email());
            } catch (AuthenticationFailedException e) {
                // GreenMail makes the account with its first mail
                continue;
            }
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                Message[] messages = inbox.getMessages();
                var profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                profile.add("X-Dondoc-Reminder-Id");
                inbox.fetch(messages, profile);
                for (Message message : messages) {
                    String[] reminderId = message.getHeader("X-Dondoc-Reminder-Id");
                    String key = reminderId == null ? "no-reminder-id/" + unit.code() : reminderKey(reminderId[0], "EMAIL");
                    deliveries.add(new Delivery(key, message.getReceivedDate().toInstant(), "smtp"));
                }
                inbox.close(false);
            } finally {
                store.close();
            }
        }
        return deliveries;
    }

    /**
     * Every SMS the gateways received for the run's phones, keyed by the task and unit its signed link names; only
     * DUE reminders carry SMS in the workload.
     */
    static List<Delivery> sms(StackClient client, List<String> gateways, Map<String, Workload.Unit> unitsByPhone,
            PublicKey linkKey) throws Exception {
        var deliveries = new ArrayList<Delivery>();
        for (String gateway : gateways) {
            var response = client.get(gateway + "/messages");
            if (response.statusCode() != 200) {
                throw new IllegalStateException(gateway + "/messages answered " + response.statusCode());
            }
            for (JsonNode message : StackClient.JSON.readTree(response.body())) {
                Workload.Unit unit = unitsByPhone.get(message.get("to").asString());
                if (unit == null) {
                    continue;
                }
                var link = ACK_LINK.matcher(message.get("text").asString());
                String task = "unreadable-link";
                if (link.find()) {
                    try {
                        task = AckTokens.verify(link.group(1), linkKey, Clock.systemUTC()).taskId();
                    } catch (InvalidAckToken e) {
                        task = "invalid-link";
                    }
                }
                deliveries.add(new Delivery(Workload.key(task, unit.code(), "due", "SMS"),
                        Instant.parse(message.get("at").asString()), gateway));
            }
        }
        return deliveries;
    }

    static PublicKey linkKey(Path data) throws Exception {
        return AckTokens.publicKeyFromPem(Files.readString(data.resolve("keys").resolve("links-public.pem"),
                StandardCharsets.US_ASCII));
    }

    /** The run's records on the event topics, committed ones only, as the services' consumers see them. */
    static List<TopicEvent> topics(String bootstrapServers, Set<String> taskIds) {
        var config = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "fault-checker-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        var events = new ArrayList<TopicEvent>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            var partitions = new ArrayList<TopicPartition>();
            EVENT_TOPICS.forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // the last stable offsets: what read_committed can see
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            Instant deadline = Instant.now().plusSeconds(60);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read the topics to their end within 60 s: " + end);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    String taskId = header(record, "ce_subject");
                    if (taskId != null && taskIds.contains(taskId)) {
                        events.add(new TopicEvent(record.topic(), header(record, "ce_id"), header(record, "ce_type"),
                                taskId, StackClient.JSON.readTree(record.value())));
                    }
                }
            }
        }
        return events;
    }

    /** How often each event id of the run's tasks is in the console's event log (dead letters left out). */
    static Map<String, Integer> console(StackClient client, Ports ports, Set<String> taskIds) throws Exception {
        var counts = new HashMap<String, Integer>();
        for (String taskId : taskIds) {
            var response = client.get("http://localhost:" + ports.console() + "/api/events?limit=1000&taskId=" + taskId);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/api/events answered " + response.statusCode() + ": " + response.body());
            }
            for (JsonNode entry : StackClient.JSON.readTree(response.body())) {
                if (!Topics.DEAD_LETTERS.equals(entry.get("topic").asString())) {
                    counts.merge(entry.get("id").asString(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** {@code task/unit/stage/CHANNEL} of a reminder id ({@code task/unit/stage/cycle[/step…]}). */
    static String reminderKey(String reminderId, String channel) {
        String[] parts = reminderId.split("/");
        return parts.length < 3 ? "unreadable/" + reminderId : Workload.key(parts[0], parts[1], parts[2], channel);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
