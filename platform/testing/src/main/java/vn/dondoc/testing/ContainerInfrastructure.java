package vn.dondoc.testing;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The same servers as production-like containers: Apache Kafka, MongoDB 8 (replica set), Mailpit. */
final class ContainerInfrastructure implements Infrastructure {

    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
    private final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
    private final GenericContainer<?> mailpit = new GenericContainer<>("axllent/mailpit:v1.27").withExposedPorts(1025, 8025);
    private final SmsSimulator sms = SmsSimulator.start(0);
    private final HttpClient http = HttpClient.newHttpClient();

    ContainerInfrastructure() {
        kafka.start();
        mongo.start();
        mailpit.start();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.getConnectionString();
    }

    @Override
    public String smtpHost() {
        return mailpit.getHost();
    }

    @Override
    public int smtpPort() {
        return mailpit.getMappedPort(1025);
    }

    @Override
    public Mailbox mailbox() {
        return this::mailpitMessages;
    }

    private List<MimeMessage> mailpitMessages() {
        String api = "http://" + mailpit.getHost() + ":" + mailpit.getMappedPort(8025) + "/api/v1/";
        try {
            JsonNode list = JsonMapper.shared().readTree(get(api + "messages?limit=1000"));
            List<MimeMessage> messages = new ArrayList<>();
            for (JsonNode summary : list.path("messages")) {
                byte[] raw = get(api + "message/" + summary.path("ID").asString() + "/raw");
                messages.add(new MimeMessage(Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(raw)));
            }
            return messages.reversed(); // Mailpit lists newest first
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException("Cannot read Mailpit's messages", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private byte[] get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @Override
    public SmsSimulator sms() {
        return sms;
    }

    @Override
    public void stop() {
        sms.close();
        mailpit.stop();
        mongo.stop();
        kafka.stop();
    }
}
