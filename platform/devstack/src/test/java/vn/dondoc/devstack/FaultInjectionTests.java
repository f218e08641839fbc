package vn.dondoc.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import vn.dondoc.testing.SmsSimulator;

/**
 * Faults injected into the local stack (the four services as processes on real infrastructure) while reminders
 * fall due, one fault per run, at a seeded random moment: nothing due may be lost, nothing delivered twice except
 * in the notifier's documented unknown-outcome window (counted), and the console's event log must show every event
 * exactly once. Each run writes {@code target/reliability/<fault>.json}; docs/reliability.md has the table.
 *
 * <p>{@code -Dfaults.seed=N} repeats the moments of a run, {@code -Dfaults.tasks}, {@code -Dfaults.units} change
 * the load of each run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class FaultInjectionTests {

    private static final long SEED = Long.getLong("faults.seed", System.nanoTime());
    /** Reminders from ~5 s after the tasks are assigned (BEFORE_DUE) until ~16 s (DUE); the fault hits in there. */
    private static final Workload.Shape SHAPE = new Workload.Shape(Integer.getInteger("faults.units", 10),
            Integer.getInteger("faults.tasks", 40), Duration.ofSeconds(10), Duration.ofSeconds(6),
            Duration.ofSeconds(5));
    private static final Path RESULTS = Path.of("target", "reliability");
    private static final String TASKS = "task-service";
    private static final String SCHEDULER = "scheduler-service";
    private static final String NOTIFIER = "notifier-service";
    private static final String CONSOLE = "console-service";

    private final String password = "faults-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> rows = new ArrayList<>();
    private LocalStack stack;
    private Ports ports;
    private StackClient client;
    private SmsSimulator secondarySms;
    private PublicKey linkKey;

    @FunctionalInterface
    private interface Fault {
        void inject(LocalStack stack) throws Exception;
    }

    @BeforeAll
    void startTheStack() throws Exception {
        System.out.println("[faults] seed " + SEED + " (-Dfaults.seed=" + SEED + " repeats the moments)");
        ports = Ports.free();
        client = new StackClient(ports, password);
        secondarySms = SmsSimulator.start(0);
        Path data = Files.createTempDirectory("local-stack-faults-");
        System.out.println("[faults] services' logs: " + data.resolve("logs"));
        // the stack's simulator is the primary SMS provider, a second one stands by
        stack = LocalStack.start(Options.defaults().withData(data).withPorts(ports).withAdminPassword(password)
                .withStartupTimeout(Duration.ofMinutes(5)).withOut(StackClient.statusLinesOnly())
                .withArguments(NOTIFIER, List.of(
                        "--dondoc.sms.providers[0].name=primary", "--dondoc.sms.providers[0].type=generic",
                        "--dondoc.sms.providers[0].url=" + primarySms() + "/api/sms",
                        "--dondoc.sms.providers[1].name=secondary", "--dondoc.sms.providers[1].type=generic",
                        "--dondoc.sms.providers[1].url=" + secondarySms.url() + "/api/sms")));
        System.out.printf("[faults] READY after %.1f s%n", stack.readyAfter().toMillis() / 1000.0);
        linkKey = Evidence.linkKey(data);
    }

    @AfterAll
    void stopTheStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (secondarySms != null) {
            secondarySms.close();
        }
        if (!rows.isEmpty()) {
            Files.createDirectories(RESULTS);
            Files.writeString(RESULTS.resolve("table.md"), String.join(System.lineSeparator(), rows)
                    + System.lineSeparator());
        }
    }

    @Test
    @Order(1)
    void deliversEveryReminderOnceWithoutAFault() throws Exception {
        run("baseline", "none (baseline)", stack -> {
        });
    }

    @Test
    @Order(2)
    void loseNothingWhenTheTaskServiceIsKilled() throws Exception {
        run("kill-task-service", "kill -9 task-service, restarted 3 s later", killAndRestart(TASKS));
    }

    @Test
    @Order(3)
    void loseNothingWhenTheSchedulerIsKilled() throws Exception {
        run("kill-scheduler-service", "kill -9 scheduler-service, restarted 3 s later", killAndRestart(SCHEDULER));
    }

    @Test
    @Order(4)
    void loseNothingWhenTheNotifierIsKilled() throws Exception {
        run("kill-notifier-service", "kill -9 notifier-service, restarted 3 s later", killAndRestart(NOTIFIER));
    }

    @Test
    @Order(5)
    void loseNothingWhenTheConsoleIsKilled() throws Exception {
        run("kill-console-service", "kill -9 console-service, restarted 3 s later", killAndRestart(CONSOLE));
    }

    @Test
    @Order(6)
    void loseNothingWhenTheKafkaBrokerStopsAndComesBack() throws Exception {
        run("kafka-restart", "Kafka broker stopped, started again 5 s later", stack -> {
            stack.stopKafka();
            hold(Duration.ofSeconds(5));
            stack.startKafka();
        });
    }

    @Test
    @Order(7)
    void loseNothingWhenTheMailServerIsDownForAMinute() throws Exception {
        run("smtp-down", "SMTP server down for 60 s", stack -> {
            stack.stopSmtp();
            hold(Duration.ofSeconds(60));
            stack.startSmtp();
        });
    }

    @Test
    @Order(8)
    void failsOverToTheSecondSmsProviderWhileThePrimaryIsDown() throws Exception {
        FaultResult result = run("sms-primary-down", "primary SMS provider answers 503 for 15 s", stack -> {
            assertThat(client.post(primarySms() + "/control/outage?status=503", "").statusCode()).isEqualTo(204);
            hold(Duration.ofSeconds(15));
            assertThat(client.delete(primarySms() + "/control/outage").statusCode()).isEqualTo(204);
        });
        // SMS of DUE reminders fall due after the moment of the outage: they can only have come this way
        assertThat(result.arrivalsVia()).containsKey(secondarySms.url());
    }

    @Test
    @Order(9)
    void loseNothingWhenMongoDbRestarts() throws Exception {
        run("mongo-restart", "MongoDB-wire server stopped, started again 5 s later", stack -> {
            stack.stopMongo();
            hold(Duration.ofSeconds(5));
            stack.startMongo();
        });
    }

    @Test
    @Order(10)
    void loseNothingWhenTheSchedulerIsFrozenForHalfAMinute() throws Exception {
        run("pause-scheduler-service", "scheduler-service paused (SIGSTOP) for 30 s", stack -> {
            stack.pause(SCHEDULER);
            try {
                hold(Duration.ofSeconds(30));
            } finally {
                stack.resume(SCHEDULER);
            }
        });
    }

    private FaultResult run(String name, String description, Fault fault) throws Exception {
        var random = new Random(SEED ^ name.hashCode());
        Workload workload = Workload.assign(client, ports, SHAPE, random);
        System.out.printf("[faults] %s: %d tasks for %d units assigned in %.1f s%n", name, workload.tasks().size(),
                workload.units().size(), Duration.between(workload.start(), Instant.now()).toMillis() / 1000.0);

        // a random moment between just before the first reminder before the deadlines and the middle of the deadlines
        Instant from = workload.start().plus(SHAPE.firstDue()).minus(SHAPE.before()).minusSeconds(2);
        Instant to = workload.start().plus(SHAPE.firstDue()).plus(SHAPE.spread().dividedBy(2));
        Instant moment = from.plusMillis(random.nextLong(Duration.between(from, to).toMillis()));
        hold(Duration.between(Instant.now(), moment));
        Instant injectedAt = Instant.now();
        String healFailure = null;
        try {
            fault.inject(stack);
        } catch (StackFailed e) {
            // what the reminders do when a part does not come back is part of the verdict
            healFailure = e.getMessage().lines().findFirst().orElse(e.toString());
            System.out.println("[faults] " + name + ": not healed: " + e.getMessage());
        }
        Instant healedAt = Instant.now();
        System.out.printf("[faults] %s: injected %.1f s after the assignment, healed %.1f s later%n", name,
                Duration.between(workload.start(), injectedAt).toMillis() / 1000.0,
                Duration.between(injectedAt, healedAt).toMillis() / 1000.0);

        List<Evidence.Delivery> arrivals = awaitDeliveries(workload, healedAt);
        List<Evidence.TopicEvent> events = Evidence.topics(stack.kafkaBootstrapServers(), workload.taskIds());
        Map<String, Integer> console = awaitConsole(workload, events);

        FaultResult result = FaultResult.of(name, SEED, workload, injectedAt, healedAt, healFailure, arrivals, events, console);
        Path file = result.write(RESULTS);
        rows.add(result.row(description));
        System.out.println("[faults] " + result.row(description) + " → " + file);
        assertThat(result.clean()).as("%s: %s", name, Files.readString(file)).isTrue();
        return result;
    }

    /** Until every expected delivery arrived (or two and a half minutes after the fault healed), then until quiet. */
    private List<Evidence.Delivery> awaitDeliveries(Workload workload, Instant healedAt) throws Exception {
        Set<String> expected = workload.expectedDeliveries();
        Instant latest = (healedAt.isAfter(workload.lastDue()) ? healedAt : workload.lastDue()).plusSeconds(150);
        try {
            await("every delivery").atMost(Duration.between(Instant.now(), latest).plusSeconds(1))
                    .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> arrivals(workload).stream().map(Evidence.Delivery::key).collect(Collectors.toSet()),
                            arrived -> arrived.containsAll(expected));
        } catch (ConditionTimeoutException e) {
            System.out.println("[faults] not everything arrived: " + e.getMessage());
        }
        // a late copy shows up as a change in the count
        var last = new AtomicInteger(-1);
        await("no more arrivals").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> {
                    int now = arrivals(workload).size();
                    return last.getAndSet(now) == now;
                });
        return arrivals(workload);
    }

    private List<Evidence.Delivery> arrivals(Workload workload) throws Exception {
        var arrivals = new ArrayList<>(Evidence.emails(ports, workload.units()));
        arrivals.addAll(Evidence.sms(client, List.of(primarySms(), secondarySms.url()), workload.unitsByPhone(),
                linkKey));
        return arrivals;
    }

    /** The console's view once it holds every published event of the run (or after a minute). */
    private Map<String, Integer> awaitConsole(Workload workload, List<Evidence.TopicEvent> events) throws Exception {
        Set<String> published = events.stream().map(Evidence.TopicEvent::id).collect(Collectors.toSet());
        try {
            return await("the console's event log").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptions().until(() -> Evidence.console(client, ports, workload.taskIds()),
                            logged -> new HashSet<>(logged.keySet()).containsAll(published));
        } catch (ConditionTimeoutException e) {
            return Evidence.console(client, ports, workload.taskIds());
        }
    }

    private static Fault killAndRestart(String service) {
        return stack -> {
            stack.kill(service);
            hold(Duration.ofSeconds(3));
            stack.restart(service);
        };
    }

    /** Lets time pass (a fault's "down for N s") without sleeping the thread. */
    private static void hold(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        Instant until = Instant.now().plus(duration);
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).atMost(duration.plusSeconds(5))
                .until(() -> !Instant.now().isBefore(until));
    }

    private String primarySms() {
        return "http://127.0.0.1:" + ports.sms();
    }
}
