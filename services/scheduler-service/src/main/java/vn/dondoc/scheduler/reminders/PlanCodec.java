package vn.dondoc.scheduler.reminders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import tools.jackson.core.JacksonException;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.EventJson;
import vn.dondoc.events.ReminderPolicy;
import vn.dondoc.events.SourceDocument;
import vn.dondoc.events.Stage;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.UnitRole;

/**
 * The stored form of a {@link ReminderPlan} (store {@value ReminderScheduler#PLANS} and its changelog): a compact
 * binary layout, hand-written. Why not JSON any more: in a burst every due reminder reads its plan and writes it
 * back, and JSON (Jackson, ISO-8601 instants) took about two thirds of the stream thread's time (JFR); this form is
 * several times cheaper to read and write, and a third of the size (less RocksDB, changelog and restore work).
 * <p>
 * Layout, version 1: the byte {@code 0x01}, then the plan's components in declaration order. Strings: varint
 * (UTF-8 length + 1, 0 = null) and the bytes; lists: varint (size + 1, 0 = null) and the elements; instants and
 * durations: a presence byte, zigzag-varint seconds, varint nanos; dates: a presence byte and the zigzag-varint
 * epoch day; enums by name (a reordered enum reads the same); ints as zigzag varints; a nullable Boolean as one byte
 * (0 null, 1 false, 2 true); nested records behind a presence byte.
 * <p>
 * Compatibility: state written before this format (JSON, whose first byte is always {@code '{'}) is still read —
 * a changelog or state dir of an older version restores and runs, each plan rewritten in this form at its next
 * change. A record of an unknown version (a newer scheduler's) is refused with a {@link SerializationException}
 * rather than misread. Change the layout only by adding a version: keep the readers of the old ones.
 */
final class PlanCodec {

    static final byte VERSION_1 = 1;
    private static final byte JSON_START = '{';

    private PlanCodec() {
    }

    static Serde<ReminderPlan> serde() {
        return Serdes.serdeFrom((topic, plan) -> plan == null ? null : write(plan),
                (topic, bytes) -> bytes == null ? null : read(bytes));
    }

    static ReminderPlan read(byte[] bytes) {
        if (bytes.length == 0) {
            throw new SerializationException("Empty reminder plan");
        }
        return switch (bytes[0]) {
            case VERSION_1 -> {
                try {
                    yield readVersion1(new In(bytes));
                } catch (RuntimeException e) {
                    throw new SerializationException("Cannot read a reminder plan (binary, version 1)", e);
                }
            }
            case JSON_START -> readJson(bytes);
            default -> throw new SerializationException("Reminder plan in an unknown format (first byte " + bytes[0]
                    + "): written by a newer scheduler?");
        };
    }

    static byte[] write(ReminderPlan plan) {
        var out = new Out();
        out.bytes[out.size++] = VERSION_1;
        out.string(plan.taskId());
        out.optional(plan.assignment(), PlanCodec::assignment);
        out.optional(plan.origin(), (o, origin) -> {
            o.string(origin.eventId());
            o.string(origin.source());
            o.instant(origin.time());
            o.string(origin.traceparent());
        });
        out.optional(plan.policy(), PlanCodec::policy);
        out.list(plan.units(), (o, unit) -> {
            o.string(unit.code());
            o.enumName(unit.role());
            o.bool(unit.notified());
            o.bool(unit.acknowledged());
            o.zigzag(unit.reportedCycle());
            o.zigzag(unit.ackResends());
            o.zigzag(unit.overdueRepeats());
            o.zigzag(unit.progressReminders());
            o.instant(unit.notifiedAt());
        });
        out.list(plan.pending(), (o, reminder) -> {
            o.string(reminder.reminderId());
            o.string(reminder.unit());
            o.enumName(reminder.role());
            o.enumName(reminder.stage());
            o.zigzag(reminder.cycle());
            o.zigzag(reminder.repeat());
            o.string(reminder.recipient());
            o.instant(reminder.fireAt());
        });
        out.list(plan.seenEventIds(), Out::string);
        out.instant(plan.closedAt());
        out.instant(plan.assignedAt());
        out.zigzag(plan.revision());
        out.zigzag(plan.cycle());
        out.date(plan.cycleDay());
        out.instant(plan.lastChangeAt());
        out.list(plan.fired(), Out::string);
        return Arrays.copyOf(out.bytes, out.size);
    }

    private static void assignment(Out out, TaskAssigned task) {
        out.string(task.taskId());
        out.string(task.title());
        out.list(task.leadUnits(), Out::string);
        out.list(task.coordinatingUnits(), Out::string);
        out.string(task.expectedOutput());
        out.optional(task.deadline(), (o, deadline) -> {
            o.enumName(deadline.kind());
            o.date(deadline.dueDate());
            o.instant(deadline.dueAt());
            o.string(deadline.text());
            o.date(deadline.startDate());
            o.string(deadline.condition());
        });
        out.optional(task.policy(), PlanCodec::policy);
        out.optional(task.source(), (o, source) -> {
            o.string(source.number());
            o.date(source.date());
            o.string(source.issuer());
            o.string(source.item());
            o.string(source.group());
        });
        out.instant(task.assignedAt());
    }

    private static void policy(Out out, ReminderPolicy policy) {
        out.list(policy.remindBefore(), Out::duration);
        out.duration(policy.repeatOverdueEvery());
        out.duration(policy.ackWithin());
        out.duration(policy.escalateAfter());
        out.nullableBoolean(policy.workingHoursOnly());
    }

