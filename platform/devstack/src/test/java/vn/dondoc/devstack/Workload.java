package vn.dondoc.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One fault run's units and tasks, assigned over the API: deadlines seconds away without working hours, so that
 * every reminder of the run falls due within a short window and is known in advance. Each task has a lead unit
 * (ASSIGNMENT, BEFORE_DUE, DUE) and every other task a coordinating unit (ASSIGNMENT, DUE); every unit has a
 * mailbox and a phone, SMS go out on DUE.
 */
record Workload(String tag, List<Unit> units, List<Task> tasks, Instant start) {

    record Unit(String code, String email, String phone) {
    }

    record Task(String id, String lead, String coordinating, Instant dueAt) {
    }

    /** How the run is shaped: the window is {@code firstDue − before} … {@code firstDue + spread} from the start. */
    record Shape(int units, int tasks, Duration firstDue, Duration spread, Duration before) {
    }

    static Workload assign(StackClient client, Ports ports, Shape shape, Random random) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        String tasksApi = "http://localhost:" + ports.task() + "/api";
        var units = new ArrayList<Unit>();
        for (int i = 0; i < shape.units(); i++) {
            String code = "F" + tag + "-" + i;
            var unit = new Unit(code, code.toLowerCase() + "@soyte.local",
                    "+849" + "%08d".formatted(random.nextInt(100_000_000)));
            var created = client.post(tasksApi + "/units", """
                    {"code":"%s","name":"Đơn vị thử sự cố %s","emails":["%s"],"phones":["%s"]}"""
                    .formatted(unit.code(), unit.code(), unit.email(), unit.phone()));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            units.add(unit);
        }
        Instant start = Instant.now();
        var tasks = new ArrayList<Task>();
        for (int i = 0; i < shape.tasks(); i++) {
            Instant dueAt = start.plus(shape.firstDue()).plus(shape.spread().multipliedBy(i).dividedBy(shape.tasks()))
                    .truncatedTo(ChronoUnit.SECONDS);
            String lead = units.get(i % units.size()).code();
            String coordinating = i % 2 == 0 ? null : units.get((i + 3) % units.size()).code();
            var created = client.post(tasksApi + "/tasks", """
                    {"title":"Báo cáo thử sự cố %s số %d","leadUnits":["%s"],"coordinatingUnits":%s,
                     "deadline":{"dueAt":"%s"},
                     "policy":{"remindBefore":["%s","PT0S"],"workingHoursOnly":false}}""".formatted(tag, i, lead,
                    coordinating == null ? "[]" : "[\"" + coordinating + "\"]", dueAt.atOffset(ZoneOffset.ofHours(7)),
                    shape.before()));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            tasks.add(new Task(StackClient.JSON.readTree(created.body()).get("id").asString(), lead, coordinating,
                    dueAt));
        }
        return new Workload(tag, List.copyOf(units), List.copyOf(tasks), start);
    }

    /**
     * Every delivery the run must produce, as {@code task/unit/stage/CHANNEL} (stage in the lower case of reminder
     * ids): one email per reminder, one SMS per DUE reminder.
     */
    Set<String> expectedDeliveries() {
        var expected = new LinkedHashSet<String>();
        for (Task task : tasks) {
            for (String stage : List.of("assignment", "before_due", "due")) {
                expected.add(key(task.id(), task.lead(), stage, "EMAIL"));
            }
            expected.add(key(task.id(), task.lead(), "due", "SMS"));
            if (task.coordinating() != null) {
                expected.add(key(task.id(), task.coordinating(), "assignment", "EMAIL"));
                expected.add(key(task.id(), task.coordinating(), "due", "EMAIL"));
                expected.add(key(task.id(), task.coordinating(), "due", "SMS"));
            }
        }
        return expected;
    }

    /** The reminders behind {@link #expectedDeliveries()}: {@code task/unit/stage}. */
    Set<String> expectedReminders() {
        return expectedDeliveries().stream().map(key -> key.substring(0, key.lastIndexOf('/')))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    Set<String> taskIds() {
        return tasks.stream().map(Task::id).collect(Collectors.toSet());
    }

    Map<String, Unit> unitsByPhone() {
        return units.stream().collect(Collectors.toMap(Unit::phone, Function.identity()));
    }

    Instant lastDue() {
        return tasks.stream().map(Task::dueAt).max(Instant::compareTo).orElse(start);
    }

    static String key(String taskId, String unit, String stage, String channel) {
        return taskId + "/" + unit + "/" + stage + "/" + channel;
    }
}
