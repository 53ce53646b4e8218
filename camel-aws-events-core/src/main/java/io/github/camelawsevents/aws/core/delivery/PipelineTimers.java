package io.github.camelawsevents.aws.core.delivery;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline's one timer thread: retries that put work back after their backoff (once: when their time comes, at
 * once when the pipeline stops, never after it closed), wake-ups for work that lingers or waits for the request-rate
 * cap, and the checks of the {@link SlowBatchWatch}. Its tasks only put work back, start a drain or queue a helper on
 * the worker pool; nothing sleeps or blocks in them.
 */
final class PipelineTimers {

    private final ScheduledThreadPoolExecutor timer;
    private final Set<Retry> retries = ConcurrentHashMap.newKeySet();
    private final AtomicLong wakeUpAt = new AtomicLong(Long.MAX_VALUE);

    PipelineTimers(ThreadFactory thread) {
        timer = new ScheduledThreadPoolExecutor(1, thread);
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Runs {@code requeue} after {@code delayMillis}; false when the timer is shut down (the caller decides: run it now,
     * or drop it).
     */
    boolean retryAfter(long delayMillis, Runnable requeue) {
        Retry retry = new Retry(requeue, true);
        retries.add(retry);
        try {
            retry.scheduled = timer.schedule(retry::fire, delayMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException closing) {
            retries.remove(retry);
            return false;
        }
    }

    /**
     * Runs {@code requeue} after {@code delayMillis}, also while the pipeline stops (a poll keeps its delay: asking again
     * at once would not make what it waits for finish). Dropped when the pipeline closes.
     */
    void pollAfter(long delayMillis, Runnable requeue) {
        Retry poll = new Retry(requeue, false);
        retries.add(poll);
        try {
            poll.scheduled = timer.schedule(poll::fire, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            retries.remove(poll);
        }
    }

    /** Every retry waiting for its backoff runs now (the pipeline stops: what waits is sent); polls keep theirs. */
    void fireRetries() {
        for (Retry retry : List.copyOf(retries)) {
            if (retry.firesOnStop) {
                retry.fire();
            }
        }
    }

    /** Every retry waiting for its backoff is dropped, and the timer ends (the pipeline closes). */
    void close() {
        for (Retry retry : List.copyOf(retries)) {
            retry.drop();
        }
        timer.shutdownNow();
    }

    /** Runs {@code task} (quick, non-blocking) after {@code delayNanos}; false when the timer is shut down. */
    boolean after(long delayNanos, Runnable task) {
        try {
            timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException closing) {
            return false;
        }
    }

    /**
     * Runs {@code drain} at {@code due} ({@link System#nanoTime()} scale; {@link Long#MAX_VALUE}: never), unless an
     * earlier wake-up is set already.
     */
    void wakeUpAt(long due, Runnable drain) {
        if (due == Long.MAX_VALUE) {
            return;
        }
        long current = wakeUpAt.get();
        if (due >= current || !wakeUpAt.compareAndSet(current, due)) {
            return;
        }
        long delay = Math.max(0, due - System.nanoTime());
        try {
            timer.schedule(() -> {
                wakeUpAt.compareAndSet(due, Long.MAX_VALUE);
                drain.run();
            }, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            wakeUpAt.compareAndSet(due, Long.MAX_VALUE);
        }
    }

    /**
     * Work put back after a delay: once, when its time comes (a retry also when the pipeline stops); never after a
     * close.
     */
    private final class Retry {
        private final Runnable requeue;
        /** Whether a stop fires it at once (a retry) or it keeps its delay (a poll). */
        private final boolean firesOnStop;
        private final AtomicBoolean done = new AtomicBoolean();
        volatile ScheduledFuture<?> scheduled;

        Retry(Runnable requeue, boolean firesOnStop) {
            this.requeue = requeue;
            this.firesOnStop = firesOnStop;
        }

        void fire() {
            if (done.compareAndSet(false, true)) {
                retries.remove(this);
                requeue.run();
            }
        }

        void drop() {
            if (done.compareAndSet(false, true)) {
                retries.remove(this);
                ScheduledFuture<?> future = scheduled;
                if (future != null) {
                    future.cancel(false);
                }
            }
        }
    }
}
