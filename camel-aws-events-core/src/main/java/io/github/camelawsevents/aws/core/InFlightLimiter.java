package io.github.camelawsevents.aws.core;

import java.util.concurrent.Semaphore;

/**
 * A bound on work in flight: requests sent and not yet answered, or exchanges accepted by a producer and not yet
 * completed. {@link #acquireSlot()} blocks the calling (route) thread while the bound is reached: that is the
 * backpressure which keeps memory flat however fast messages arrive.
 */
public final class InFlightLimiter {

    private final int capacity;
    private final Semaphore permits;

    public InFlightLimiter(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the in-flight bound must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.permits = new Semaphore(capacity, true);
    }

    /**
     * Takes one slot, waiting while all are taken, and does not give up when interrupted. Camel interrupts the consumer
     * thread when it forces a route down after the shutdown timeout, and a message failed then is not dead-lettered
     * (Camel's error handler refuses to run during a forced shutdown), so it would be lost: the thread keeps waiting
     * (slots are freed as the work in flight completes) instead. The interrupt is cleared, because the AWS SDK refuses a
     * call made on an interrupted thread.
     *
     * @return whether the thread was interrupted before or while waiting: the caller restores the interrupt
     *         ({@code Thread.currentThread().interrupt()}) once its work is handed over
     */
    public boolean acquireSlot() {
        boolean interrupted = Thread.interrupted();
        permits.acquireUninterruptibly();
        return Thread.interrupted() || interrupted;
    }

    /** Takes one slot if one is free now. */
    public boolean tryAcquire() {
        return permits.tryAcquire();
    }

    /** Gives back one slot; call exactly once per successful acquire, when the request completed. */
    public void release() {
        permits.release();
    }

    public int inFlight() {
        return capacity - permits.availablePermits();
    }
}
