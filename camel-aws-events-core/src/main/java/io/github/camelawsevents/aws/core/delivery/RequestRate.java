package io.github.camelawsevents.aws.core.delivery;

/**
 * A cap on requests per second (a token bucket): at most {@code perSecond} requests in any second on average, and
 * bursts of at most {@code burst} requests. A pure value over {@link System#nanoTime()} readings: it reads no clock
 * itself, so it is tested without waiting. Not thread-safe: the pipeline asks it from one drain at a time.
 */
final class RequestRate {

    private static final long SECOND = 1_000_000_000L;

    private final double perSecond;
    private final double burst;
    private final long nanosPerToken;
    private double tokens;
    private long refilledAt;
    private boolean started;

    /**
     * @param perSecond the most requests per second; 0 or less: no cap
     * @param burst     the most requests sent back to back after a quiet spell (at least 1)
     */
    RequestRate(double perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.nanosPerToken = perSecond > 0 ? Math.max(1, (long) (SECOND / perSecond)) : 0;
        this.tokens = this.burst;
    }

    /** Whether there is a cap at all. */
    boolean capped() {
        return perSecond > 0;
    }

    /** How many nanoseconds until a request may go: 0 when one may go now (then {@link #take} counts it). */
    long waitNanos(long nowNanos) {
        if (!capped()) {
            return 0;
        }
        refill(nowNanos);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * nanosPerToken);
    }

    /** A request went at {@code nowNanos}. */
    void take(long nowNanos) {
        if (capped()) {
            refill(nowNanos);
            tokens -= 1;
        }
    }

    private void refill(long nowNanos) {
        if (!started) {
            started = true;
            refilledAt = nowNanos;
            return;
        }
        long elapsed = nowNanos - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + (double) elapsed / nanosPerToken);
            refilledAt = nowNanos;
        }
    }
}
