package vn.dondoc.scheduler.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dondoc.events.Stage;
import vn.dondoc.events.UnitRole;

/** The time-ordered index alone, on an in-memory store: what a check finds, also after earlier checks. */
class DueIndexTests {

    private static final Instant T = Instant.parse("2026-05-20T03:00:00Z");

    private DueIndex index;

    @BeforeEach
    void store() {
        KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(DueIndex.STORE),
                Serdes.String(), Serdes.String()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        index = new DueIndex(store);
    }

    @Test
    void findsWhatIsDueEarliestFirstAndNothingLater() {
        index.add("t2", reminder("b", T.plusSeconds(2)));
        index.add("t1", reminder("a", T.plusSeconds(1)));
        index.add("t3", reminder("c", T.plusSeconds(3)));

        assertThat(fire(T.plusSeconds(2), 10)).containsExactly("a", "b");
        assertThat(fire(T.plusSeconds(2), 10)).isEmpty();
        assertThat(fire(T.plusSeconds(3), 10)).containsExactly("c");
    }

    @Test
    void continuesWhereALimitedCheckStopped() {
        for (int i = 0; i < 5; i++) {
            index.add("t" + i, reminder("r" + i, T.plusMillis(i)));
        }

        assertThat(fire(T.plusSeconds(1), 2)).containsExactly("r0", "r1");
        assertThat(fire(T.plusSeconds(1), 2)).containsExactly("r2", "r3");
        assertThat(fire(T.plusSeconds(1), 2)).containsExactly("r4");
    }

    @Test
    void findsAReminderAddedBelowWhatEarlierChecksPassed() {
        index.add("t1", reminder("later", T.plusSeconds(60)));
        assertThat(fire(T.plusSeconds(10), 10)).isEmpty();

        // planned after the check, but due before it (a re-plan "from now" a moment behind the check's clock)
        index.add("t2", reminder("earlier", T.plusSeconds(5)));

        assertThat(fire(T.plusSeconds(10), 10)).containsExactly("earlier");
        assertThat(fire(T.plusSeconds(60), 10)).containsExactly("later");
    }

    /** One check as the scheduler does it: every entry returned is removed. */
    private List<String> fire(Instant now, int limit) {
        List<DueIndex.Entry> due = index.dueBy(now, limit);
        due.forEach(index::remove);
        return due.stream().map(DueIndex.Entry::reminderId).toList();
    }

    private static PlannedReminder reminder(String id, Instant fireAt) {
        return new PlannedReminder(id, "U1", UnitRole.LEAD, Stage.DUE, 1, 0, "U1", fireAt);
    }
}
