package vn.dondoc.scheduler.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dondoc.events.DeadlineExtended;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.Stage;
import vn.dondoc.events.ReportRejected;
import vn.dondoc.events.TaskAcknowledged;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.TaskCancelled;
import vn.dondoc.events.TaskCompleted;
import vn.dondoc.events.TaskReopened;
import vn.dondoc.events.TaskReported;
import vn.dondoc.events.TaskUpdated;

/**
 * Keeps each task's {@link ReminderPlan} up to date from the task events, and every {@code checkEvery} of wall-clock
 * time sends the reminders that have fallen due. Both run on the stream thread of the partition that owns the task,
 * inside Kafka Streams' exactly-once transactions: the plan, its index and the published reminders change together.
 * <p>
 * Time comes from Kafka Streams itself (its cached system time while processing, the punctuation timestamp when
 * firing) so that both agree, and {@code TopologyTestDriver} can move it. A task event processed before the
 * punctuation of the same instant wins: an acknowledgement or report arriving at the very instant a reminder falls
 * due removes it before it is sent; one processed after the punctuation finds it sent and stops only what follows.
 */
final class ReminderScheduler implements Processor<String, Envelope<?>, String, Envelope<?>> {

    static final String PLANS = "schedules";
    private static final Logger log = LoggerFactory.getLogger(ReminderScheduler.class);

    private final ReminderTiming timing;
    private final Duration checkEvery;
    private final int maxFiredPerCheck;
    private ProcessorContext<String, Envelope<?>> context;
    private KeyValueStore<String, ReminderPlan> plans;
    private DueIndex dueIndex;
    private UnitSupervisors supervisors;

    ReminderScheduler(ReminderTiming timing, Duration checkEvery, int maxFiredPerCheck) {
        this.timing = timing;
        this.checkEvery = checkEvery;
        this.maxFiredPerCheck = maxFiredPerCheck;
    }

    @Override
    public void init(ProcessorContext<String, Envelope<?>> context) {
        this.context = context;
        this.plans = context.getStateStore(PLANS);
        this.dueIndex = new DueIndex(context.getStateStore(DueIndex.STORE));
        this.supervisors = new UnitSupervisors(context.getStateStore(UnitSupervisors.STORE));
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
        ReminderPlan plan = dueIndex.settle(plans.get(taskId));
        if (plan != null && plan.hasSeen(event.id())) {
            return; // a re-published event
        }
        if (plan == null && !(event.data() instanceof TaskAssigned)) {
            log.debug("{} for unknown task {} ignored", event.type(), taskId);
            return;
        }
        if (plan != null && plan.closed() && !(event.data() instanceof TaskReopened || event.data() instanceof ReportRejected)) {
            return; // only an admin's reopening (or rejection of the report that completed it) brings a task back
        }
        ReminderPlan updated = switch (event.data()) {
            case TaskAssigned assigned when plan == null -> ReminderPlan.assign(
                    new Envelope<>(event.id(), event.source(), event.time(), event.traceparent(), assigned), timing,
                    supervisors::of, now);
            case TaskUpdated update when !plan.isOlderThanLastChange(event) ->
                    plan.update(event, update, timing, supervisors::of, now);
            case DeadlineExtended extension when !plan.isOlderThanLastChange(event) ->
                    plan.extend(event, extension, timing, supervisors::of, now);
            case TaskAcknowledged acknowledged -> plan.acknowledge(event.id(), acknowledged.unit());
            case TaskReported reported -> plan.report(event.id(), reported.unit(), timing, supervisors::of, now);
            case ReportRejected rejected -> plan.reopen(event.id(), unit -> unit.code().equals(rejected.unit()), timing,
                    supervisors::of, now);
            case TaskReopened reopened -> plan.reopen(event.id(), unit -> true, timing, supervisors::of, now);
            case TaskCancelled cancelled -> plan.close(event.id(), now);
            case TaskCompleted completed -> plan.close(event.id(), now);
            default -> null; // a duplicate assignment, or an update older than the one already applied
        };
        if (updated != null) {
            replace(plan, updated, event, now);
        }
    }

    private void replace(ReminderPlan old, ReminderPlan updated, Envelope<?> cause, Instant now) {
        boolean changed = reindex(old, updated);
        plans.put(updated.taskId(), updated);
        if (old == null || changed || !old.policy().equals(updated.policy())) {
            forward(updated.planned(cause, now), now);
        }
    }

