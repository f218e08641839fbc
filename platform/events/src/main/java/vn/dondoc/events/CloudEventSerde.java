package vn.dondoc.events;

import org.apache.kafka.common.serialization.Serdes;

/** The serializer pair as one serde, for Kafka Streams. */
public class CloudEventSerde extends Serdes.WrapperSerde<Envelope<?>> {

    public CloudEventSerde() {
        super(new CloudEventSerializer(), new CloudEventDeserializer());
    }
}
