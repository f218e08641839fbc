package vn.dondoc.console.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.dondoc.console.eventlog.Wording;

/** Reads the task projection and places every task that is not cancelled in its category, as of now. */
@Component
class TaskBoard {

    static final Duration DUE_SOON = Duration.ofDays(3);

    private final TaskProjection tasks;
    private final Clock clock;

    TaskBoard(TaskProjection tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    /** A task as the board shows it; {@code overdueDays} is 0 unless it is overdue. */
    record Entry(String taskId, String title, List<String> leadUnits, String deadline, Standing standing,
                 long overdueDays, List<String> acknowledged, List<String> reported) {
    }

    /** One lead unit's row: counts per category and its open tasks, most overdue first. */
    record UnitRow(String unit, Map<Standing, Integer> counts, List<Entry> open) {
    }

    record Board(List<UnitRow> units, Map<Standing, Integer> totals, List<Entry> awaitingTrigger) {
    }

    Board board() {
        Instant now = clock.instant();
        Map<String, UnitRow> units = new TreeMap<>();
        Map<Standing, Integer> totals = new EnumMap<>(Standing.class);
        List<Entry> awaiting = new ArrayList<>();
        // only described tasks: events of a task whose assignment the log has not seen yet are not shown
        for (Document task : tasks.tasks().values()) {
            if (task.get("cancelledAt") != null || task.get("describedAt") == null) {
                continue;
            }
            Entry entry = entry(task, now);
            if (entry.standing() == Standing.AWAITING_TRIGGER) {
                awaiting.add(entry);
                continue;
            }
            totals.merge(entry.standing(), 1, Integer::sum);
            for (String unit : entry.leadUnits().isEmpty() ? List.of("—") : entry.leadUnits()) {
                UnitRow row = units.computeIfAbsent(unit, code -> new UnitRow(code, new EnumMap<>(Standing.class), new ArrayList<>()));
                row.counts().merge(entry.standing(), 1, Integer::sum);
                if (entry.standing().open()) {
                    row.open().add(entry);
                }
            }
        }
        units.values().forEach(row -> row.open().sort((a, b) -> Long.compare(b.overdueDays(), a.overdueDays())));
        return new Board(List.copyOf(units.values()), totals, awaiting);
    }

    static Entry entry(Document task, Instant now) {
        Document deadline = task.get("deadline", Document.class);
        Instant due = dueOf(deadline);
        Standing standing;
        long overdueDays = 0;
        if (task.get("completedAt") != null) {
            standing = task.getBoolean("onTime", false) ? Standing.DONE_ON_TIME : Standing.DONE_LATE;
        } else if (due == null) {
            standing = deadline != null && "AWAITING_TRIGGER".equals(deadline.getString("kind"))
                    ? Standing.AWAITING_TRIGGER : Standing.NO_DEADLINE;
        } else if (now.isAfter(due)) {
            standing = Standing.OVERDUE;
            LocalDate dueDay = due.atZone(Wording.VIETNAM).toLocalDate();
            overdueDays = Math.max(1, ChronoUnit.DAYS.between(dueDay, now.atZone(Wording.VIETNAM).toLocalDate()));
        } else if (!now.plus(DUE_SOON).isBefore(due)) {
            standing = Standing.DUE_SOON;
        } else {
            standing = Standing.IN_TIME;
        }
        return new Entry(task.getString("_id"), Objects.requireNonNullElse(task.getString("title"), "(chưa có tên)"),
                task.getList("leadUnits", String.class, List.of()), Wording.deadline(deadline), standing, overdueDays,
                task.getList("acknowledged", String.class, List.of()), task.getList("reported", String.class, List.of()));
    }

    /** When the task falls due: its instant, else 17:00 in Vietnam on its date (the end of the working day). */
    private static Instant dueOf(Document deadline) {
        if (deadline == null) {
            return null;
        }
        if (deadline.get("dueAt") != null) {
            return Instant.parse(deadline.get("dueAt").toString());
        }
        if (deadline.get("dueDate") != null) {
            return LocalDate.parse(deadline.get("dueDate").toString()).atTime(17, 0).atZone(Wording.VIETNAM).toInstant();
        }
        return null;
    }
}