    /** Brings the due index in line with the plan; true when the pending reminders changed. */
    private boolean reindex(ReminderPlan old, ReminderPlan updated) {
        Set<String> before = old == null ? Set.of() : old.pending().stream().map(DueIndex::key).collect(Collectors.toSet());
        Set<String> after = updated.pending().stream().map(DueIndex::key).collect(Collectors.toSet());
        if (old != null) {
            old.pending().stream().filter(reminder -> !after.contains(DueIndex.key(reminder))).forEach(dueIndex::remove);
        }
        updated.pending().stream().filter(reminder -> !before.contains(DueIndex.key(reminder)))
                .forEach(reminder -> dueIndex.add(updated.taskId(), reminder));
        return !before.equals(after);
    }

    private void fireDue(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        // a burst fires several reminders of one task (one per unit): read each plan once per check, store it at most
        // once, and only when it changed more than the sent one-off reminders, which the index's tombstones record
        Map<String, Fired> touched = new LinkedHashMap<>();
        for (DueIndex.Entry entry : dueIndex.dueBy(now, maxFiredPerCheck)) {
            Fired earlier = touched.get(entry.taskId());
            // settled while this entry is still indexed: read as not sent yet
            ReminderPlan plan = earlier != null ? earlier.plan() : dueIndex.settle(plans.get(entry.taskId()));
            dueIndex.remove(entry);
            Optional<PlannedReminder> reminder = plan == null ? Optional.empty()
                    : plan.pendingReminder(entry.reminderId()).filter(r -> DueIndex.key(r).equals(entry.key()));
            if (reminder.isEmpty()) {
                log.warn("Due index entry {} has no pending reminder in its plan; dropped", entry.key());
                continue;
            }
            Fired fired = fire(plan, reminder.get(), now);
            touched.put(plan.taskId(), earlier != null && earlier.store() ? new Fired(fired.plan(), true) : fired);
        }
        touched.values().stream().filter(Fired::store).forEach(fired -> plans.put(fired.plan().taskId(), fired.plan()));
    }

    /** A plan after a reminder went out, and whether it has to be stored (see {@link #fire}). */
    private record Fired(ReminderPlan plan, boolean store) {
    }

    /**
     * Sends the reminder and works out the plan after it. A one-off reminder (before-due, due, escalation) that brings
     * nothing in leaves the plan as {@link ReminderPlan#sent} makes it: then the stored plan is not rewritten, since
     * the tombstone of the reminder's index entry, in the same transaction as the reminder, already marks it sent
     * ({@link DueIndex#settle} folds it in at the next read). A burst of due reminders so writes one changelog record
     * per reminder (the tombstone) instead of two, and encodes no plan. Anything else (a repeating stage's next
     * occurrence, a unit's progress, a new cycle) is stored.
     */
    private Fired fire(ReminderPlan plan, PlannedReminder reminder, Instant now) {
        String recipient = reminder.recipient();
        if (reminder.stage() == Stage.ESCALATION) {
            // the directory may have changed since the plan was made: the supervisor in office now is told
            recipient = supervisors.of(reminder.unit()).orElse(null);
        }
        if (recipient == null) {
            log.warn("Escalation {} not sent: unit {} has no supervisor in units.directory", reminder.reminderId(),
                    reminder.unit());
        } else {
            forward(plan.due(reminder, recipient, now), now);
        }
        ReminderPlan after = plan.fired(reminder, timing, supervisors::of, now);
        if (ReminderPlan.oneOff(reminder.stage()) && after.cycle() == plan.cycle()) {
            return new Fired(after, false); // after is plan.sent(reminder): the index's tombstone says it all
        }
        ReminderPlan left = plan.withoutPending(reminder);
        // usually nothing comes in: no index work, and nothing new to announce
        if (!after.pending().equals(left.pending())) {
            // the fired reminder's own entry is already gone from the index
            boolean grew = reindex(left, after);
            if (grew) {
                forward(after.planned(reminder, now), now);
            }
        }
        return new Fired(after, true);
    }

    private void forward(Envelope<?> event, Instant now) {
        // fresh headers: the serializer writes this event's CloudEvents attributes, nothing of the input leaks through
        context.forward(new Record<String, Envelope<?>>(event.subject(), event, now.toEpochMilli(), new RecordHeaders()));
    }
}
