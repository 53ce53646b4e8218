package io.github.camelawsevents.aws.core.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pending bound of a {@link DeliveryPipeline}: the exchanges it holds (admitted, and not yet handed to the rest of
 * their route), at most {@code capacity}; it also keeps them (a list linked through the submissions themselves: no
 * allocation, one lock per admission and one per release), so that a close can fail exactly those. A caller waits while it is full, at most {@code maxBlockNanos}; the state is checked
 * again after every wait, so a caller that waited while the pipeline closed is refused, never admitted into a closed
 * pipeline. Closing wakes every waiting caller.
 * <p>
 * A thread of our {@link WorkerPool} (the rest of some route after one of our producers) that must wait tells its
 * pool, which starts another thread meanwhile: the completions queued behind it still run, so routes that send back
 * and forth between our endpoints do not wait for each other forever.
 */
final class Admission {

    /** Why a caller was not admitted. */
    enum Refusal {
        /** The pipeline closed (its endpoint stopped) before or while the caller waited. */
        CLOSED,
        /** The bound stayed full for the whole time a caller may wait. */
        TIMED_OUT
    }

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private volatile int taken; // written under the lock, read without it by taken()
    private Submission head; // the submissions holding a place, newest first
    private boolean closed;

    Admission(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the pending bound must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Takes a place, waiting while all are taken (uninterruptibly: Camel interrupts a consumer thread when it forces a
     * route down, and a message failed then is not dead-lettered; the interrupt is cleared for the wait and reported).
     *
     * @param overBound     take a place even when the bound is full (work that must not wait)
     * @param maxBlockNanos the longest wait
     * @param submission    kept from now until {@link #leave}, so a close cannot miss it
     * @return null when admitted, else why not
     */
    Refusal enter(boolean overBound, long maxBlockNanos, Submission submission) {
        lock.lock();
        try {
            if (closed) {
                return Refusal.CLOSED;
            }
            if (taken >= capacity && !overBound) {
                Refusal refusal = await(maxBlockNanos);
                if (refusal != null) {
                    return refusal;
                }
            }
            submission.openNext = head;
            submission.openPrevious = null;
            if (head != null) {
                head.openPrevious = submission;
            }
            head = submission;
            submission.held = true;
            taken++;
            return null;
        } finally {
            lock.unlock();
        }
    }

    private Refusal await(long maxBlockNanos) {
        WorkerPool.Blocking blocking = WorkerPool.blockingOnThisThread();
        boolean interrupted = false;
        try {
            long left = maxBlockNanos;
            while (taken >= capacity && !closed) {
                if (left <= 0) {
                    return Refusal.TIMED_OUT;
                }
                try {
                    left = freed.awaitNanos(left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return closed ? Refusal.CLOSED : null;
        } finally {
            blocking.end();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Gives {@code submission}'s place back.
     *
     * @return false when it held none (given back before, or never admitted)
     */
    boolean leave(Submission submission) {
        lock.lock();
        try {
            if (!submission.held) {
                return false;
            }
            submission.held = false;
            if (submission.openPrevious != null) {
                submission.openPrevious.openNext = submission.openNext;
            } else {
                head = submission.openNext;
            }
            if (submission.openNext != null) {
                submission.openNext.openPrevious = submission.openPrevious;
            }
            submission.openNext = null;
            submission.openPrevious = null;
            taken--;
            freed.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refuses everything from now on and wakes every waiting caller.
     *
     * @return the submissions holding a place now: every one that was admitted and has not left, and none that will be
     */
    List<Submission> close() {
        lock.lock();
        try {
            closed = true;
            freed.signalAll();
            List<Submission> held = new ArrayList<>(taken);
            for (Submission s = head; s != null; s = s.openNext) {
                held.add(s);
            }
            return held;
        } finally {
            lock.unlock();
        }
    }

    /** Places taken now, the number of submissions held (a moment's view, without the lock). */
    int taken() {
        return taken;
    }

    static long millisToNanos(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
