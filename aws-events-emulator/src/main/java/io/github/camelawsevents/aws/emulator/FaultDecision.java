package io.github.camelawsevents.aws.emulator;

import java.util.SplittableRandom;

/**
 * The faults drawn for one request. All random draws happen in a fixed order from a random source seeded
 * by (emulator seed, API, request number), so the same seed and the same request sequence give the same
 * decisions.
 */
final class FaultDecision {

    /** Entry error code for a throttled entry. */
    static final String ENTRY_THROTTLED = "ThrottlingException";
    /** Entry error code for an internal failure. */
    static final String ENTRY_INTERNAL_FAILURE = "InternalFailure";

    static final FaultDecision NONE = new FaultDecision();

    final boolean dropConnection;
    final boolean throttle;
    final boolean serverError;
    final boolean lostResponse;
    final boolean errorAfterStore;
    final long latencyNanos;
    private final SplittableRandom entryRandom;
    private final double entryThrottleRate;
    private final double entryInternalFailureRate;
    private final FaultInjector.Installed installed;

    private FaultDecision() {
        dropConnection = false;
        throttle = false;
        serverError = false;
        lostResponse = false;
        errorAfterStore = false;
        latencyNanos = 0;
        entryRandom = null;
        entryThrottleRate = 0;
        entryInternalFailureRate = 0;
        installed = null;
    }

    FaultDecision(FaultSettings s, SplittableRandom random, FaultInjector.Installed installed) {
        // fixed draw order, whatever the rates: decisions of request n never depend on the settings of others
        double dropDraw = random.nextDouble();
        double throttleDraw = random.nextDouble();
        double serverDraw = random.nextDouble();
        double lostDraw = random.nextDouble();
        double afterStoreDraw = random.nextDouble();
        long minNanos = s.randomLatencyMin().toNanos();
        long maxNanos = s.randomLatencyMax().toNanos();
        long randomLatency = random.nextLong(maxNanos - minNanos + 1) + minNanos;
        this.dropConnection = dropDraw < s.dropConnectionRate();
        this.throttle = throttleDraw < s.requestThrottleRate();
        this.serverError = serverDraw < s.serverErrorRate();
        this.lostResponse = lostDraw < s.lostResponseRate();
        this.errorAfterStore = afterStoreDraw < s.errorAfterStoreRate();
        this.latencyNanos = s.latency().toNanos() + (maxNanos > 0 ? randomLatency : 0);
        this.entryRandom = random.split();
        this.entryThrottleRate = s.entryThrottleRate();
        this.entryInternalFailureRate = s.entryInternalFailureRate();
        this.installed = installed;
    }

    /**
     * The time-based throttling for this request (burst window, then token bucket), evaluated now, or
     * {@code null} when it may pass.
     */
    FaultKind admission(Api api) {
        return installed == null ? null : installed.admission(api);
    }

    /**
     * The injected error code of the next entry (call once per entry, in entry order), or {@code null}.
     * Throttling is drawn first, then internal failure.
     */
    String nextEntryFault() {
        if (entryRandom == null) {
            return null;
        }
        double throttleDraw = entryRandom.nextDouble();
        double internalDraw = entryRandom.nextDouble();
        if (throttleDraw < entryThrottleRate) {
            return ENTRY_THROTTLED;
        }
        if (internalDraw < entryInternalFailureRate) {
            return ENTRY_INTERNAL_FAILURE;
        }
        return null;
    }
}
