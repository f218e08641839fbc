package vn.dondoc.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClients;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process half of the local stack, without the services: real servers, data kept across a restart. */
class LocalInfrastructureTests {

    @TempDir
    Path data;

    @Test
    void keepsKafkaRecordsAndMongoDocumentsAcrossARestart() throws Exception {
        String key = UUID.randomUUID().toString();
        try (var stack = LocalStack.start(infrastructureOnly(Ports.free()))) {
            try (var producer = producer(stack)) {
                producer.send(new ProducerRecord<>("devstack.check", key, "Nhắc việc lần 1")).get();
            }
            assertThat(consumeAll(stack, "devstack.check")).contains(key + "=Nhắc việc lần 1");
            try (var client = MongoClients.create(stack.mongoUri())) {
                client.getDatabase("dondoc-check").getCollection("tasks")
                        .insertOne(new Document("_id", key).append("title", "Báo cáo kết quả"));
            }
        }

        // other ports on purpose: the stored cluster and data must not depend on them
        try (var stack = LocalStack.start(infrastructureOnly(Ports.free()))) {
            assertThat(consumeAll(stack, "devstack.check")).contains(key + "=Nhắc việc lần 1");
            try (var client = MongoClients.create(stack.mongoUri())) {
                Document task = client.getDatabase("dondoc-check").getCollection("tasks")
                        .find(new Document("_id", key)).first();
                assertThat(task).isNotNull();
                assertThat(task.getString("title")).isEqualTo("Báo cáo kết quả");
            }
        }
    }

    /** The fault-injection suite's controls: each part goes away and comes back on its port with its data. */
    @Test
    void stopsAndRestartsEachPartInPlaceKeepingItsData() throws Exception {
        String key = UUID.randomUUID().toString();
        try (var stack = LocalStack.start(infrastructureOnly(Ports.free()))) {
            try (var producer = producer(stack)) {
                producer.send(new ProducerRecord<>("devstack.faults", key, "trước sự cố")).get();
            }
            try (var client = MongoClients.create(stack.mongoUri())) {
                client.getDatabase("dondoc-check").getCollection("tasks").insertOne(new Document("_id", key));
            }
            send(stack, "Thư trước sự cố");

            stack.stopKafka();
            stack.startKafka();
            stack.stopMongo();
            stack.startMongo();
            stack.stopSmtp();
            assertThatThrownBy(() -> send(stack, "Thư lúc SMTP dừng")).isInstanceOf(jakarta.mail.MessagingException.class);
            stack.startSmtp();
            send(stack, "Thư sau sự cố");

            assertThat(consumeAll(stack, "devstack.faults")).containsExactly(key + "=trước sự cố");
            try (var client = MongoClients.create(stack.mongoUri())) {
                assertThat(client.getDatabase("dondoc-check").getCollection("tasks").find(new Document("_id", key))
                        .first()).isNotNull();
            }
            assertThat(inbox(stack)).containsExactly("Thư trước sự cố", "Thư sau sự cố");
        }
    }

    @Test
    void loadsTheStarterDirectoryWhenStartedFromTheCommandLine() {
        assertThat(LocalStack.parse(new String[] {"--timeout", "60"}).arguments().get("task-service"))
                .contains("--dondoc.units.starter-on-start=with-example-contacts");
    }

    @Test
    void answersTheHelloCommandSpringBootsHealthCheckSends() {
        try (var stack = LocalStack.start(infrastructureOnly(Ports.free()));
                var client = MongoClients.create(stack.mongoUri())) {
            Document hello = client.getDatabase("dondoc-tasks").runCommand(new Document("hello", 1));
            assertThat(hello.get("isWritablePrimary")).isEqualTo(true);
            assertThat(hello.getInteger("maxWireVersion")).isPositive();
        }
    }

    @Test
    void deliversMailToAnImapMailboxNamedAfterTheAddress() throws Exception {
        try (var stack = LocalStack.start(infrastructureOnly(Ports.free()))) {
            send(stack, "Đôn đốc: nhiệm vụ mới");

            assertThat(inbox(stack)).containsExactly("Đôn đốc: nhiệm vụ mới");
        }
    }

    private static void send(LocalStack stack, String subject) throws Exception {
        var smtp = new Properties();
        smtp.put("mail.smtp.host", "localhost");
        smtp.put("mail.smtp.port", Integer.toString(stack.ports().smtp()));
        var message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("dondoc@soyte.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("nvy@soyte.local"));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText("Phòng Nghiệp vụ Y được giao nhiệm vụ.", StandardCharsets.UTF_8.name());
        Transport.send(message);
    }

    /** Subjects in nvy@soyte.local's mailbox, over IMAP. */
    private static List<String> inbox(LocalStack stack) throws Exception {
        var store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("localhost", stack.ports().imap(), "nvy@soyte.local", "nvy@soyte.local");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            var subjects = new ArrayList<String>();
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }

    @Test
    void recordsSmsAtTheSimulator() throws Exception {
        try (var stack = LocalStack.start(infrastructureOnly(Ports.free()))) {
            var http = HttpClient.newHttpClient();
            String base = "http://localhost:" + stack.ports().sms();
            var sent = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sms"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"0912345678\",\"text\":\"Nhac viec\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sent.statusCode()).isEqualTo(200);
            var listed = http.send(HttpRequest.newBuilder(URI.create(base + "/messages")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(listed.body()).contains("\"to\":\"0912345678\"").contains("\"text\":\"Nhac viec\"");
        }
    }

    @Test
    void refusesToStartWhenAPortIsTaken() throws Exception {
        Ports ports = Ports.free();
        try (var taken = new ServerSocket(ports.kafka())) {
            assertThatThrownBy(() -> LocalStack.start(infrastructureOnly(ports)))
                    .isInstanceOf(PortTaken.class)
                    .hasMessage("Cổng %d đang bận — Kafka cần cổng này / port %d is taken; Kafka needs it"
                            .formatted(ports.kafka(), ports.kafka()));
        }
    }

    private Options infrastructureOnly(Ports ports) {
        return Options.defaults().withData(data).withPorts(ports).withoutServices();
    }

    private static KafkaProducer<String, String> producer(LocalStack stack) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    /** Everything on the topic, read from the beginning by a new consumer group. */
    private static List<String> consumeAll(LocalStack stack, String topic) {
        var records = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(record.key() + "=" + record.value());
                }
            }
        }
        return records;
    }
}
