package vn.dondoc.task.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import vn.dondoc.events.CloudEventHeaders;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.Topics;
import vn.dondoc.task.Api;
import vn.dondoc.task.Topic;
import vn.dondoc.testing.RealInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dondoc.admin.password=" + Api.PASSWORD)
@RealInfrastructure
class OutboxRelayTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, Envelope<?>> kafka;

    @Test
    void republishesWithTheSameIdWhenTheRelayDiedBetweenPublishingAndRemoving() throws Exception {
        var api = Api.asAdmin(port);
        String code = "U" + Long.toHexString(System.nanoTime()).toUpperCase();
        relay.stop();
        try {
            assertThat(api.post("/api/units", """
                    {"code":"%s","name":"Phòng Tổ chức cán bộ"}""".formatted(code)).status()).isEqualTo(201);
            List<Document> pending = outboxOf(code);
            assertThat(pending).as("stored with the unit, not yet published").hasSize(1);
            // what a relay does before it dies: publish, get the acknowledgement, never reach the $pull
            var envelope = OutboxEntry.from(pending.getFirst()).toEnvelope();
            kafka.send(envelope.toRecord()).get(30, TimeUnit.SECONDS);
        } finally {
            relay.start();
        }

        await().atMost(PATIENCE).until(() -> outboxOf(code).isEmpty());
        try (var directory = new Topic(Topics.UNITS)) {
            await().atMost(PATIENCE).until(() -> directory.records(Topic.keyed(code)).size() == 2);
            assertThat(directory.records(Topic.keyed(code)))
                    .extracting(record -> CloudEventHeaders.text(record.headers(), CloudEventHeaders.ID))
                    .as("the same fact twice, which consumers drop by ce_id")
                    .hasSize(2)
                    .doesNotContainNull()
                    .allMatch(id -> id.equals(directory.records(Topic.keyed(code)).getFirst().value().id()));
        }
    }

    @Test
    void publishesEventsLeftBehindByAnEarlierRun() {
        var api = Api.asAdmin(port);
        String code = "U" + Long.toHexString(System.nanoTime()).toUpperCase();
        relay.stop();
        try {
            api.post("/api/units", """
                    {"code":"%s","name":"Phòng Tài chính kế toán"}""".formatted(code));
            api.post("/api/units", """
                    {"code":"%s","name":"Phòng Tài chính - Kế toán"}""".formatted(code));
            assertThat(outboxOf(code)).hasSize(2);
        } finally {
            relay.start();
        }

        await().atMost(PATIENCE).until(() -> outboxOf(code).isEmpty());
        try (var directory = new Topic(Topics.UNITS)) {
            await().atMost(PATIENCE).until(() -> directory.records(Topic.keyed(code)).size() == 2);
            assertThat(directory.records(Topic.keyed(code)))
                    .extracting(record -> CloudEventHeaders.text(record.headers(), CloudEventHeaders.TYPE))
                    .containsExactly("unit.registered", "unit.changed");
        }
    }

    private List<Document> outboxOf(String code) {
        Document unit = mongo.getCollection("units").find(new Document("_id", code)).first();
        return unit == null ? List.of() : unit.getList(Outbox.FIELD, Document.class);
    }
}
