package vn.dondoc.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import vn.dondoc.events.EventJson;

/**
 * The checker's verdict on one fault run, written to {@code target/reliability/<fault>.json}.
 *
 * @param healFailure      why the fault could not be healed (a service that did not come back), or null
 * @param reminders        reminders the workload must produce (task × unit × stage)
 * @param dueMissing       of those, never published on {@code reminders.due} (committed)
 * @param dueRepeated      reminder ids published more than once (committed)
 * @param lost             expected deliveries (email per reminder, SMS per DUE) that never arrived
 * @param duplicates       deliveries that arrived more than once, not announced as possible duplicates
 * @param unknownOutcome   deliveries that arrived more than once where the notifier had recorded
 *                         {@code possibleDuplicate=true} (the documented unknown-outcome window)
 * @param unexpected       arrivals that match no expected delivery
 * @param arrivalsVia      copies received by each mail server or SMS gateway (failover shows here)
 * @param consoleMissing   committed event ids of the run's tasks that the console's event log lacks
 * @param consoleRepeated  event ids the console shows more than once
 * @param consoleExtra     event ids in the console that are on no topic
 * @param latenessMillis   arrival − fireAt of the first copy of every delivery: p50, p99, max (email arrivals are
 *                         whole seconds, so an email can look up to 1 s early)
 * @param recoveryMillis   from the injection to the last arrival more than {@value #LATE_SECONDS} s late; null when
 *                         nothing was that late
 * @param examples         a few keys of each kind of defect, for the report
 */