    private static ReminderPlan readVersion1(In in) {
        in.position = 1;
        String taskId = in.string();
        TaskAssigned assignment = in.optional(PlanCodec::assignment);
        ReminderPlan.Origin origin = in.optional(i -> new ReminderPlan.Origin(i.string(), i.string(), i.instant(),
                i.string()));
        ReminderPolicy policy = in.optional(PlanCodec::policy);
        List<PlannedUnit> units = in.list(i -> new PlannedUnit(i.string(), i.enumName(UnitRole.class), i.bool(),
                i.bool(), i.zigzag(), i.zigzag(), i.zigzag(), i.zigzag(), i.instant()));
        List<PlannedReminder> pending = in.list(i -> new PlannedReminder(i.string(), i.string(),
                i.enumName(UnitRole.class), i.enumName(Stage.class), i.zigzag(), i.zigzag(), i.string(), i.instant()));
        List<String> seen = in.list(In::string);
        var plan = new ReminderPlan(taskId, assignment, origin, policy, units, pending, seen, in.instant(), in.instant(),
                in.zigzag(), in.zigzag(), in.date(), in.instant(), in.list(In::string));
        if (in.position != in.bytes.length) {
            throw new IllegalStateException((in.bytes.length - in.position) + " bytes left over");
        }
        return plan;
    }

    private static TaskAssigned assignment(In in) {
        return new TaskAssigned(in.string(), in.string(), in.list(In::string), in.list(In::string), in.string(),
                in.optional(i -> new Deadline(i.enumName(DeadlineKind.class), i.date(), i.instant(), i.string(),
                        i.date(), i.string())),
                in.optional(PlanCodec::policy),
                in.optional(i -> new SourceDocument(i.string(), i.date(), i.string(), i.string(), i.string())),
                in.instant());
    }

    private static ReminderPolicy policy(In in) {
        return new ReminderPolicy(in.list(In::duration), in.duration(), in.duration(), in.duration(),
                in.nullableBoolean());
    }

    /** The stored form until 2026-11-25: the plan as JSON. */
    private static ReminderPlan readJson(byte[] bytes) {
        try {
            return EventJson.MAPPER.readValue(bytes, ReminderPlan.class);
        } catch (JacksonException e) {
            throw new SerializationException("Cannot read a reminder plan (JSON, before version 1)", e);
        }
    }

    @FunctionalInterface
    private interface Writing<T> {
        void write(Out out, T value);
    }

    private static final class Out {

        private byte[] bytes = new byte[512];
        private int size;

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void varint(long value) {
            room(10);
            while ((value & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[size++] = (byte) value;
        }

        void zigzag(long value) {
            varint((value << 1) ^ (value >> 63));
        }

        void flag(boolean present) {
            room(1);
            bytes[size++] = (byte) (present ? 1 : 0);
        }

        void bool(boolean value) {
            flag(value);
        }

        void nullableBoolean(Boolean value) {
            room(1);
            bytes[size++] = (byte) (value == null ? 0 : value ? 2 : 1);
        }

        void string(String value) {
            if (value == null) {
                varint(0);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length + 1L);
            room(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        void enumName(Enum<?> value) {
            string(value == null ? null : value.name());
        }

        void instant(Instant value) {
            flag(value != null);
            if (value != null) {
                zigzag(value.getEpochSecond());
                varint(value.getNano());
            }
        }

        void duration(Duration value) {
            flag(value != null);
            if (value != null) {
                zigzag(value.getSeconds());
                varint(value.getNano());
            }
        }

        void date(LocalDate value) {
            flag(value != null);
            if (value != null) {
                zigzag(value.toEpochDay());
            }
        }

        <T> void optional(T value, Writing<T> writing) {
            flag(value != null);
            if (value != null) {
                writing.write(this, value);
            }
        }

        <T> void list(List<T> values, Writing<T> writing) {
            if (values == null) {
                varint(0);
                return;
            }
            varint(values.size() + 1L);
            for (T value : values) {
                writing.write(this, value);
            }
        }
    }

    private static final class In {

        private final byte[] bytes;
        private int position;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = bytes[position++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalStateException("varint longer than 10 bytes");
        }

        int zigzag() {
            return Math.toIntExact(zigzagLong());
        }

        long zigzagLong() {
            long raw = varint();
            return (raw >>> 1) ^ -(raw & 1);
        }

        boolean flag() {
            return switch (bytes[position++]) {
                case 0 -> false;
                case 1 -> true;
                default -> throw new IllegalStateException("not a flag at " + (position - 1));
            };
        }

        boolean bool() {
            return flag();
        }

        Boolean nullableBoolean() {
            return switch (bytes[position++]) {
                case 0 -> null;
                case 1 -> Boolean.FALSE;
                case 2 -> Boolean.TRUE;
                default -> throw new IllegalStateException("not a Boolean at " + (position - 1));
            };
        }

        String string() {
            int length = Math.toIntExact(varint()) - 1;
            if (length < 0) {
                return null;
            }
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }

        <E extends Enum<E>> E enumName(Class<E> type) {
            String name = string();
            return name == null ? null : Enum.valueOf(type, name);
        }

        Instant instant() {
            return flag() ? Instant.ofEpochSecond(zigzagLong(), varint()) : null;
        }

        Duration duration() {
            return flag() ? Duration.ofSeconds(zigzagLong(), varint()) : null;
        }

        LocalDate date() {
            return flag() ? LocalDate.ofEpochDay(zigzagLong()) : null;
        }

        <T> T optional(Function<In, T> reading) {
            return flag() ? reading.apply(this) : null;
        }

        <T> List<T> list(Function<In, T> reading) {
            int size = Math.toIntExact(varint()) - 1;
            if (size < 0) {
                return null;
            }
            // every element takes a byte at least: a damaged size fails on reading, not on allocating
            List<T> values = new ArrayList<>(Math.min(size, bytes.length - position));
            for (int i = 0; i < size; i++) {
                values.add(reading.apply(this));
            }
            return values;
        }
    }
}
