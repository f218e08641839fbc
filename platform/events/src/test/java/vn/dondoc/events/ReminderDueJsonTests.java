package vn.dondoc.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class ReminderDueJsonTests {

    private static final Instant AT = Instant.parse("2026-11-24T03:05:00Z");

    @Test
    void writesTheSameBytesAsJackson() {
        var random = new SplittableRandom(42);
        List<ReminderDue> samples = new ArrayList<>(List.of(
                (ReminderDue) SampleEvents.of(EventType.REMINDER_DUE, "T-1"),
                new ReminderDue("id", "T-2", "U1", null, null, 0, null, null, null),
                new ReminderDue("id", "T-3", "U1", UnitRole.COORDINATING, Stage.ESCALATION, Integer.MAX_VALUE, "BGD",
                        Instant.parse("2026-05-20T10:00:00.123456789Z"),
                        new TaskSummary(null, null, null, List.of(), new Deadline(DeadlineKind.RECURRING_MONTHLY, null,
                                null, null, LocalDate.of(2026, 1, 1), "khi có hướng dẫn"),
                                new SourceDocument(null, null, null, null, "I. Đổi mới"))),
                new ReminderDue("\"quoted\" \\ back/slash", "T-4", "\u0000\u0001\b\t\n\u000b\f\r\u001f\u007f", UnitRole.LEAD,
                        Stage.DUE, -1, "ÀÁÂÃ ệ Ỷ ₫ \u0800 \uffff", Instant.EPOCH, null)));
        for (int i = 0; i < 500; i++) {
            samples.add(new ReminderDue(text(random), text(random), text(random), UnitRole.LEAD, Stage.BEFORE_DUE,
                    random.nextInt(), text(random), Instant.ofEpochMilli(random.nextLong(0, 4_000_000_000_000L)),
                    new TaskSummary(text(random), text(random), List.of(text(random), text(random)), List.of(),
                            new Deadline(DeadlineKind.DATE, LocalDate.ofEpochDay(random.nextInt(30_000)),
                                    Instant.ofEpochSecond(random.nextLong(4_000_000_000L), random.nextInt(1_000_000_000)),
                                    text(random)),
                            new SourceDocument(text(random), LocalDate.ofEpochDay(random.nextInt(30_000)),
                                    text(random), text(random)))));
        }

        for (ReminderDue due : samples) {
            assertThat(new String(ReminderDueJson.write(due), StandardCharsets.UTF_8))
                    .isEqualTo(new String(EventJson.MAPPER.writeValueAsBytes(due), StandardCharsets.UTF_8));
        }
    }

    @Test
    void leavesTextWithSurrogatesToJackson() {
        var due = new ReminderDue("id", "T-5", "U1", UnitRole.LEAD, Stage.DUE, 1, "U1", AT,
                new TaskSummary("Báo cáo 😀", null, List.of("U1"), List.of(), null, null));

        assertThat(ReminderDueJson.write(due)).isNull();
        byte[] written = new CloudEventSerializer().serialize(Topics.REMINDERS, new RecordHeaders(),
                Envelope.of("/dondoc/test", due, Clock.fixed(AT, ZoneOffset.UTC)));
        assertThat(written).isEqualTo(EventJson.MAPPER.writeValueAsBytes(due));
    }

    @Test
    void writesEachCloudEventsHeaderOnceAlsoOverEarlierValues() {
        var envelope = Envelope.of("/dondoc/test", SampleEvents.of(EventType.REMINDER_DUE, "T-6"),
                Clock.fixed(AT, ZoneOffset.UTC));
        var headers = new RecordHeaders().add(CloudEventHeaders.TYPE, "task.assigned".getBytes(StandardCharsets.UTF_8))
                .add("other", new byte[] {1});

        new CloudEventSerializer().serialize(Topics.REMINDERS, headers, envelope);

        assertThat(Arrays.stream(headers.toArray()).map(header -> header.key())).containsExactlyInAnyOrder("other",
                "ce_id", "ce_type", "ce_source", "ce_time", "ce_subject", "ce_specversion", "content-type", "traceparent");
        assertThat(CloudEventHeaders.text(headers, CloudEventHeaders.TYPE)).isEqualTo("reminder.due");
        var read = new CloudEventDeserializer().deserialize(Topics.REMINDERS, headers,
                new CloudEventSerializer().serialize(Topics.REMINDERS, new RecordHeaders(), envelope));
        assertThat(read).isEqualTo(envelope);
    }

    @Test
    void anEffectKeepsTheTraceOfItsCauseWithANewSpan() {
        var cause = Envelope.of("/dondoc/test", SampleEvents.of(EventType.TASK_ASSIGNED, "T-7"), Clock.systemUTC());
        var effect = Envelope.causedBy(cause, "e-1", "/dondoc/test", SampleEvents.of(EventType.REMINDER_DUE, "T-7"),
                Clock.systemUTC());

        assertThat(effect.traceId()).isEqualTo(cause.traceId()).hasSize(32);
        assertThat(effect.traceparent()).matches("00-\\p{XDigit}{32}-\\p{XDigit}{16}-01")
                .startsWith(cause.traceparent().substring(0, 36)).isNotEqualTo(cause.traceparent());
        var odd = new Envelope<>("c-1", "/dondoc/test", AT, "00-abc-def-01", cause.data());
        assertThat(Envelope.causedBy(odd, "e-2", "/dondoc/test", cause.data(), Clock.systemUTC()).traceparent())
                .matches("00-abc-\\p{XDigit}{16}-01");
        assertThat(odd.traceId()).isEqualTo("abc");
    }

    /** Vietnamese, ASCII punctuation, quotes, backslashes and control characters; no surrogates. */
    private static String text(SplittableRandom random) {
        String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠẰẮẲẴẶệỆỷỶ0123456789 .,;:/\\\"'-_()[]{}<>&%#\t\n\r\u0001\u001f\u007f₫";
        var text = new StringBuilder();
        int length = random.nextInt(0, 40);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