record FaultResult(String fault, long seed, Instant start, Instant injectedAt, Instant healedAt, String healFailure,
        int tasks, int units,
        int reminders, int dueMissing, int dueRepeated, int deliveries, int lost, int duplicates, int unknownOutcome,
        int unexpected, Map<String, Long> arrivalsVia, int consoleEvents, int consoleMissing, int consoleRepeated, int consoleExtra,
        Map<String, Long> latenessMillis, Long recoveryMillis, Map<String, List<String>> examples) {

    static final int LATE_SECONDS = 5;
    private static final int EXAMPLES = 5;

    boolean clean() {
        return healFailure == null && dueMissing == 0 && lost == 0 && duplicates == 0 && consoleMissing == 0 && consoleRepeated == 0
                && consoleExtra == 0;
    }

    static FaultResult of(String fault, long seed, Workload workload, Instant injectedAt, Instant healedAt,
            String healFailure, List<Evidence.Delivery> arrivals, List<Evidence.TopicEvent> events, Map<String, Integer> console) {
        Set<String> expected = workload.expectedDeliveries();
        Set<String> reminders = workload.expectedReminders();

        // the scheduler's side: what fell due, and when
        var fireAt = new HashMap<String, Instant>();
        var dueCounts = new HashMap<String, Integer>();
        var possibleDuplicates = new HashSet<String>();
        for (Evidence.TopicEvent event : events) {
            JsonNode data = event.data();
            if ("reminder.due".equals(event.type())) {
                String reminder = Evidence.reminderKey(data.get("reminderId").asString(), "-");
                reminder = reminder.substring(0, reminder.lastIndexOf('/'));
                fireAt.putIfAbsent(reminder, Instant.parse(data.get("fireAt").asString()));
                dueCounts.merge(data.get("reminderId").asString(), 1, Integer::sum);
            } else if ("notification.sent".equals(event.type()) && data.get("possibleDuplicate").asBoolean()) {
                possibleDuplicates.add(Evidence.reminderKey(data.get("reminderId").asString(),
                        data.get("channel").asString()));
            }
        }
        var dueMissing = new TreeSet<>(reminders);
        dueMissing.removeAll(fireAt.keySet());
        List<String> dueRepeated = dueCounts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();

        // the recipients' side
        Map<String, List<Instant>> copies = arrivals.stream().collect(Collectors.groupingBy(Evidence.Delivery::key,
                Collectors.mapping(Evidence.Delivery::at, Collectors.toList())));
        var lost = new TreeSet<>(expected);
        lost.removeAll(copies.keySet());
        var repeated = copies.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        var unknownOutcome = repeated.stream().filter(possibleDuplicates::contains)
                .collect(Collectors.toCollection(TreeSet::new));
        repeated.removeAll(unknownOutcome);
        var unexpected = new TreeSet<>(copies.keySet());
        unexpected.removeAll(expected);

        var lateness = new ArrayList<Long>();
        var slowest = new TreeSet<String>(Comparator.reverseOrder());
        Instant lastLate = null;
        for (var delivery : copies.entrySet()) {
            String reminder = delivery.getKey().substring(0, delivery.getKey().lastIndexOf('/'));
            Instant first = delivery.getValue().stream().min(Comparator.naturalOrder()).orElseThrow();
            Instant due = fireAt.get(reminder);
            if (due == null || !expected.contains(delivery.getKey())) {
                continue;
            }
            Duration late = Duration.between(due, first);
            lateness.add(late.toMillis());
            slowest.add("%08d ms %s at %s".formatted(late.toMillis(), delivery.getKey(), first));
            if (late.toSeconds() > LATE_SECONDS && first.isAfter(injectedAt) && (lastLate == null || first.isAfter(lastLate))) {
                lastLate = first;
            }
        }

        // the console's side: every committed event of the run's tasks exactly once
        Set<String> published = events.stream().map(Evidence.TopicEvent::id).collect(Collectors.toSet());
        var consoleMissing = new TreeSet<>(published);
        consoleMissing.removeAll(console.keySet());
        List<String> consoleRepeated = console.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey).sorted().toList();
        var consoleExtra = new TreeSet<>(console.keySet());
        consoleExtra.removeAll(published);

        var examples = new LinkedHashMap<String, List<String>>();
        example(examples, "dueMissing", dueMissing);
        example(examples, "dueRepeated", dueRepeated);
        example(examples, "lost", lost);
        example(examples, "duplicates", repeated);
        example(examples, "unknownOutcome", unknownOutcome);
        example(examples, "unexpected", unexpected);
        example(examples, "consoleMissing", consoleMissing);
        example(examples, "consoleRepeated", consoleRepeated);
        example(examples, "consoleExtra", consoleExtra);
        example(examples, "slowest", slowest);

        return new FaultResult(fault, seed, workload.start(), injectedAt, healedAt, healFailure, workload.tasks().size(),
                workload.units().size(), reminders.size(), dueMissing.size(), dueRepeated.size(), expected.size(),
                lost.size(), repeated.size(), unknownOutcome.size(), unexpected.size(),
                arrivals.stream().collect(Collectors.groupingBy(Evidence.Delivery::via, java.util.TreeMap::new,
                        Collectors.counting())), console.size(),
                consoleMissing.size(), consoleRepeated.size(), consoleExtra.size(), percentiles(lateness),
                lastLate == null ? null : Duration.between(injectedAt, lastLate).toMillis(), examples);
    }

    Path write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(fault + ".json");
        Files.writeString(file, EventJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this));
        return file;
    }

    /** One line of the table in docs/reliability.md. */
    String row(String description) {
        String fault = healFailure == null ? description : description + " — **did not come back**";
        return "| %s | %d | %d | %d | %s | %s | %s | %s |".formatted(fault, lost, duplicates, unknownOutcome,
                seconds(latenessMillis.get("p99")), seconds(latenessMillis.get("max")),
                recoveryMillis == null ? "—" : seconds(recoveryMillis),
                consoleMissing + consoleRepeated + consoleExtra == 0 ? "exactly once"
                        : "%d missing, %d repeated, %d extra".formatted(consoleMissing, consoleRepeated, consoleExtra));
    }

    private static String seconds(Long millis) {
        return millis == null ? "—" : "%.1f s".formatted(millis / 1000.0);
    }

    private static Map<String, Long> percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return Map.of();
        }
        List<Long> sorted = values.stream().sorted().toList();
        Function<Double, Long> at = q -> sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
        var percentiles = new LinkedHashMap<String, Long>();
        percentiles.put("p50", at.apply(0.50));
        percentiles.put("p99", at.apply(0.99));
        percentiles.put("max", sorted.getLast());
        percentiles.put("count", (long) sorted.size());
        return percentiles;
    }

    private static void example(Map<String, List<String>> examples, String kind, Collection<String> keys) {
        if (!keys.isEmpty()) {
            examples.put(kind, keys.stream().limit(EXAMPLES).toList());
        }
    }
}
