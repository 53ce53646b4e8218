package io.github.camelawsevents.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The events of one run that have not completed yet, counted down from any thread (SDK completion threads, Camel
 * threads), with what failed and what the service acknowledged; {@link #await()} returns when all have completed.
 */
final class PendingEvents {

    private static final long TIMEOUT_MINUTES = 30;

    private final int count;
    private final AtomicLong remaining;
    private final LongAdder failed = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final CountDownLatch done = new CountDownLatch(1);

    PendingEvents(int count) {
        this.count = count;
        this.remaining = new AtomicLong(count);
    }

    /** {@code events} completed, {@code failedEvents} of them failed, the service acknowledged {@code acks}. */
    void completed(int events, long failedEvents, long acks) {
        failed.add(failedEvents);
        acknowledged.add(acks);
        if (remaining.addAndGet(-events) == 0) {
            done.countDown();
        }
    }

    long failed() {
        return failed.sum();
    }

    /** Waits until every event completed. */
    RunOutcome await() throws InterruptedException, TimeoutException {
        if (!done.await(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            throw new TimeoutException(remaining.get() + " of " + count + " events did not complete within "
                                       + TIMEOUT_MINUTES + " minutes");
        }
        return new RunOutcome(failed.sum(), acknowledged.sum());
    }
}
