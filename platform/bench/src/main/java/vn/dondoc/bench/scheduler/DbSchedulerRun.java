package vn.dondoc.bench.scheduler;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The db-scheduler side of {@link BurstBench}, in a process of its own. Same workload as the Kafka Streams scheduler
 * gets: {@code open} one-time executions a year ahead, {@code burst} due at one instant, then
 * {@code steadySeconds × 1,000} due one per millisecond; the execution handler records when it runs (lateness = that
 * − the execution time). Embedded PostgreSQL 17 (zonky binaries, its default settings), HikariCP, db-scheduler with
 * lock-and-fetch polling. Arguments: open, burst, steady seconds, gap between the burst and the steady phase (s),
 * threads. Prints {@code RESULT burst <lateness>} and {@code RESULT steady <lateness>} lines.
 */
public final class DbSchedulerRun {

    private static final String TABLE = """
            create table scheduled_tasks (
              task_name text not null,
              task_instance text not null,
              task_data bytea,
              execution_time timestamp with time zone not null,
              picked boolean not null,
              picked_by text,
              last_success timestamp with time zone,
              last_failure timestamp with time zone,
              consecutive_failures int,
              last_heartbeat timestamp with time zone,
              version bigint not null,
              priority smallint,
              primary key (task_name, task_instance));
            create index execution_time_idx on scheduled_tasks (execution_time);
            create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
            create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
            """;

    private DbSchedulerRun() {
    }

    public static void main(String[] args) throws Exception {
        int open = Integer.parseInt(args[0]);
        int burst = Integer.parseInt(args[1]);
        int steady = Integer.parseInt(args[2]) * 1_000;
        Duration gap = Duration.ofSeconds(Long.parseLong(args[3]));
        int threads = Integer.parseInt(args[4]);

        var root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.WARN);
        Path dir = Files.createTempDirectory("db-scheduler-bench");
        try (var postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(true).start();
             var dataSource = pool(postgres.getJdbcUrl("postgres", "postgres"), threads + 4)) {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                statement.execute(TABLE);
            }
            long[] burstFired = Lateness.unseen(burst);
            long[] steadyFired = Lateness.unseen(steady);
            var burstRepeats = new AtomicInteger();
            var steadyRepeats = new AtomicInteger();
            var outstanding = new CountDownLatch(burst + steady);
            OneTimeTask<Void> reminder = Tasks.oneTime("reminder").execute((instance, context) -> {
                long now = System.currentTimeMillis();
                String id = instance.getId();
                long[] fired = id.charAt(0) == 'B' ? burstFired : id.charAt(0) == 'S' ? steadyFired : null;
                if (fired == null) {
                    return; // a far-future one: never due during the run
                }
                int index = Integer.parseInt(id, 2, id.length(), 10);
                if (fired[index] == Lateness.UNSEEN) {
                    fired[index] = now;
                    outstanding.countDown(); // the latch publishes the array writes to the main thread
                } else {
                    (fired == burstFired ? burstRepeats : steadyRepeats).incrementAndGet();
                }
            });
            var client = SchedulerClient.Builder.create(dataSource, reminder).build();

            Instant loading = Instant.now();
            Instant yearAhead = loading.plus(Duration.ofDays(365));
            schedule(client, open, i -> reminder.instance("L-" + i), i -> yearAhead);
            Duration loaded = Duration.between(loading, Instant.now());
            System.out.printf("db-scheduler: %,d executions a year ahead scheduled in %s (%,.0f/s, scheduleBatch "
                    + "of 10,000)%n", open, loaded, open * 1000.0 / Math.max(1, loaded.toMillis()));

            // the burst and steady executions go in the same way; the burst falls due once they are all in
            Instant due = Instant.now().plusMillis(5_000 + (long) ((burst + steady) * 1.5 * loaded.toMillis() / open));
            Instant steadyFrom = due.plus(gap);
            schedule(client, burst, i -> reminder.instance("B-" + i), i -> due);
            schedule(client, steady, i -> reminder.instance("S-" + i), i -> steadyFrom.plusMillis(i));
            System.out.printf("db-scheduler: burst and steady executions in at %s, burst due at %s%n", Instant.now(),
                    due);

            Scheduler scheduler = Scheduler.create(dataSource, reminder)
                    .threads(threads)
                    .pollUsingLockAndFetch(0.5, 4.0)
                    .pollingInterval(Duration.ofMillis(250))
                    .build();
            scheduler.start();
            boolean all = outstanding.await(gap.toSeconds() + steady / 1_000 + 600, TimeUnit.SECONDS);
            scheduler.stop();
            System.out.printf("db-scheduler: %s; table scheduled_tasks %,d MiB%n", all ? "all fired" : "TIMED OUT",
                    tableBytes(dataSource) / (1024 * 1024));
            System.out.println("RESULT burst "
                    + Lateness.of(burstFired, i -> due.toEpochMilli(), burstRepeats.get()).encode());
            System.out.println("RESULT steady " + Lateness.of(steadyFired,
                    i -> steadyFrom.toEpochMilli() + i, steadyRepeats.get()).encode());
        }
    }

    private static void schedule(SchedulerClient client, int count, IntFunction<TaskInstance<Void>> instance,
                                 IntFunction<Instant> at) {
        List<SchedulableInstance<?>> batch = new ArrayList<>(10_000);
        for (int i = 0; i < count; i++) {
            batch.add(SchedulableInstance.of(instance.apply(i), at.apply(i)));
            if (batch.size() == 10_000 || i == count - 1) {
                client.scheduleBatch(batch);
                batch.clear();
            }
        }
    }

    private static HikariDataSource pool(String url, int size) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    private static long tableBytes(HikariDataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
             var result = statement.executeQuery("select pg_total_relation_size('scheduled_tasks')")) {
            result.next();
            return result.getLong(1);
        }
    }
}
