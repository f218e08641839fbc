package vn.dondoc.task.acknowledgements;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client address for the public pages: a person clicks a few times, a flood of guesses or a
 * misbehaving scanner is stopped before any token is decoded. Buckets that have filled up again are forgotten when
 * the map grows, so a spray of addresses cannot exhaust memory.
 */
@Component
class Flood {

    private static final int FORGET_ABOVE = 10_000;

    private final int burst;
    private final Duration refillEvery;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    Flood(LinkProperties properties, Clock clock) {
        this.burst = Math.max(properties.flood().burst(), 1);
        this.refillEvery = properties.flood().refillEvery();
        this.clock = clock;
    }

    /** Spends one request of the address; false when it has none left. */
    boolean allows(String address) {
        Instant now = clock.instant();
        if (buckets.size() > FORGET_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.refilled(now, burst, refillEvery).tokens() >= burst);
        }
        var bucket = buckets.compute(address, (key, old) ->
                (old == null ? new Bucket(burst, now) : old.refilled(now, burst, refillEvery)).spend());
        return bucket.granted();
    }

    private record Bucket(double tokens, Instant at, boolean granted) {

        Bucket(double tokens, Instant at) {
            this(tokens, at, false);
        }

        Bucket refilled(Instant now, int burst, Duration refillEvery) {
            double gained = Duration.between(at, now).toNanos() / (double) refillEvery.toNanos();
            return gained <= 0 ? this : new Bucket(Math.min(burst, tokens + gained), now, granted);
        }

        Bucket spend() {
            return tokens >= 1 ? new Bucket(tokens - 1, at, true) : new Bucket(tokens, at, false);
        }
    }
}
