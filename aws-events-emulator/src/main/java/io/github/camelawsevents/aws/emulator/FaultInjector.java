package io.github.camelawsevents.aws.emulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live fault configuration of a running emulator. Thread-safe; every change takes effect for the next
 * request.
 *
 * <p><b>Reproducibility.</b> Each API counts its requests from 1, starting again whenever settings are
 * installed. The random draws of request {@code n} of API {@code a} come from a generator seeded with a
 * hash of (seed, a, n), so they do not depend on which thread handles the request or on the other APIs'
 * traffic. A sequential client therefore sees the same fault sequence for the same seed; with concurrent
 * clients the decisions per request number are the same, but which request gets which number follows the
 * arrival order. The token bucket and throttling bursts depend on time, not on the seed.
 */
public final class FaultInjector {

    private final long seed;
    private volatile FaultSettings current = FaultSettings.NONE;
    private volatile Map<Api, Installed> byApi = new EnumMap<>(Api.class);

    FaultInjector(long seed, FaultSettings initial) {
        this.seed = seed;
        set(initial);
    }

    /** Replaces all fault settings: {@code settings} applies to the APIs in its {@code appliesTo}, the others get none. */
    public synchronized void set(FaultSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Map<Api, Installed> next = new EnumMap<>(Api.class);
        install(next, settings);
        byApi = next;
        current = settings;
    }

    /**
     * Installs {@code settings} for the APIs in its {@code appliesTo} only, keeping the other APIs' settings;
     * use it to give each API different faults.
     */
    public synchronized void add(FaultSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Map<Api, Installed> next = new EnumMap<>(Api.class);
        next.putAll(byApi);
        install(next, settings);
        byApi = next;
        current = settings;
    }

    /** The settings most recently passed to {@link #set} or {@link #add}. */
    public FaultSettings current() {
        return current;
    }

    /** The settings in force for {@code api} ({@link FaultSettings#NONE} when none). */
    public FaultSettings current(Api api) {
        Installed installed = byApi.get(api);
        return installed == null ? FaultSettings.NONE : installed.settings;
    }

    /** Removes every fault. */
    public void clear() {
        set(FaultSettings.NONE);
    }

    /** The seed all random fault decisions derive from. */
    public long seed() {
        return seed;
    }

    private void install(Map<Api, Installed> target, FaultSettings settings) {
        Installed installed = settings.isNone() ? null : new Installed(settings, System.nanoTime());
        for (Api api : settings.appliesTo()) {
            if (installed == null) {
                target.remove(api);
            } else {
                target.put(api, installed);
            }
        }
    }

    /** Draws the faults of the next request of {@code api}. */
    FaultDecision decide(Api api) {
        Installed installed = byApi.get(api);
        if (installed == null) {
            return FaultDecision.NONE;
        }
        long n = installed.counters[api.ordinal()].incrementAndGet();
        long requestSeed = mix64(mix64(seed ^ 0x9E3779B97F4A7C15L * (api.ordinal() + 1)) + n);
        return new FaultDecision(installed.settings, new SplittableRandom(requestSeed), installed);
    }

    /** Stafford variant 13 of the 64-bit finalizer (as in SplitMix64). */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One installation of settings: the settings plus the state that lives as long as they are in force. */
    static final class Installed {
        final FaultSettings settings;
        final long installedNanos;
        final TokenBucket bucket;
        final AtomicLong[] counters = new AtomicLong[Api.values().length];

        Installed(FaultSettings settings, long nowNanos) {
            this.settings = settings;
            this.installedNanos = nowNanos;
            this.bucket = settings.requestsPerSecond() > 0 ? new TokenBucket(settings.requestsPerSecond(), nowNanos) : null;
            for (int i = 0; i < counters.length; i++) {
                counters[i] = new AtomicLong();
            }
        }

        FaultKind admission(Api api) {
            long now = System.nanoTime();
            FaultSettings.ThrottleBurst burst = settings.throttleBurst();
            if (burst != null && burst.throttles(now - installedNanos)) {
                return FaultKind.BURST_THROTTLED;
            }
            if (bucket != null && !bucket.tryAcquire(now)) {
                return FaultKind.RATE_LIMITED;
            }
            return null;
        }
    }
}
