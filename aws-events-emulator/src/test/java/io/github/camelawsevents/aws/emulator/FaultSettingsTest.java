package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultSettingsTest {

    static final FaultSettings EVERYTHING = FaultSettings.builder().requestThrottleRate(0.1).serverErrorRate(0.2)
            .entryThrottleRate(0.3).entryInternalFailureRate(0.4).latency(Duration.ofMillis(5))
            .randomLatency(Duration.ofMillis(1), Duration.ofMillis(9)).dropConnectionRate(0.05).lostResponseRate(0.06)
            .errorAfterStoreRate(0.07).requestsPerSecond(100).throttleBurst(Duration.ofSeconds(10), Duration.ofSeconds(1))
            .appliesTo(Api.SUPPLY_CHAIN, Api.PUT_EVENTS).build();

    @Test
    void defaultsToNoFaultsForEveryApi() {
        FaultSettings none = FaultSettings.builder().build();
        assertThat(none).isEqualTo(FaultSettings.NONE);
        assertThat(none.isNone()).isTrue();
        assertThat(none.appliesTo()).containsExactlyInAnyOrder(Api.values());
        assertThat(EVERYTHING.isNone()).isFalse();
    }

    @Test
    void refusesValuesOutsideTheirRange() {
        assertThatThrownBy(() -> FaultSettings.builder().requestThrottleRate(1.01)).hasMessageContaining("requestThrottleRate");
        assertThatThrownBy(() -> FaultSettings.builder().serverErrorRate(-0.1)).hasMessageContaining("serverErrorRate");
        assertThatThrownBy(() -> FaultSettings.builder().entryThrottleRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultSettings.builder().latency(Duration.ofMillis(-1))).hasMessageContaining("latency");
        assertThatThrownBy(() -> FaultSettings.builder().randomLatency(Duration.ofMillis(5), Duration.ofMillis(4)))
                .hasMessageContaining("greater than max");
        assertThatThrownBy(() -> FaultSettings.builder().requestsPerSecond(-1)).hasMessageContaining("requestsPerSecond");
        assertThatThrownBy(() -> FaultSettings.builder().throttleBurst(Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .hasMessageContaining("length");
        assertThatThrownBy(() -> FaultSettings.builder().appliesTo()).hasMessageContaining("appliesTo");
    }

    @Test
    void toBuilderCopiesEverything() {
        assertThat(EVERYTHING.toBuilder().build()).isEqualTo(EVERYTHING).hasSameHashCodeAs(EVERYTHING);
        assertThat(EVERYTHING.toBuilder().serverErrorRate(0).build()).isNotEqualTo(EVERYTHING);
    }

    @Test
    void roundTripsThroughItsJsonForm() {
        assertThat(FaultSettingsJson.fromJson(FaultSettingsJson.toJson(EVERYTHING))).isEqualTo(EVERYTHING);
        assertThat(FaultSettingsJson.fromJson(FaultSettingsJson.toJson(FaultSettings.NONE))).isEqualTo(FaultSettings.NONE);
    }

    @Test
    void throttleBurstsCoverTheStartOfEachPeriod() {
        FaultSettings.ThrottleBurst burst = new FaultSettings.ThrottleBurst(Duration.ofSeconds(10), Duration.ofSeconds(2));
        long second = 1_000_000_000L;
        assertThat(burst.throttles(0)).isTrue();
        assertThat(burst.throttles(2 * second - 1)).isTrue();
        assertThat(burst.throttles(2 * second)).isFalse();
        assertThat(burst.throttles(9 * second)).isFalse();
        assertThat(burst.throttles(10 * second + 1)).isTrue();
    }

    @Test
    void decisionsAreAPureFunctionOfSeedApiAndRequestNumber() {
        FaultSettings settings = FaultSettings.builder().requestThrottleRate(0.5).entryThrottleRate(0.5)
                .randomLatency(Duration.ZERO, Duration.ofMillis(100)).build();
        List<String> a = draws(new FaultInjector(1, settings), Api.PARTNER_EVENTS, 200);
        FaultInjector interleaved = new FaultInjector(1, settings);
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            interleaved.decide(Api.SUPPLY_CHAIN); // other APIs' traffic does not shift the sequence
            b.addAll(draws(interleaved, Api.PARTNER_EVENTS, 1));
        }
        assertThat(b).isEqualTo(a);
        assertThat(draws(new FaultInjector(2, settings), Api.PARTNER_EVENTS, 200)).isNotEqualTo(a);
        assertThat(draws(new FaultInjector(1, settings), Api.PUT_EVENTS, 200)).isNotEqualTo(a);
        long throttled = a.stream().filter(s -> s.startsWith("true")).count();
        assertThat(throttled).isBetween(60L, 140L);
    }

    @Test
    void installingSettingsRestartsTheRequestCount() {
        FaultSettings settings = FaultSettings.builder().requestThrottleRate(0.5).build();
        FaultInjector injector = new FaultInjector(3, settings);
        List<String> first = draws(injector, Api.SUPPLY_CHAIN, 50);
        injector.set(settings);
        assertThat(draws(injector, Api.SUPPLY_CHAIN, 50)).isEqualTo(first);
    }

    private static List<String> draws(FaultInjector injector, Api api, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            FaultDecision d = injector.decide(api);
            out.add(d.throttle + "/" + d.latencyNanos + "/" + d.nextEntryFault() + "/" + d.nextEntryFault());
        }
        return out;
    }

    @Test
    void theTokenBucketRefillsAtItsRateUpToOneSecondOfRequests() {
        long second = 1_000_000_000L;
        TokenBucket bucket = new TokenBucket(2, 0);
        assertThat(bucket.tryAcquire(0)).isTrue();
        assertThat(bucket.tryAcquire(0)).isTrue();
        assertThat(bucket.tryAcquire(0)).isFalse();
        assertThat(bucket.tryAcquire(second / 2)).isTrue();
        assertThat(bucket.tryAcquire(second / 2)).isFalse();
        assertThat(bucket.tryAcquire(100 * second)).isTrue();
        assertThat(bucket.tryAcquire(100 * second)).isTrue();
        assertThat(bucket.tryAcquire(100 * second)).as("capacity is one second of requests").isFalse();
    }
}
