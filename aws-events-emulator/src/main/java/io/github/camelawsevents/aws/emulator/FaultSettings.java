package io.github.camelawsevents.aws.emulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable fault configuration. Rates are probabilities in {@code [0, 1]} drawn per request (per entry for
 * the entry rates) from a random source that is a pure function of the emulator seed, the API and the
 * request's position in that API's request sequence (see {@link FaultInjector}).
 *
 * <p>The order a request goes through: dropped connection, signature check, throttling burst, token bucket,
 * request throttling, server error, processing (with entry faults), lost response or error after store,
 * latency.
 *
 * <p>Built with {@link #builder()}; {@link #NONE} injects nothing.
 */
public final class FaultSettings {

    /** No faults at all. */
    public static final FaultSettings NONE = builder().build();

    private final double requestThrottleRate;
    private final double serverErrorRate;
    private final double entryThrottleRate;
    private final double entryInternalFailureRate;
    private final Duration latency;
    private final Duration randomLatencyMin;
    private final Duration randomLatencyMax;
    private final double dropConnectionRate;
    private final double lostResponseRate;
    private final double errorAfterStoreRate;
    private final double requestsPerSecond;
    private final ThrottleBurst throttleBurst;
    private final Set<Api> appliesTo;

    private FaultSettings(Builder b) {
        this.requestThrottleRate = b.requestThrottleRate;
        this.serverErrorRate = b.serverErrorRate;
        this.entryThrottleRate = b.entryThrottleRate;
        this.entryInternalFailureRate = b.entryInternalFailureRate;
        this.latency = b.latency;
        this.randomLatencyMin = b.randomLatencyMin;
        this.randomLatencyMax = b.randomLatencyMax;
        this.dropConnectionRate = b.dropConnectionRate;
        this.lostResponseRate = b.lostResponseRate;
        this.errorAfterStoreRate = b.errorAfterStoreRate;
        this.requestsPerSecond = b.requestsPerSecond;
        this.throttleBurst = b.throttleBurst;
        this.appliesTo = Collections.unmodifiableSet(EnumSet.copyOf(b.appliesTo));
    }

    /** A builder with no faults, applying to every {@link Api}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Probability that a whole request is answered with ThrottlingException. */
    public double requestThrottleRate() {
        return requestThrottleRate;
    }

    /** Probability that a whole request is answered with a 500 (InternalServerException / InternalException). */
    public double serverErrorRate() {
        return serverErrorRate;
    }

    /** Probability that one valid PutPartnerEvents/PutEvents entry fails with ErrorCode ThrottlingException. */
    public double entryThrottleRate() {
        return entryThrottleRate;
    }

    /** Probability that one valid PutPartnerEvents/PutEvents entry fails with ErrorCode InternalFailure. */
    public double entryInternalFailureRate() {
        return entryInternalFailureRate;
    }

    /** Fixed latency added to every response. */
    public Duration latency() {
        return latency;
    }

    /** Lower bound of the random latency added on top of {@link #latency()}. */
    public Duration randomLatencyMin() {
        return randomLatencyMin;
    }

    /** Upper bound (inclusive) of the random latency added on top of {@link #latency()}. */
    public Duration randomLatencyMax() {
        return randomLatencyMax;
    }

    /** Probability that the connection is closed before the request is processed. */
    public double dropConnectionRate() {
        return dropConnectionRate;
    }

    /** Probability that a successfully processed request gets no response (connection closed after storing). */
    public double lostResponseRate() {
        return lostResponseRate;
    }

    /** Probability that a successfully processed request is answered with a 500 after storing. */
    public double errorAfterStoreRate() {
        return errorAfterStoreRate;
    }

    /** Token-bucket request rate limit (requests per second, bucket size one second of requests, at least 1); 0 = off. */
    public double requestsPerSecond() {
        return requestsPerSecond;
    }

    /** Periodic throttling bursts, or {@code null} when off. */
    public ThrottleBurst throttleBurst() {
        return throttleBurst;
    }

    /** The APIs these settings apply to. */
    public Set<Api> appliesTo() {
        return appliesTo;
    }

    /** Whether these settings apply to {@code api}. */
    public boolean appliesTo(Api api) {
        return appliesTo.contains(api);
    }

    /** Whether any fault at all is configured. */
    public boolean isNone() {
        return requestThrottleRate == 0 && serverErrorRate == 0 && entryThrottleRate == 0 && entryInternalFailureRate == 0
                && latency.isZero() && randomLatencyMax.isZero() && dropConnectionRate == 0 && lostResponseRate == 0
                && errorAfterStoreRate == 0 && requestsPerSecond == 0 && throttleBurst == null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FaultSettings f)) {
            return false;
        }
        return f.requestThrottleRate == requestThrottleRate && f.serverErrorRate == serverErrorRate
                && f.entryThrottleRate == entryThrottleRate && f.entryInternalFailureRate == entryInternalFailureRate
                && f.latency.equals(latency) && f.randomLatencyMin.equals(randomLatencyMin)
                && f.randomLatencyMax.equals(randomLatencyMax) && f.dropConnectionRate == dropConnectionRate
                && f.lostResponseRate == lostResponseRate && f.errorAfterStoreRate == errorAfterStoreRate
                && f.requestsPerSecond == requestsPerSecond && Objects.equals(f.throttleBurst, throttleBurst)
                && f.appliesTo.equals(appliesTo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requestThrottleRate, serverErrorRate, entryThrottleRate, entryInternalFailureRate, latency,
                randomLatencyMin, randomLatencyMax, dropConnectionRate, lostResponseRate, errorAfterStoreRate,
                requestsPerSecond, throttleBurst, appliesTo);
    }

    @Override
    public String toString() {
        return "FaultSettings[requestThrottleRate=" + requestThrottleRate + ", serverErrorRate=" + serverErrorRate
                + ", entryThrottleRate=" + entryThrottleRate + ", entryInternalFailureRate=" + entryInternalFailureRate
                + ", latency=" + latency + ", randomLatency=" + randomLatencyMin + ".." + randomLatencyMax
                + ", dropConnectionRate=" + dropConnectionRate + ", lostResponseRate=" + lostResponseRate
                + ", errorAfterStoreRate=" + errorAfterStoreRate + ", requestsPerSecond=" + requestsPerSecond
                + ", throttleBurst=" + throttleBurst + ", appliesTo=" + appliesTo + "]";
    }

    /**
     * Throttling bursts: in every period of length {@code every}, counted from the moment the settings were
     * installed, the first {@code length} throttles every request.
     *
     * @param every  the period
     * @param length how long each burst lasts, at most {@code every}
     */
    public record ThrottleBurst(Duration every, Duration length) {
        public ThrottleBurst {
            Objects.requireNonNull(every, "every");
            Objects.requireNonNull(length, "length");
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("throttleBurst every must be positive, was " + every);
            }
            if (length.isNegative() || length.compareTo(every) > 0) {
                throw new IllegalArgumentException(
                        "throttleBurst length must be within 0.." + every + ", was " + length);
            }
        }

        /** Whether {@code elapsedNanos} after installation falls inside a burst. */
        boolean throttles(long elapsedNanos) {
            return Math.floorMod(elapsedNanos, every.toNanos()) < length.toNanos();
        }
    }

    /** Builds {@link FaultSettings}; every value defaults to "off". */
    public static final class Builder {
        private double requestThrottleRate;
        private double serverErrorRate;
        private double entryThrottleRate;
        private double entryInternalFailureRate;
        private Duration latency = Duration.ZERO;
        private Duration randomLatencyMin = Duration.ZERO;
        private Duration randomLatencyMax = Duration.ZERO;
        private double dropConnectionRate;
        private double lostResponseRate;
        private double errorAfterStoreRate;
        private double requestsPerSecond;
        private ThrottleBurst throttleBurst;
        private Set<Api> appliesTo = EnumSet.allOf(Api.class);

        private Builder() {
        }

        private Builder(FaultSettings s) {
            requestThrottleRate = s.requestThrottleRate;
            serverErrorRate = s.serverErrorRate;
            entryThrottleRate = s.entryThrottleRate;
            entryInternalFailureRate = s.entryInternalFailureRate;
            latency = s.latency;
            randomLatencyMin = s.randomLatencyMin;
            randomLatencyMax = s.randomLatencyMax;
            dropConnectionRate = s.dropConnectionRate;
            lostResponseRate = s.lostResponseRate;
            errorAfterStoreRate = s.errorAfterStoreRate;
            requestsPerSecond = s.requestsPerSecond;
            throttleBurst = s.throttleBurst;
            appliesTo = EnumSet.copyOf(s.appliesTo);
        }

        /** See {@link FaultSettings#requestThrottleRate()}. */
        public Builder requestThrottleRate(double rate) {
            this.requestThrottleRate = rate("requestThrottleRate", rate);
            return this;
        }

        /** See {@link FaultSettings#serverErrorRate()}. */
        public Builder serverErrorRate(double rate) {
            this.serverErrorRate = rate("serverErrorRate", rate);
            return this;
        }

        /** See {@link FaultSettings#entryThrottleRate()}. */
        public Builder entryThrottleRate(double rate) {
            this.entryThrottleRate = rate("entryThrottleRate", rate);
            return this;
        }

        /** See {@link FaultSettings#entryInternalFailureRate()}. */
        public Builder entryInternalFailureRate(double rate) {
            this.entryInternalFailureRate = rate("entryInternalFailureRate", rate);
            return this;
        }

        /** See {@link FaultSettings#latency()}. */
        public Builder latency(Duration latency) {
            this.latency = nonNegative("latency", latency);
            return this;
        }

        /** A uniformly distributed latency in {@code [min, max]} added on top of {@link #latency(Duration)}. */
        public Builder randomLatency(Duration min, Duration max) {
            nonNegative("randomLatency min", min);
            nonNegative("randomLatency max", max);
            if (min.compareTo(max) > 0) {
                throw new IllegalArgumentException("randomLatency min " + min + " is greater than max " + max);
            }
            this.randomLatencyMin = min;
            this.randomLatencyMax = max;
            return this;
        }

        /** See {@link FaultSettings#dropConnectionRate()}. */
        public Builder dropConnectionRate(double rate) {
            this.dropConnectionRate = rate("dropConnectionRate", rate);
            return this;
        }

        /** See {@link FaultSettings#lostResponseRate()}. */
        public Builder lostResponseRate(double rate) {
            this.lostResponseRate = rate("lostResponseRate", rate);
            return this;
        }

        /** See {@link FaultSettings#errorAfterStoreRate()}. */
        public Builder errorAfterStoreRate(double rate) {
            this.errorAfterStoreRate = rate("errorAfterStoreRate", rate);
            return this;
        }

        /** See {@link FaultSettings#requestsPerSecond()}; 0 turns the token bucket off. */
        public Builder requestsPerSecond(double requestsPerSecond) {
            if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
                throw new IllegalArgumentException("requestsPerSecond must be >= 0, was " + requestsPerSecond);
            }
            this.requestsPerSecond = requestsPerSecond;
            return this;
        }

        /** Throttle every request during the first {@code length} of every {@code every}; see {@link ThrottleBurst}. */
        public Builder throttleBurst(Duration every, Duration length) {
            this.throttleBurst = new ThrottleBurst(every, length);
            return this;
        }

        /** Sets or clears ({@code null}) the throttling bursts. */
        public Builder throttleBurst(ThrottleBurst burst) {
            this.throttleBurst = burst;
            return this;
        }

        /** The APIs these settings apply to (default: all). */
        public Builder appliesTo(Api... apis) {
            if (apis == null || apis.length == 0) {
                throw new IllegalArgumentException("appliesTo needs at least one Api");
            }
            this.appliesTo = EnumSet.copyOf(Arrays.asList(apis));
            return this;
        }

        /** The immutable settings. */
        public FaultSettings build() {
            return new FaultSettings(this);
        }

        private static double rate(String name, double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException(name + " must be within 0..1, was " + rate);
            }
            return rate;
        }

        private static Duration nonNegative(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + d);
            }
            return d;
        }
    }
}
