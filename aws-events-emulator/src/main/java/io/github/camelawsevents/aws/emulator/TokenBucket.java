package io.github.camelawsevents.aws.emulator;

/**
 * A token bucket for the {@code requestsPerSecond} fault: refills continuously at the rate, holds at most one
 * second of requests (at least one token), starts full.
 */
final class TokenBucket {
    private final double tokensPerNano;
    private final double capacity;
    private double tokens;
    private long lastRefillNanos;

    TokenBucket(double requestsPerSecond, long nowNanos) {
        this.tokensPerNano = requestsPerSecond / 1_000_000_000d;
        this.capacity = Math.max(1d, requestsPerSecond);
        this.tokens = capacity;
        this.lastRefillNanos = nowNanos;
    }

    synchronized boolean tryAcquire(long nowNanos) {
        long elapsed = nowNanos - lastRefillNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            lastRefillNanos = nowNanos;
        }
        if (tokens >= 1d) {
            tokens -= 1d;
            return true;
        }
        return false;
    }
}
