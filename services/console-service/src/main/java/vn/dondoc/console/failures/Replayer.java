package vn.dondoc.console.failures;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import vn.dondoc.console.eventlog.LoggedEvent;
import vn.dondoc.events.Topics;

/**
 * Puts a dead letter back on the topic it failed on: the original key, value bytes and headers, without the
 * headers the dead-lettering added (Spring's {@code kafka_dlt-*}, Kafka Streams' {@code __streams.errors.*}).
 * A producer of its own, because the services' template serializes events, and replay must not re-encode anything.
 */
@Component
class Replayer implements DisposableBean {

    private static final List<String> DEAD_LETTER_HEADER_PREFIXES = List.of("kafka_dlt-", "__streams.errors.",
            "springDeserializerException");

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;

    Replayer(KafkaProperties properties) {
        this.producers = new DefaultKafkaProducerFactory<>(properties.buildProducerProperties(), new StringSerializer(),
                new ByteArraySerializer());
        this.kafka = new KafkaTemplate<>(producers);
    }

    /** Publishes the dead letter again and returns where it went. */
    RecordMetadata replay(LoggedEvent deadLetter) throws ReplayImpossible {
        if (!deadLetter.deadLetter()) {
            throw new ReplayImpossible("Chỉ phát lại được bản ghi lỗi (dead letter).");
        }
        String topic = deadLetter.originalTopic();
        if (topic == null || !Topics.ALL.contains(topic) || Topics.DEAD_LETTERS.equals(topic)) {
            throw new ReplayImpossible("Bản ghi lỗi không cho biết topic gốc hợp lệ (" + topic + ").");
        }
        if (deadLetter.raw() == null) {
            throw new ReplayImpossible("Console không giữ nội dung gốc của bản ghi này (ghi nhận trước khi có chức năng phát lại).");
        }
        var headers = new RecordHeaders();
        for (LoggedEvent.Header header : deadLetter.headers()) {
            if (DEAD_LETTER_HEADER_PREFIXES.stream().noneMatch(header.name()::startsWith)) {
                headers.add(header.name(), header.bytes());
            }
        }
        var record = new ProducerRecord<>(topic, null, deadLetter.recordKey(), deadLetter.raw(), headers);
        try {
            return kafka.send(record).get(30, TimeUnit.SECONDS).getRecordMetadata();
        } catch (ExecutionException | TimeoutException e) {
            throw new ReplayImpossible("Kafka không nhận bản ghi: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayImpossible("Bị ngắt khi đang gửi.");
        }
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    /** Why a replay did not happen, in words for the admin. */
    static final class ReplayImpossible extends Exception {
        ReplayImpossible(String message) {
            super(message);
        }
    }
}
