package io.github.camelawsevents.reliability;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts events whose outcome is final (delivered, or handed to the dead-letter channel) and lets a thread wait for a
 * count, signalled by the routes: no sleeping, no polling.
 */
public final class Progress {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long done;

    public void add(long n) {
        lock.lock();
        try {
            done += n;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public long done() {
        lock.lock();
        try {
            return done;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until at least {@code target} events are done; false when {@code timeout} passed first. */
    public boolean await(long target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (done < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
