package io.github.camelawsevents.aws.core;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the requests a producer has in flight. {@link #acquire()} blocks the calling (route) thread while the bound
 * is reached: that is the backpressure which keeps memory flat however fast messages arrive. {@link #awaitIdle}
 * lets a stopping producer wait for its in-flight requests.
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

    /** Takes one slot, waiting while all are taken. */
    public void acquire() throws InterruptedException {
        permits.acquire();
    }

    /** Takes one slot if one is free now. */
    public boolean tryAcquire() {
        return permits.tryAcquire();
    }

    /** Gives back one slot; call exactly once per successful acquire, when the request completed. */
    public void release() {
        permits.release();
    }

    public int capacity() {
        return capacity;
    }

    public int inFlight() {
        return capacity - permits.availablePermits();
    }

    /**
     * Waits until nothing is in flight, at most {@code timeout}.
     *
     * @return true if idle, false if the timeout passed first
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        if (permits.tryAcquire(capacity, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            permits.release(capacity);
            return true;
        }
        return false;
    }
}
