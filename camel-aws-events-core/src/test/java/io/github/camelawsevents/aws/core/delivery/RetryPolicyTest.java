package io.github.camelawsevents.aws.core.delivery;

import java.time.Duration;
import java.util.Random;
import java.util.Set;

import io.github.camelawsevents.aws.core.Backoff;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(2,
            new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000)), Set.of("Throttled"));

    @Test
    void anItemWithAnIdIsAccepted() {
        assertThat(POLICY.decide("id-1", null, null, 0, new Random(1))).isEqualTo(new Verdict.Accepted("id-1"));
    }

    @Test
    void aRetryableCodeIsRetriedWithAGrowingJitteredDelayWhileRetriesAreLeft() {
        Verdict first = POLICY.decide(null, "Throttled", "slow down", 0, new Random(1));
        Verdict second = POLICY.decide(null, "Throttled", "slow down", 1, new Random(1));
        assertThat(first).isInstanceOfSatisfying(Verdict.RetryAfter.class,
                r -> assertThat(r.delayMillis()).isBetween(50L, 100L));
        assertThat(second).isInstanceOfSatisfying(Verdict.RetryAfter.class,
                r -> assertThat(r.delayMillis()).isBetween(100L, 200L));
        assertThat(POLICY.decide(null, "Throttled", "slow down", 2, new Random(1)))
                .isEqualTo(new Verdict.Failed("Throttled", "slow down"));
    }

    @Test
    void otherCodesAndMissingCodesFailAtOnce() {
        assertThat(POLICY.decide(null, "Invalid", "bad", 0, new Random(1)))
                .isEqualTo(new Verdict.Failed("Invalid", "bad"));
        assertThat(POLICY.decide(null, null, null, 0, new Random(1))).isEqualTo(new Verdict.Failed(null, null));
        assertThat(POLICY.decide("id", "Throttled", "both", 0, new Random(1)))
                .as("an error code wins over an id").isInstanceOf(Verdict.RetryAfter.class);
    }

    @Test
    void noRetriesMeansFailAtOnce() {
        RetryPolicy none = new RetryPolicy(0, new Backoff(Duration.ZERO, Duration.ZERO), Set.of("Throttled"));
        assertThat(none.decide(null, "Throttled", "m", 0, new Random(1))).isInstanceOf(Verdict.Failed.class);
        assertThatThrownBy(() -> new RetryPolicy(-1, new Backoff(Duration.ZERO, Duration.ZERO), Set.of()))
                .hasMessageContaining("maxRetries");
    }
}
