package vn.dondoc.scheduler.reminders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.test.TestRecord;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import vn.dondoc.events.CloudEventDeserializer;
import vn.dondoc.events.CloudEventSerializer;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.RemindersPlanned;
import vn.dondoc.events.Topics;
import vn.dondoc.scheduler.calendar.BusinessCalendar;
import vn.dondoc.scheduler.calendar.CalendarProperties;

/**
 * The reminder topology on Kafka Streams' test driver, with the real holiday table of calendar.yml: time moves only
 * when a test moves the wall clock.
 */
final class TestScheduler implements AutoCloseable {

    static final Duration CHECK_EVERY = Duration.ofMillis(250);
    static final BusinessCalendar CALENDAR = calendarYml();

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Envelope<?>> tasks;
    private final TestInputTopic<String, Envelope<?>> units;
    private final TestOutputTopic<String, Envelope<?>> output;
    private final List<TestRecord<String, Envelope<?>>> published = new ArrayList<>();
    private Instant now;

    TestScheduler(ReminderProperties properties, Path stateDir, Instant start) {
        var builder = new StreamsBuilder();
        ReminderTopology.addTo(builder, ReminderTiming.of(properties, CALENDAR), properties.checkEvery(),
                properties.maxFiredPerCheck());
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "scheduler-service");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "not-used:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS);
        driver = new TopologyTestDriver(builder.build(), config, start);
        tasks = driver.createInputTopic(Topics.TASKS, new StringSerializer(), new CloudEventSerializer());
        units = driver.createInputTopic(Topics.UNITS, new StringSerializer(), new CloudEventSerializer());
        output = driver.createOutputTopic(Topics.REMINDERS, new StringDeserializer(), new CloudEventDeserializer());
        now = start;
    }

    static BusinessCalendar calendarYml() {
        try {
            var sources = new YamlPropertySourceLoader().load("calendar", new ClassPathResource("calendar.yml"));
            var binder = new Binder(ConfigurationPropertySources.from(sources));
            return new BusinessCalendar(binder.bind("dondoc.calendar", CalendarProperties.class).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TopologyTestDriver driver() {
        return driver;
    }

    Instant now() {
        return now;
    }

    String publish(Envelope<?> event) {
        tasks.pipeInput(event.subject(), event, now);
        return event.subject();
    }

    void directory(Envelope<?> unitEvent) {
        units.pipeInput(unitEvent.subject(), unitEvent, now);
    }

    void advanceTo(Instant instant) {
        advanceBy(Duration.between(now, instant));
    }

    /** Moves the wall clock in steps of a day at most, as a running instance would punctuate along the way. */
    void advanceBy(Duration duration) {
        Duration left = duration;
        while (left.compareTo(Duration.ofDays(1)) > 0) {
            driver.advanceWallClockTime(Duration.ofDays(1));
            now = now.plus(Duration.ofDays(1));
            left = left.minus(Duration.ofDays(1));
        }
        driver.advanceWallClockTime(left);
        now = now.plus(left);
    }

    List<ReminderDue> reminders() {
        return events(ReminderDue.class);
    }

    List<RemindersPlanned> plans() {
        return events(RemindersPlanned.class);
    }

    List<TestRecord<String, Envelope<?>>> records() {
        published.addAll(output.readRecordsToList());
        return published;
    }

    <E> List<E> events(Class<E> type) {
        return records().stream().map(record -> record.value().data()).filter(type::isInstance).map(type::cast).toList();
    }

    /** The plan as it stands (its sent one-off reminders folded in, see {@link DueIndex#settle}). */
    ReminderPlan plan(String taskId) {
        return DueIndex.settle(storedPlan(taskId), driver.<String, String>getKeyValueStore(DueIndex.STORE));
    }

    /** The plan as the store holds it. */
    ReminderPlan storedPlan(String taskId) {
        return driver.<String, ReminderPlan>getKeyValueStore(ReminderScheduler.PLANS).get(taskId);
    }

    long indexed() {
        long count = 0;
        try (var all = driver.<String, String>getKeyValueStore(DueIndex.STORE).all()) {
            while (all.hasNext()) {
                all.next();
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() {
        driver.close();
    }
}
