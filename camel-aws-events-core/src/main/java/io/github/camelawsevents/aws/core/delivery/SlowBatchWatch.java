package io.github.camelawsevents.aws.core.delivery;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches the {@link Completions} that run on one thread, and spreads one over threads once it has held its thread
 * for {@code spreadAfterNanos} with exchanges still waiting. Checked where it costs no thread wake-up: by the thread
 * running the batch after each exchange, and on the sender threads after each answer they read (under load, many
 * times per {@code spreadAfterNanos}); and, for a single step that runs long while no answer comes, by a timer task
 * every four times {@code spreadAfterNanos} while anything is watched. No check runs a route: it only queues a helper on
 * the worker pool.
 */
final class SlowBatchWatch {

    /**
     * The default: a batch of quick steps (tens of microseconds each) is done well within it; under load a slow step is
     * found within about twice that, when idle within five times.
     */
    static final long SPREAD_AFTER_NANOS = 1_000_000L;

    /** The timer's check, as a multiple of {@code spreadAfterNanos}: a backstop for when no answer comes. */
    static final int TIMER_PERIODS = 4;

    /** Runs a check later; false when it cannot (the timer is shut down). */
    interface Scheduler {
        boolean schedule(long delayNanos, Runnable check);
    }

    private final long spreadAfterNanos;
    private final Scheduler scheduler;
    private final Set<Completions> watched = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean checkScheduled = new AtomicBoolean();

    SlowBatchWatch(long spreadAfterNanos, Scheduler scheduler) {
        if (spreadAfterNanos <= 0) {
            throw new IllegalArgumentException("spreadAfterNanos must be positive, got " + spreadAfterNanos);
        }
        this.spreadAfterNanos = spreadAfterNanos;
        this.scheduler = scheduler;
    }

    long spreadAfterNanos() {
        return spreadAfterNanos;
    }

    /** A batch began on one thread (its start time is set). */
    void watch(Completions batch) {
        watched.add(batch);
        scheduleCheck();
    }

    /** A batch ended (or was spread). */
    void unwatch(Completions batch) {
        watched.remove(batch);
    }

    /** Spreads every watched batch that is overdue at {@code nowNanos}. Cheap when nothing is watched. */
    void check(long nowNanos) {
        if (watched.isEmpty()) {
            return;
        }
        for (Completions batch : watched) {
            if (batch.overdue(nowNanos, spreadAfterNanos) && watched.remove(batch)) {
                batch.spread();
            }
        }
    }

    /** Batches watched now. */
    int watching() {
        return watched.size();
    }

    private void timerCheck() {
        checkScheduled.set(false); // first: a batch watched from here on schedules a check, or is seen below
        check(System.nanoTime());
        if (!watched.isEmpty()) {
            scheduleCheck();
        }
    }

    /** One timer check at a time: none is scheduled while one is. */
    private void scheduleCheck() {
        if (checkScheduled.compareAndSet(false, true)
            && !scheduler.schedule(TIMER_PERIODS * spreadAfterNanos, this::timerCheck)) {
            checkScheduled.set(false);
        }
    }
}
