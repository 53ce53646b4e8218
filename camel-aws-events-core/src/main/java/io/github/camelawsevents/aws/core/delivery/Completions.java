package io.github.camelawsevents.aws.core.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.camelawsevents.aws.core.SafeMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchanges one answer completed, handed to the worker pool as one task rather than one task each: a hand-off
 * wakes a thread, and at thousands of exchanges per second that was most of what the pipeline itself cost.
 * <p>
 * One thread runs the rest of their routes in turn while that is quick. Once the batch has held its thread for
 * {@link SlowBatchWatch#spreadAfterNanos()} with exchanges still waiting (a slow step after the producer), the
 * {@link SlowBatchWatch} spreads it: a helper is queued for the rest, and from then on every thread that takes an
 * exchange of the batch first queues a helper for the ones after it, so its slow steps run at once, on as many
 * threads as they keep busy. Nothing here runs on a thread of the pipeline: the watch only queues helpers.
 */
final class Completions implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Completions.class);

    private final Object owner;
    private final String name;
    private final WorkerPool pool;
    private final Consumer<Submission> proceed;
    private final SlowBatchWatch watch;
    private final List<Submission> submissions = new ArrayList<>(4);
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean helperQueued = new AtomicBoolean();
    /** When the first thread began the batch ({@link System#nanoTime()}); set before it is watched. */
    private volatile long startedAt;
    private volatile boolean spreading;

    /**
     * @param owner   the pipeline that reads the answer (a completion of another pipeline is not added here)
     * @param name    for logs
     * @param pool    where the rest of the routes runs; null: on the calling thread
     * @param proceed gives back an exchange's place under the pending bound and runs the rest of its route
     * @param watch   spreads the batch over threads when it runs long
     */
    Completions(Object owner, String name, WorkerPool pool, Consumer<Submission> proceed, SlowBatchWatch watch) {
        this.owner = owner;
        this.name = name;
        this.pool = pool;
        this.proceed = proceed;
        this.watch = watch;
    }

    boolean ownedBy(Object pipeline) {
        return owner == pipeline;
    }

    void add(Submission submission) {
        submissions.add(submission);
    }

    /** After the answer was read (no more adds): the completions go to the worker pool. */
    void handOver() {
        int count = submissions.size();
        if (count == 0) {
            return;
        }
        if (pool == null) {
            run();
        } else if (count == 1) {
            Submission only = submissions.get(0);
            pool.execute(() -> proceed.accept(only));
        } else {
            helperQueued.set(true);
            pool.execute(this);
        }
    }

    @Override
    public void run() {
        helperQueued.set(false);
        int count = submissions.size();
        boolean watching = false;
        int i;
        while ((i = next.getAndIncrement()) < count) {
            if (i + 1 < count && pool != null) {
                if (spreading) {
                    queueHelper(); // someone for the rest, should this step take long too
                } else if (!watching && i == 0) {
                    watching = true;
                    startedAt = System.nanoTime();
                    watch.watch(this);
                }
            }
            try {
                proceed.accept(submissions.get(i));
            } catch (RuntimeException | Error e) {
                // a route's own errors are handled in its route; this is what escaped it: the others go on
                LOG.warn("{}: the rest of a route threw after the exchange completed: {}", name, SafeMessages.of(e), e);
            }
            if (watching && overdue(System.nanoTime(), watch.spreadAfterNanos())) {
                spread(); // steps that each took a while: the thread finds it itself, before any check does
            }
        }
        if (watching) {
            watch.unwatch(this);
        }
    }

    /**
     * Whether the batch has held its thread for {@code spreadAfterNanos} at {@code nowNanos} with exchanges still
     * waiting, and is not spread yet.
     */
    boolean overdue(long nowNanos, long spreadAfterNanos) {
        return !spreading && next.get() < submissions.size() && nowNanos - startedAt >= spreadAfterNanos;
    }

    /** Called by a check (the watch's, or the running thread's): the exchanges still waiting spread over threads. */
    void spread() {
        spreading = true;
        queueHelper();
    }

    private void queueHelper() {
        if (helperQueued.compareAndSet(false, true) && !pool.tryExecute(this)) {
            helperQueued.set(false); // refused (a full pool of the user's): the threads on it run the rest in turn
        }
    }
}
