/** Spring Kafka wiring every service shares: serializers, topics, and dead letters instead of crash loops. */
package vn.dondoc.events.kafka;
