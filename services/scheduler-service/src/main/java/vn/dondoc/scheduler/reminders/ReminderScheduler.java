package vn.dondoc.scheduler.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.ReminderPolicy;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.TaskCancelled;
import vn.dondoc.events.TaskCompleted;

/**
 * Keeps each task's {@link ReminderPlan} up to date from the task events, and every {@code checkEvery} of wall-clock
 * time sends the reminders that have fallen due. Both run on the stream thread of the partition that owns the task,
 * inside Kafka Streams' exactly-once transactions: the plan, its index and the published reminders change together.
 * <p>
 * Time comes from Kafka Streams itself (its cached system time while processing, the punctuation timestamp when
 * firing) so that both agree, and {@code TopologyTestDriver} can move it.
 */
final class ReminderScheduler implements Processor<String, Envelope<?>, String, Envelope<?>> {

    static final String PLANS = "schedules";
    /** Bounds one punctuation, so that a backlog (after downtime) cannot hold the stream thread for long. */
    private static final int MAX_FIRED_PER_CHECK = 500;
    private static final Logger log = LoggerFactory.getLogger(ReminderScheduler.class);

    private final ReminderPolicy defaults;
    private final Duration checkEvery;
    private ProcessorContext<String, Envelope<?>> context;
    private KeyValueStore<String, ReminderPlan> plans;
    private DueIndex dueIndex;

    ReminderScheduler(ReminderPolicy defaults, Duration checkEvery) {
        this.defaults = defaults;
        this.checkEvery = checkEvery;
    }

    @Override
    public void init(ProcessorContext<String, Envelope<?>> context) {
        this.context = context;
        this.plans = context.getStateStore(PLANS);
        this.dueIndex = new DueIndex(context.getStateStore(DueIndex.STORE));
        context.schedule(checkEvery, PunctuationType.WALL_CLOCK_TIME, this::fireDue);
    }

    @Override
    public void process(Record<String, Envelope<?>> record) {
        Envelope<?> event = record.value();
        if (event == null) {
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        String taskId = event.subject();
        ReminderPlan plan = plans.get(taskId);
        if (plan != null && plan.hasSeen(event.id())) {
            return; // a re-published event
        }
        switch (event.data()) {
            case TaskAssigned assigned when plan == null -> replace(null, ReminderPlan.assign(
                    new Envelope<>(event.id(), event.source(), event.time(), event.traceparent(), assigned), defaults, now),
                    event, now);
            case TaskCancelled cancelled when plan != null && !plan.closed() -> replace(plan, plan.close(event.id(), now), event, now);
            case TaskCompleted completed when plan != null && !plan.closed() -> replace(plan, plan.close(event.id(), now), event, now);
            default -> {
                // TaskAssigned for a known task is a duplicate; acknowledgements, reports, updates and deadline
                // extensions are not planned yet
            }
        }
    }

    private void replace(ReminderPlan old, ReminderPlan updated, Envelope<?> cause, Instant now) {
        if (old != null) {
            old.pending().stream().filter(reminder -> updated.pendingReminder(reminder.reminderId()).isEmpty())
                    .forEach(dueIndex::remove);
        }
        updated.pending().forEach(reminder -> dueIndex.add(updated.taskId(), reminder));
        plans.put(updated.taskId(), updated);
        forward(updated.planned(cause, now), now);
    }

    private void fireDue(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        for (DueIndex.Entry entry : dueIndex.dueBy(now, MAX_FIRED_PER_CHECK)) {
            ReminderPlan plan = plans.get(entry.taskId());
            var reminder = plan == null ? Optional.<PlannedReminder>empty() : plan.pendingReminder(entry.reminderId());
            if (reminder.isPresent()) {
                forward(plan.due(reminder.get(), now), now);
                plans.put(plan.taskId(), plan.fired(entry.reminderId()));
            } else {
                log.warn("Due index entry {} has no pending reminder in its plan; dropped", entry.key());
            }
            dueIndex.remove(entry);
        }
    }

    private void forward(Envelope<?> event, Instant now) {
        // fresh headers: the serializer writes this event's CloudEvents attributes, nothing of the input leaks through
        context.forward(new Record<String, Envelope<?>>(event.subject(), event, now.toEpochMilli(), new RecordHeaders()));
    }
}
