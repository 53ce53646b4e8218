package io.github.camelawsevents.aws.core;

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
        assertThat(limiter.acquireSlot()).isFalse();
        assertThat(limiter.acquireSlot()).isFalse();
        assertThat(limiter.inFlight()).isEqualTo(2);
        assertThat(limiter.tryAcquire()).isFalse();

        AtomicBoolean acquired = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            started.countDown();
            limiter.acquireSlot();
            acquired.set(true);
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
    void anInterruptDoesNotGiveUpTheWaitAndIsReportedNotKept() throws Exception {
        InFlightLimiter limiter = new InFlightLimiter(1);
        limiter.acquireSlot();
        AtomicBoolean reported = new AtomicBoolean();
        AtomicBoolean keptOnThread = new AtomicBoolean(true);
        CountDownLatch waiting = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            waiting.countDown();
            reported.set(limiter.acquireSlot());
            keptOnThread.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        waiting.await();
        caller.interrupt();
        // still waiting for the slot, interrupt or not
        caller.join(200);
        assertThat(caller.isAlive()).isTrue();
        limiter.release();
        caller.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(reported).as("the interrupt is reported to the caller").isTrue();
        assertThat(keptOnThread).as("and cleared, so the SDK takes the call").isFalse();
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new InFlightLimiter(0)).hasMessageContaining("at least 1");
    }
}
