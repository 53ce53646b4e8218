package io.github.camelawsevents.aws.core;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": before retry {@code n} (1-based) wait between half and all of
 * {@code min(max, base * 2^(n-1))}, so retries of many clients spread out but never come back at once.
 */
public record Backoff(Duration base, Duration max) {

    public Backoff {
        if (base.isNegative() || max.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
        if (max.compareTo(base) < 0) {
            throw new IllegalArgumentException("maximum backoff " + max + " is below the base " + base);
        }
    }

    /** The cap of the delay before retry {@code attempt} (1-based), without jitter. */
    public long ceilingMillis(int attempt) {
        long baseMs = base.toMillis();
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long ceiling = baseMs << shift;
        if (ceiling < 0 || (shift > 0 && ceiling >> shift != baseMs)) {
            ceiling = Long.MAX_VALUE;
        }
        return Math.min(ceiling, max.toMillis());
    }

    /** The jittered delay before retry {@code attempt} (1-based). */
    public long delayMillis(int attempt, RandomGenerator random) {
        long ceiling = ceilingMillis(attempt);
        if (ceiling <= 1) {
            return ceiling;
        }
        long half = ceiling / 2;
        return half + random.nextLong(ceiling - half + 1);
    }
}
