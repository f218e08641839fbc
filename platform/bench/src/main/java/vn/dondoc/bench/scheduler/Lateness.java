package vn.dondoc.bench.scheduler;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntToLongFunction;

/**
 * Lateness of one phase (burst or steady): for each expected reminder, when it became visible minus when it was
 * due, in milliseconds. Sent from the db-scheduler process to the harness as one line ({@link #encode()}).
 *
 * @param expected reminders that should have fired
 * @param seen     of them, how many did (once or more)
 * @param repeats  firings beyond the first of the same reminder
 */
record Lateness(int expected, int seen, int repeats, long p50, long p99, long max) {

    static final long UNSEEN = Long.MIN_VALUE;

    /** Times (epoch ms) for {@code count} reminders, none seen yet. */
    static long[] unseen(int count) {
        long[] values = new long[count];
        Arrays.fill(values, UNSEEN);
        return values;
    }

    /** From when each expected reminder fired ({@link #UNSEEN}: never) and when it was due, by index. */
    static Lateness of(long[] firedAt, IntToLongFunction due, int repeats) {
        long[] lateness = new long[firedAt.length];
        for (int i = 0; i < firedAt.length; i++) {
            lateness[i] = firedAt[i] == UNSEEN ? UNSEEN : firedAt[i] - due.applyAsLong(i);
        }
        return of(lateness, repeats);
    }

    private static Lateness of(long[] lateness, int repeats) {
        long[] seen = Arrays.stream(lateness).filter(value -> value != UNSEEN).sorted().toArray();
        if (seen.length == 0) {
            return new Lateness(lateness.length, 0, repeats, -1, -1, -1);
        }
        return new Lateness(lateness.length, seen.length, repeats, percentile(seen, 50), percentile(seen, 99),
                seen[seen.length - 1]);
    }

    /** Reminders per second when all were due at one instant: the last became visible {@link #max} ms after it. */
    double burstThroughput() {
        return seen * 1000.0 / Math.max(1, max);
    }

    String describe() {
        return String.format(Locale.ROOT, "%,d of %,d fired (%,d repeats); lateness ms p50 %,d / p99 %,d / max %,d",
                seen, expected, repeats, p50, p99, max);
    }

    String encode() {
        return "%d %d %d %d %d %d".formatted(expected, seen, repeats, p50, p99, max);
    }

    static Lateness decode(String line) {
        long[] v = Arrays.stream(line.trim().split(" ")).mapToLong(Long::parseLong).toArray();
        return new Lateness((int) v[0], (int) v[1], (int) v[2], v[3], v[4], v[5]);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
