package io.github.camelawsevents.aws.core;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    @Test
    void ceilingDoublesPerAttemptUpToTheMaximum() {
        assertThat(backoff.ceilingMillis(1)).isEqualTo(100);
        assertThat(backoff.ceilingMillis(2)).isEqualTo(200);
        assertThat(backoff.ceilingMillis(3)).isEqualTo(400);
        assertThat(backoff.ceilingMillis(6)).isEqualTo(3200);
        assertThat(backoff.ceilingMillis(7)).isEqualTo(5000);
        assertThat(backoff.ceilingMillis(1000)).isEqualTo(5000);
    }

    @Test
    void jitteredDelayStaysBetweenHalfAndAllOfTheCeiling() {
        SplittableRandom random = new SplittableRandom(42);
        for (int attempt = 1; attempt < 12; attempt++) {
            long ceiling = backoff.ceilingMillis(attempt);
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delayMillis(attempt, random)).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void jitterSpreadsDelays() {
        SplittableRandom random = new SplittableRandom(7);
        long distinct = java.util.stream.IntStream.range(0, 100).mapToLong(i -> backoff.delayMillis(4, random))
                .distinct().count();
        assertThat(distinct).isGreaterThan(20);
    }

    @Test
    void zeroBackoffMeansNoWait() {
        Backoff none = new Backoff(Duration.ZERO, Duration.ZERO);
        assertThat(none.delayMillis(3, new java.util.Random(1))).isZero();
    }

    @Test
    void maximumBelowBaseIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("below the base");
    }
}
