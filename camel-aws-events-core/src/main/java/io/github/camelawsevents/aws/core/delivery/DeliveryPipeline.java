package io.github.camelawsevents.aws.core.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelawsevents.aws.core.InFlightLimiter;
import io.github.camelawsevents.aws.core.SafeMessages;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way both producers deliver: exchanges are admitted under a bound (the calling thread waits while it is
 * full: backpressure), their work waits in a {@link Source} (which packs it into requests with a pure planner),
 * requests go out asynchronously whenever one of {@code maxInFlightRequests} slots is free, and every answer is handled
 * on a Camel thread, which is also where exchanges complete, exactly once, never on an AWS SDK thread.
 * <p>
 * Sending is pull-based: whenever work arrives, a slot frees up or lingering work falls due, one "drain" at a time asks
 * the source for the next request while a slot is free. Work that arrives while every slot is busy therefore shares the
 * next request. Retry delays are timers that only put work back and drain: no thread ever sleeps or blocks in them.
 * <p>
 * Stopping ({@link #quiesce}): lingering and backoffs end at once (what waits is sent now) and the pipeline waits for
 * its exchanges up to the timeout; what is still open then goes on until AWS answers. Closing ({@link #close}, with the
 * endpoint) completes whatever is still open with an exception saying so.
 */
public final class DeliveryPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryPipeline.class);

    /** The pipeline whose task runs on this thread, so an exchange it completes that comes back is never blocked. */
    private static final ThreadLocal<DeliveryPipeline> RUNNING = new ThreadLocal<>();

    /** One request of a source: built when a slot was free, sent, and told its answer on a Camel thread. */
    public interface Request<R> {

        /** How many items (entries, records) it carries. */
        int items();

        /** Hands the request to the SDK; called on a Camel thread that holds a slot for it. */
        CompletableFuture<R> send();

        /** The answer (error is null on success), on a Camel thread; the slot is freed after this returns. */
        void answered(R response, Throwable error);
    }

    /** Where requests come from: pending work, packed on demand. Called by one drain at a time. */
    public interface Source {

        /**
         * The next request to send now, or null when nothing is ready.
         *
         * @param nowNanos {@link System#nanoTime()}
         * @param flush    true while stopping: lingering work goes now
         */
        Request<?> poll(long nowNanos, boolean flush);

        /** When lingering work falls due ({@link System#nanoTime()} scale), or {@link Long#MAX_VALUE}. */
        long dueAt();
    }

    /** Pipelines whose drain waits until the work this thread hands over together is all queued. */
    private static final ThreadLocal<Set<DeliveryPipeline>> DEFERRED = new ThreadLocal<>();

    private final String name;
    private final InFlightLimiter slots;
    private final InFlightLimiter bound;
    private final Source source;
    private final DeliveryListener listener;
    private final Set<Submission> open = ConcurrentHashMap.newKeySet();
    private final Set<Timer> timers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger drainRequests = new AtomicInteger();
    private final AtomicLong wakeUpAt = new AtomicLong(Long.MAX_VALUE);
    private final Object idleLock = new Object();
    private volatile boolean flushing;
    private volatile boolean stopped = true;
    private volatile boolean accepting;
    private ExecutorServiceManager executors;
    private ExecutorService handoff;
    private ScheduledExecutorService scheduler;

    /**
     * @param name                a name for threads and logs, e.g. {@code AwsPartnerEvents}
     * @param maxInFlightRequests requests sent and not yet answered, at most
     * @param maxPendingExchanges exchanges admitted and not yet completed, at most; the caller waits beyond that
     */
    public DeliveryPipeline(String name, int maxInFlightRequests, int maxPendingExchanges, Source source,
                            DeliveryListener listener) {
        this.name = name;
        this.slots = new InFlightLimiter(maxInFlightRequests);
        this.bound = new InFlightLimiter(maxPendingExchanges);
        this.source = source;
        this.listener = listener != null ? listener : DeliveryListener.NONE;
    }

    /** Creates the pipeline's Camel thread pools; {@code owner} is the service they belong to. */
    public void start(CamelContext context, Object owner) {
        executors = context.getExecutorServiceManager();
        ThreadPoolProfile base = executors.getDefaultThreadPoolProfile();
        // unbounded queues: a full queue would make Camel's CallerRuns policy run a task on the SDK's thread
        ThreadPoolProfile handoffProfile = new ThreadPoolProfile(name + "Delivery");
        handoffProfile.setPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors()));
        handoffProfile.setMaxPoolSize(handoffProfile.getPoolSize());
        handoffProfile.setMaxQueueSize(-1);
        handoffProfile.addDefaults(base);
        handoff = executors.newThreadPool(owner, name + "Delivery", handoffProfile);
        ThreadPoolProfile timerProfile = new ThreadPoolProfile(name + "Timer");
        timerProfile.setPoolSize(1);
        timerProfile.setMaxQueueSize(-1);
        timerProfile.addDefaults(base);
        scheduler = executors.newScheduledThreadPool(owner, name + "Timer", timerProfile);
        flushing = false;
        stopped = false;
        accepting = true;
    }

    /**
     * Admits an exchange's work: waits while the pending bound is full (not on a thread of this pipeline, where waiting
     * could keep the answers that free the bound from being handled: there it is admitted over the bound).
     *
     * @return whether the calling thread was interrupted while waiting: restore the interrupt after handing over
     * @throws IllegalStateException when the pipeline is stopped; nothing was admitted
     */
    public boolean admit(Submission submission) {
        if (!accepting) {
            throw new IllegalStateException("The " + name + " producer is stopped: it does not take new messages");
        }
        // cleared while the work is handed over (the SDK refuses a call on an interrupted thread), reported back
        boolean interrupted = Thread.interrupted();
        boolean holdsBound = bound.tryAcquire();
        if (!holdsBound && RUNNING.get() != this) {
            // what this thread queued without sending must go first, or nothing would free the bound
            drainDeferred();
            interrupted |= bound.acquireSlot();
            holdsBound = true;
        }
        submission.admitted(this, holdsBound);
        open.add(submission);
        return interrupted;
    }

    /**
     * Sends whatever the source has ready, while slots are free. Call after adding work; never from an SDK thread. On
     * a thread of this pipeline (an answer being handled, a timer) it drains right here; from any other thread (a
     * route thread handing work over) the drain runs on the pipeline's pool, so the route thread goes back to its
     * consumer at once, and work that arrives meanwhile joins the same requests.
     */
    public void trigger() {
        Set<DeliveryPipeline> deferred = DEFERRED.get();
        if (deferred != null) {
            deferred.add(this);
            return;
        }
        if (drainRequests.getAndIncrement() != 0) {
            return; // the running (or scheduled) drain goes round once more
        }
        ExecutorService pool = handoff;
        if (RUNNING.get() != this && pool != null) {
            try {
                pool.execute(() -> runHere(this::drainLoop));
                return;
            } catch (RejectedExecutionException stopping) {
                // closing: drain here
            }
        }
        drainLoop();
    }

    private void drainLoop() {
        int missed = 1;
        do {
            drain();
            missed = drainRequests.addAndGet(-missed);
        } while (missed != 0);
    }

    /**
     * Runs {@code handOver} (which submits several exchanges on this thread) with the drains it would start held back
     * until it returns, so that work handed over together is packed together (a batch of exchanges does not go out as
     * one request per exchange while slots are free). A submission that must wait for the pending bound releases the
     * held drains first.
     */
    public static void together(Runnable handOver) {
        if (DEFERRED.get() != null) {
            handOver.run();
            return;
        }
        DEFERRED.set(new java.util.LinkedHashSet<>());
        try {
            handOver.run();
        } finally {
            drainDeferred();
            DEFERRED.remove();
        }
    }

    private static void drainDeferred() {
        Set<DeliveryPipeline> deferred = DEFERRED.get();
        if (deferred == null || deferred.isEmpty()) {
            return;
        }
        List<DeliveryPipeline> pipelines = List.copyOf(deferred);
        deferred.clear();
        DEFERRED.remove();
        try {
            for (DeliveryPipeline pipeline : pipelines) {
                pipeline.trigger();
            }
        } finally {
            DEFERRED.set(deferred);
        }
    }

    private void drain() {
        while (slots.tryAcquire()) {
            Request<?> request;
            try {
                request = source.poll(System.nanoTime(), flushing);
            } catch (RuntimeException e) {
                slots.release();
                LOG.warn("{}: planning the next request failed: {}", name, SafeMessages.of(e));
                return;
            }
            if (request == null) {
                slots.release();
                wakeUpForLingeringWork();
                return;
            }
            start(request);
        }
    }

    private <R> void start(Request<R> request) {
        long started = System.nanoTime();
        CompletableFuture<R> response;
        // the SDK fails a call made on an interrupted thread (SdkInterruptedException): a stop that Camel forces after
        // its shutdown timeout interrupts the thread that then sends what waited for a backoff, so the interrupt is
        // cleared for the call and put back for the caller
        boolean interrupted = Thread.interrupted();
        try {
            response = request.send();
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        response.whenComplete((result, error) -> onCamelThread(() -> answered(request, result, error, started)));
    }

    private <R> void answered(Request<R> request, R result, Throwable error, long started) {
        try {
            listener.requestAnswered(request.items(), System.nanoTime() - started,
                    error == null ? null : SafeMessages.errorCode(error));
            request.answered(result, error);
        } catch (RuntimeException e) {
            LOG.warn("{}: handling an answer failed: {}", name, SafeMessages.of(e), e);
        } finally {
            slots.release();
            trigger();
        }
    }

    /** Runs {@code task} on a Camel thread after {@code delayMillis}, or at once when the pipeline stops first. */
    public void later(long delayMillis, Runnable task) {
        Timer timer = new Timer(task);
        ScheduledExecutorService pool = scheduler;
        if (flushing || pool == null) {
            timer.fire();
            return;
        }
        timers.add(timer);
        try {
            pool.schedule(timer::fire, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            timer.fire();
            return;
        }
        if (flushing) {
            timer.fire(); // stopped around the call
        }
    }

    /** A delayed task that runs once: when its time comes or when the pipeline stops, whichever is first. */
    private final class Timer {
        private final Runnable task;
        private final AtomicBoolean fired = new AtomicBoolean();

        Timer(Runnable task) {
            this.task = task;
        }

        void fire() {
            if (fired.compareAndSet(false, true)) {
                timers.remove(this);
                runHere(task);
            }
        }
    }

    private void wakeUpForLingeringWork() {
        long due = source.dueAt();
        ScheduledExecutorService timer = scheduler;
        if (due == Long.MAX_VALUE || timer == null || flushing) {
            return;
        }
        long current = wakeUpAt.get();
        if (due >= current || !wakeUpAt.compareAndSet(current, due)) {
            return; // an earlier wake-up is set already
        }
        long delay = Math.max(0, due - System.nanoTime());
        try {
            timer.schedule(() -> {
                wakeUpAt.compareAndSet(due, Long.MAX_VALUE);
                runHere(this::trigger);
            }, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            wakeUpAt.compareAndSet(due, Long.MAX_VALUE);
        }
    }

    /** Runs a task of this pipeline on this (Camel) thread, marked as such. */
    private void runHere(Runnable task) {
        DeliveryPipeline before = RUNNING.get();
        RUNNING.set(this);
        try {
            task.run();
        } finally {
            if (before == null) {
                RUNNING.remove();
            } else {
                RUNNING.set(before);
            }
        }
    }

    /**
     * Moves work from an SDK thread to the pipeline's Camel pool. After the pool shut down (the pipeline stopped and
     * completed every open exchange), the work is dropped: all it could do was done by the stop.
     */
    private void onCamelThread(Runnable task) {
        ExecutorService pool = handoff;
        if (pool == null) {
            return;
        }
        try {
            pool.execute(() -> runHere(task));
        } catch (RejectedExecutionException stopped) {
            LOG.debug("{}: an answer came after the endpoint stopped; its exchanges were completed by the stop", name);
        }
    }

    /** Called by {@link Submission#complete()}. */
    void released(Submission submission) {
        open.remove(submission);
        if (submission.holdsBound()) {
            bound.release();
        }
        if (flushing && open.isEmpty()) {
            synchronized (idleLock) {
                idleLock.notifyAll();
            }
        }
    }

    /**
     * The last producer stopped: new exchanges are refused, what lingers or waits for a backoff is sent now, and open
     * exchanges are awaited up to {@code timeout}. Whatever is still open after that keeps going (its requests are
     * answered and its exchanges complete on the pipeline's threads, as a forced route stop leaves them), until the
     * pipeline is resumed by a producer that starts again (same queues, so per-group order holds across a restart) or
     * closed with its endpoint.
     *
     * @return whether every open exchange completed within the timeout
     */
    public boolean quiesce(Duration timeout) {
        if (stopped) {
            return true;
        }
        accepting = false;
        flushing = true;
        // a stop that Camel forces after its shutdown timeout interrupts this thread: the wait below is bounded by the
        // timeout anyway, so the interrupt is held until it ends (else what the stop just sent would not be awaited)
        boolean interrupted = Thread.interrupted();
        try {
            for (Timer timer : List.copyOf(timers)) {
                timer.fire();
            }
            runHere(this::trigger);
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (idleLock) {
                long left;
                while (!open.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(idleLock, left);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (!open.isEmpty()) {
            LOG.warn("{}: {} exchanges not answered by AWS within the shutdown timeout of {}; they complete when AWS"
                     + " answers, or fail when the endpoint stops", name, open.size(), timeout);
            return false;
        }
        return true;
    }

    /** A producer started again after {@link #quiesce}: exchanges are taken again, lingering and backoffs apply. */
    public void resume() {
        if (stopped) {
            throw new IllegalStateException("The " + name + " delivery pipeline is closed");
        }
        flushing = false;
        accepting = true;
    }

    /**
     * The endpoint stops: whatever is still open completes at once with an exception saying so (its AWS client is about
     * to close), and the thread pools end. Call after {@link #quiesce}.
     */
    public void close() {
        if (stopped) {
            return;
        }
        accepting = false;
        flushing = true;
        for (Timer timer : List.copyOf(timers)) {
            timer.fire();
        }
        List<Submission> left = List.copyOf(open);
        if (!left.isEmpty()) {
            LOG.warn("{}: closing with {} exchanges not answered by AWS; they fail", name, left.size());
            IllegalStateException reason = new IllegalStateException(
                    "The " + name + " endpoint stopped before AWS answered for this exchange");
            for (Submission submission : left) {
                submission.abandon(reason);
                submission.complete();
            }
        }
        stopped = true;
        if (executors != null) {
            executors.shutdownNow(scheduler);
            executors.shutdown(handoff);
        }
        scheduler = null;
        handoff = null;
    }

    /** The context's graceful shutdown timeout: how long a stopping pipeline waits for its exchanges. */
    public static Duration shutdownTimeout(CamelContext context) {
        org.apache.camel.spi.ShutdownStrategy shutdown = context.getShutdownStrategy();
        return Duration.ofMillis(shutdown.getTimeUnit().toMillis(shutdown.getTimeout()));
    }

    /** Requests sent and not yet answered. */
    public int requestsInFlight() {
        return slots.inFlight();
    }

    /** Exchanges admitted and not yet completed. */
    public int pendingExchanges() {
        return open.size();
    }

    /** Whether the pipeline is closed. */
    public boolean isStopped() {
        return stopped;
    }

    /** Whether it takes new exchanges (started, not quiesced). */
    public boolean isAccepting() {
        return accepting;
    }

    public DeliveryListener listener() {
        return listener;
    }
}
