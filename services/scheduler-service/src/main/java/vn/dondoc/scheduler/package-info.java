/** Turns task events into reminder timing: a Kafka Streams topology that plans reminders and fires them when due. */
package vn.dondoc.scheduler;
