package io.github.camelawsevents.aws.core;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InFlightLimiterTest {

    @Test
    void boundsInFlightWorkAndBlocksTheCallerAtTheBound() throws Exception {
        InFlightLimiter limiter = new InFlightLimiter(2);
        limiter.acquire();
        limiter.acquire();
        assertThat(limiter.inFlight()).isEqualTo(2);
        assertThat(limiter.tryAcquire()).isFalse();

        AtomicBoolean acquired = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            started.countDown();
            try {
                limiter.acquire();
                acquired.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        caller.start();
        started.await();
        // the caller cannot pass while both slots are taken
        caller.join(200);
        assertThat(caller.isAlive()).isTrue();
        assertThat(acquired).isFalse();
        limiter.release();
        caller.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(acquired).isTrue();
        assertThat(limiter.inFlight()).isEqualTo(2);
    }

    @Test
    void awaitIdleWaitsForInFlightWork() throws Exception {
        InFlightLimiter limiter = new InFlightLimiter(3);
        assertThat(limiter.awaitIdle(Duration.ZERO)).isTrue();
        limiter.acquire();
        assertThat(limiter.awaitIdle(Duration.ofMillis(50))).isFalse();
        Thread releaser = new Thread(limiter::release);
        releaser.start();
        assertThat(limiter.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new InFlightLimiter(0)).hasMessageContaining("at least 1");
    }
}
