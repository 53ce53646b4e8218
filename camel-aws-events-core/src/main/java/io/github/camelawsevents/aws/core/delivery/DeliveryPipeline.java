package io.github.camelawsevents.aws.core.delivery;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelawsevents.aws.core.SafeMessages;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way both producers deliver, in three parts:
 * <ul>
 * <li><b>admission</b> ({@link #submit}): an exchange's work is taken under the pending bound (the calling thread waits
 * while it is full, at most {@code maxBlockMs}: backpressure) and queued in the component's {@link Source};</li>
 * <li><b>the sender</b>: the pipeline's own threads take a free request slot, ask the source for the next request (a
 * pure planner packs it), send it, and read its answer; on an answer they free the slot first, then decide per item
 * (accepted, retried after a backoff timer, failed) and drain again. They never run anything of a route;</li>
 * <li><b>completions</b> ({@link Submission#complete()}): an exchange whose items are all answered for gets its headers
 * and exception on the sender thread, and the rest of its route runs on the {@link WorkerPool}, exactly once, never on
 * an AWS SDK or Netty thread.</li>
 * </ul>
 * Stopping ({@link #quiesce}): new exchanges are refused, lingering and backoffs end at once, and open exchanges are
 * awaited up to the shutdown timeout; what is still open after that goes on until AWS answers. Closing ({@link #close},
 * with the endpoint): waiting callers are refused, queued retries are dropped (not sent), and whatever is still open
 * fails, saying so.
 */
public final class DeliveryPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryPipeline.class);

    /** One request of a source: built when a slot was free, sent, and told its answer on a sender thread. */
    public interface Request<R> {

        /** How many items (entries, records) it carries. */
        int items();

        /** The exchanges whose items it carries: failed when handling its answer throws. */
        Collection<? extends Submission> carried();

        /** Hands the request to the SDK; called on a sender thread that holds a slot for it. */
        CompletableFuture<R> send();

        /**
         * The answer (error is null on success), on a sender thread, after the request's slot was freed. Completes
         * the submissions it settles; must not block.
         */
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

        /**
         * False when {@link #poll} would return null now only because all waiting work lingers until {@link #dueAt()}
         * (a request that is not full yet): then a drain is not handed to a sender thread for nothing, the wake-up at
         * {@code dueAt()} drains. True when a request may be ready (the default: no linger).
         */
        default boolean mayBeReady(long nowNanos) {
            return true;
        }

        /**
         * Planning the next request threw: the work at the head of the queue, which it chokes on, is taken out, and its
         * exchanges returned (they fail with what was thrown), so that the work behind it goes on.
         */
        Collection<? extends Submission> discardHead();
    }

    /**
     * What a pipeline is made of.
     *
     * @param name                a name for threads and logs, e.g. {@code AwsPartnerEvents}
     * @param maxInFlightRequests requests sent and not yet answered, at most
     * @param maxPendingExchanges exchanges admitted and not yet handed to the rest of their route, at most
     * @param maxBlockMs          how long a caller waits for a place under that bound, at most
     * @param workers             where the rest of a route runs: a pool of the user's, or null for our own
     * @param workerPoolCoreSize  our own pool's idle threads
     * @param workerPoolMaxSize   our own pool's threads when busy
     * @param maxRequestsPerSecond requests sent per second, at most (0: no cap)
     */
    public record Settings(String name, int maxInFlightRequests, int maxPendingExchanges, long maxBlockMs,
                           java.util.concurrent.ExecutorService workers, int workerPoolCoreSize, int workerPoolMaxSize,
                           double maxRequestsPerSecond) {

        public Settings {
            if (maxRequestsPerSecond < 0 || Double.isNaN(maxRequestsPerSecond)) {
                throw new IllegalArgumentException("maxRequestsPerSecond must be 0 (no cap) or more, got "
                                                   + maxRequestsPerSecond);
            }
            if (maxInFlightRequests < 1) {
                throw new IllegalArgumentException("maxInFlightRequests must be at least 1, got " + maxInFlightRequests);
            }
            if (maxPendingExchanges < 1) {
                throw new IllegalArgumentException("maxPendingExchanges must be at least 1, got " + maxPendingExchanges);
            }
            if (maxBlockMs < 0) {
                throw new IllegalArgumentException("maxBlockMs must be 0 or more, got " + maxBlockMs);
            }
            if (workers == null && (workerPoolCoreSize < 0 || workerPoolMaxSize < 1
                                    || workerPoolCoreSize > workerPoolMaxSize)) {
                throw new IllegalArgumentException("workerPoolMaxSize must be at least 1 and workerPoolCoreSize 0 to"
                                                   + " workerPoolMaxSize, got workerPoolCoreSize=" + workerPoolCoreSize
                                                   + " and workerPoolMaxSize=" + workerPoolMaxSize);
            }
        }
    }

    /** The completions of the answer this (sender) thread reads now, handed to the workers together. */
    private static final ThreadLocal<Completions> READING = new ThreadLocal<>();

    /** Drains that a thread handing over several exchanges holds back until all are queued. */
    private static final ThreadLocal<Set<DeliveryPipeline>> HELD = new ThreadLocal<>();

    private final Settings settings;
    private final String name;
    private final Source source;
    private final DeliveryListener listener;
    private final AtomicInteger freeSlots;
    // requests handed to the SDK and not answered: down before the slot is freed, so never above the bound
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final Admission admission;
    private final RequestRate rate;
    private final AtomicInteger drainRequests = new AtomicInteger();
    private final Object idleLock = new Object();
    private volatile boolean flushing;
    private volatile boolean closed = true;
    private volatile boolean accepting;
    private ThreadPoolExecutor senders;
    private PipelineTimers timers;
    private WorkerPool workers;
    private SlowBatchWatch slowBatches;

    public DeliveryPipeline(Settings settings, Source source, DeliveryListener listener) {
        this.settings = settings;
        this.name = settings.name();
        this.source = source;
        this.listener = listener != null ? listener : DeliveryListener.NONE;
        this.freeSlots = new AtomicInteger(settings.maxInFlightRequests());
        this.admission = new Admission(settings.maxPendingExchanges());
        // bursts of at most a tenth of a second's worth: within any second at most 1.1 times the cap
        this.rate = new RequestRate(settings.maxRequestsPerSecond(),
                (int) Math.ceil(settings.maxRequestsPerSecond() / 10));
    }

    /**
     * Makes the pipeline's timer and (unless the user supplied one) its worker pool; {@code senderThreads} are the
     * endpoint's ({@link SenderThreads#newPool}).
     */
    public void start(CamelContext context, ThreadPoolExecutor senderThreads) {
        ExecutorServiceManager executors = context.getExecutorServiceManager();
        senders = senderThreads;
        timers = new PipelineTimers(daemonThreads(executors, name + "Timer"));
        slowBatches = new SlowBatchWatch(SlowBatchWatch.SPREAD_AFTER_NANOS, timers::after);
        workers = settings.workers() != null
                ? WorkerPool.supplied(name, settings.workers())
                : WorkerPool.own(name, settings.workerPoolCoreSize(), settings.workerPoolMaxSize(),
                        daemonThreads(executors, name + "Worker"));
        flushing = false;
        closed = false;
        accepting = true;
    }

    private static ThreadFactory daemonThreads(ExecutorServiceManager executors, String threadName) {
        return task -> {
            Thread thread = new Thread(task, executors.resolveThreadName(threadName));
            thread.setDaemon(true);
            return thread;
        };
    }

    private boolean onSenderThread() {
        return SenderThreads.isCurrent(senders);
    }

    /**
     * Admits an exchange and queues its work: waits while the pending bound is full (at most {@code maxBlockMs}), then
     * runs {@code enqueue} (which puts the work into the source) and starts a drain. An interrupt of the calling thread
     * is cleared for the wait and put back before this returns.
     *
     * @throws DeliveryRefusedException when the pipeline is stopped or closed, or the bound stayed full for
     *                                  {@code maxBlockMs}: nothing was admitted
     */
    public void submit(Submission submission, Runnable enqueue) {
        if (!accepting) {
            throw new DeliveryRefusedException("The " + name + " producer is stopped: it does not take new messages");
        }
        if (admission.taken() >= settings.maxPendingExchanges()) {
            releaseHeldDrains(); // what this thread queued without sending goes first, or nothing would free the bound
        }
        submission.admitted(this);
        Admission.Refusal refusal = admission.enter(onSenderThread(), Admission.millisToNanos(settings.maxBlockMs()),
                submission);
        if (refusal != null) {
            submission.admitted(null); // never held: it fails on the calling thread
        }
        if (refusal == Admission.Refusal.CLOSED) {
            throw new DeliveryRefusedException("The " + name + " endpoint stopped before this exchange was taken");
        }
        if (refusal == Admission.Refusal.TIMED_OUT) {
            throw new DeliveryRefusedException("Waited " + settings.maxBlockMs() + " ms (maxBlockMs) for a place among"
                                               + " the " + settings.maxPendingExchanges() + " exchanges the " + name
                                               + " endpoint holds at most (maxPendingExchanges): AWS answers slower"
                                               + " than messages arrive, or not at all");
        }
        enqueue.run();
        trigger();
    }

    /**
     * Sends whatever the source has ready, while slots are free. Call after adding work. On a sender thread it drains
     * right there; from any other thread the drain runs on a sender thread, so a route thread goes back to its
     * consumer at once, and work that arrives meanwhile joins the same requests. When no slot is free it does nothing:
     * the answer that frees one drains; when the source's work lingers for a fuller request ({@link
     * Source#mayBeReady}), no sender thread is woken either: the wake-up at its due time drains.
     */
    public void trigger() {
        Set<DeliveryPipeline> held = HELD.get();
        if (held != null) {
            held.add(this);
            return;
        }
        if (closed || freeSlots.get() <= 0) {
            return;
        }
        if (drainRequests.getAndIncrement() != 0) {
            return; // the running (or scheduled) drain goes round once more
        }
        if (onSenderThread()) {
            drainLoop();
            return;
        }
        if (!flushing && !source.mayBeReady(System.nanoTime())) {
            // what waits lingers for a fuller request: no thread hop for a drain that sends nothing (under load with
            // free slots, one per arriving exchange); the wake-up at its due time drains, or a later trigger that
            // finds a full request
            drainRequests.getAndSet(0); // read, not only written: what a trigger that returned meanwhile queued is seen
            wakeUpAt(source.dueAt());
            if (source.mayBeReady(System.nanoTime()) && drainRequests.getAndIncrement() == 0) {
                hopToSender(); // it filled up or fell due meanwhile
            }
            return;
        }
        hopToSender();
    }

    private void hopToSender() {
        try {
            senders.execute(this::drainLoop);
        } catch (RejectedExecutionException | NullPointerException closing) {
            drainRequests.set(0); // closed meanwhile: nothing more is sent
        }
    }

    private void drainLoop() {
        int missed = 1;
        do {
            drain();
            missed = drainRequests.addAndGet(-missed);
        } while (missed != 0);
    }

    private void drain() {
        while (!closed && takeSlot()) {
            long now = System.nanoTime();
            long rateWait = rate.waitNanos(now);
            if (rateWait > 0) {
                freeSlots.incrementAndGet();
                wakeUpAt(now + rateWait); // maxRequestsPerSecond: the next request goes when the cap allows
                return;
            }
            Request<?> request;
            try {
                request = source.poll(now, flushing);
            } catch (RuntimeException e) {
                freeSlots.incrementAndGet();
                LOG.warn("{}: planning the next request failed; the exchanges at the head of the queue fail: {}", name,
                        SafeMessages.of(e), e);
                if (!fail(() -> source.discardHead(), e)) {
                    return;
                }
                continue;
            }
            if (request == null) {
                freeSlots.incrementAndGet();
                if (!flushing) {
                    wakeUpAt(source.dueAt());
                }
                return;
            }
            rate.take(now);
            send(request);
        }
    }

    private boolean takeSlot() {
        int free;
        do {
            free = freeSlots.get();
            if (free <= 0) {
                return false;
            }
        } while (!freeSlots.compareAndSet(free, free - 1));
        return true;
    }

    private <R> void send(Request<R> request) {
        long started = System.nanoTime();
        CompletableFuture<R> response;
        // the SDK fails a call made on an interrupted thread (SdkInterruptedException): cleared for the call, put back
        boolean interrupted = Thread.interrupted();
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            response = request.send();
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        // a client the endpoint built completes its futures on the sender threads: the answer is read right there;
        // from any other thread (a client the user bound completes on the SDK's own threads) it moves over, once
        response.whenComplete((result, error) -> {
            inFlight.decrementAndGet(); // before its slot is freed: the count never passes maxInFlightRequests
            if (onSenderThread()) {
                answered(request, result, error, started);
            } else {
                readOnSenderThread(() -> answered(request, result, error, started));
            }
        });
    }

    private void readOnSenderThread(Runnable answer) {
        try {
            senders.execute(answer);
        } catch (RejectedExecutionException closing) {
            // the endpoint stopped: its close completed every exchange this answer was for
            LOG.debug("{}: an answer came after the endpoint stopped; its exchanges were completed by the stop", name);
        }
    }

    private <R> void answered(Request<R> request, R result, Throwable error, long started) {
        freeSlots.incrementAndGet(); // first: the next request may go while this answer is read
        if (closed) {
            return; // the close completed every exchange this answer was for: a late answer changes nothing
        }
        Completions outer = READING.get();
        Completions completions = new Completions(this, name, workers, this::proceed, slowBatches);
        READING.set(completions);
        try {
            listener.requestAnswered(request.items(), System.nanoTime() - started,
                    error == null ? null : SafeMessages.errorCode(error));
            request.answered(result, error);
        } catch (RuntimeException e) {
            LOG.warn("{}: handling an answer failed; the exchanges of its request fail: {}", name, SafeMessages.of(e),
                    e);
            fail(request::carried, e);
        } finally {
            if (outer != null) {
                READING.set(outer);
            } else {
                READING.remove();
            }
            completions.handOver();
            slowBatches.check(System.nanoTime()); // under load the sender threads find slow batches before the timer
            trigger();
        }
    }

    /** Fails (exactly once) the submissions {@code which} names with {@code cause}; false when naming them threw. */
    private boolean fail(java.util.function.Supplier<Collection<? extends Submission>> which, RuntimeException cause) {
        Collection<? extends Submission> failing;
        try {
            failing = which.get();
        } catch (RuntimeException e) {
            LOG.warn("{}: could not tell which exchanges to fail: {}", name, SafeMessages.of(e), e);
            return false;
        }
        for (Submission submission : failing) {
            submission.failWith(cause);
        }
        return true;
    }

    /**
     * Runs {@code requeue} (which puts work back into the source and triggers) after {@code delayMillis}, on the
     * pipeline's timer thread; at once when the pipeline is stopping. Dropped when it closes first.
     */
    public void retryAfter(long delayMillis, Runnable requeue) {
        if (flushing || closed) {
            requeue.run();
            return;
        }
        if (timers.retryAfter(delayMillis, requeue) && flushing) {
            timers.fireRetries(); // a stop began around the call
        }
    }

    /**
     * Runs {@code requeue} (which puts a poll back into the source and triggers) after {@code delayMillis}, on the
     * pipeline's timer thread, also while the pipeline stops: unlike a retry, asking again at once whether something
     * finished (a dataset load) would not make it finish, so a stop waits for polls like for any open exchange, up to
     * its timeout. Dropped when the pipeline closes first (or is closed): the submissions it was for are open, and
     * the close fails them.
     */
    public void pollAfter(long delayMillis, Runnable requeue) {
        if (closed) {
            return;
        }
        timers.pollAfter(Math.max(0, delayMillis), requeue);
    }

    /** Drains again at {@code due} ({@link System#nanoTime()} scale; {@link Long#MAX_VALUE}: never). */
    private void wakeUpAt(long due) {
        PipelineTimers current = timers;
        if (current != null && !closed) {
            current.wakeUpAt(due, this::trigger);
        }
    }

    /**
     * Called by {@link Submission#complete()} once its outcome is set: the rest of its route runs on the worker pool,
     * which first gives back its place under the pending bound.
     */
    void completed(Submission submission) {
        Completions reading = READING.get();
        if (reading != null && reading.ownedBy(this)) {
            reading.add(submission); // handed over with the others this answer completes, when it has been read
            return;
        }
        WorkerPool pool = workers;
        if (pool == null) {
            proceed(submission);
        } else {
            pool.execute(() -> proceed(submission));
        }
    }

    private void proceed(Submission submission) {
        released(submission);
        submission.proceed();
    }

    private void released(Submission submission) {
        if (!admission.leave(submission)) {
            return;
        }
        if (flushing && admission.taken() == 0) {
            synchronized (idleLock) {
                idleLock.notifyAll();
            }
        }
    }

    /**
     * Runs {@code handOver} (which submits several exchanges on this thread) with the drains it would start held back
     * until it returns, so that work handed over together is packed together (a batch of exchanges does not go out as
     * one request per exchange while slots are free). A submission that must wait for the pending bound releases the
     * held drains first.
     */
    public static void handOverTogether(Runnable handOver) {
        if (HELD.get() != null) {
            handOver.run();
            return;
        }
        HELD.set(new LinkedHashSet<>());
        try {
            handOver.run();
        } finally {
            releaseHeldDrains();
            HELD.remove();
        }
    }

    private static void releaseHeldDrains() {
        Set<DeliveryPipeline> held = HELD.get();
        if (held == null || held.isEmpty()) {
            return;
        }
        List<DeliveryPipeline> pipelines = List.copyOf(held);
        held.clear();
        HELD.remove();
        try {
            for (DeliveryPipeline pipeline : pipelines) {
                pipeline.trigger();
            }
        } finally {
            HELD.set(held);
        }
    }

    /**
     * The last producer stopped: new exchanges are refused, what lingers or waits for a backoff is sent now, and open
     * exchanges are awaited up to {@code timeout}. Whatever is still open after that keeps going (its requests are
     * answered and its exchanges complete as a forced route stop leaves them), until the pipeline is resumed by a
     * producer that starts again (same queues, so per-group order holds across a restart) or closed with its endpoint.
     *
     * @return whether every open exchange completed within the timeout
     */
    public boolean quiesce(Duration timeout) {
        if (closed) {
            return true;
        }
        accepting = false;
        flushing = true;
        // a stop that Camel forces after its shutdown timeout interrupts this thread: the wait below is bounded by the
        // timeout anyway, so the interrupt is held until it ends (else what the stop just sent would not be awaited)
        boolean interrupted = Thread.interrupted();
        try {
            timers.fireRetries();
            trigger();
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (idleLock) {
                long left;
                while (admission.taken() > 0 && (left = deadline - System.nanoTime()) > 0) {
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
        if (admission.taken() > 0) {
            LOG.warn("{}: {} exchanges not answered by AWS within the shutdown timeout of {}; they complete when AWS"
                     + " answers, or fail when the endpoint stops", name, admission.taken(), timeout);
            return false;
        }
        return true;
    }

    /** A producer started again after {@link #quiesce}: exchanges are taken again, lingering and backoffs apply. */
    public void resume() {
        if (closed) {
            throw new IllegalStateException("The " + name + " delivery pipeline is closed");
        }
        flushing = false;
        accepting = true;
    }

    /**
     * The endpoint stops: callers waiting for the bound are refused, retries waiting for their backoff are dropped (not
     * sent on a client about to close), whatever is still open completes at once with an exception saying so, and the
     * threads end (the worker pool after the completions handed to it).
     */
    public void close() {
        if (closed) {
            return;
        }
        accepting = false;
        flushing = true;
        closed = true;
        timers.close();
        List<Submission> left = admission.close();
        if (!left.isEmpty()) {
            LOG.warn("{}: closing with {} exchanges not answered by AWS; they fail", name, left.size());
            RuntimeException reason = new DeliveryRefusedException(
                    "The " + name + " endpoint stopped before AWS answered for this exchange");
            for (Submission submission : left) {
                submission.failWith(reason);
            }
        }
        workers.shutdown(); // the sender threads are the endpoint's: it ends them after its client closed
    }

    /** The context's graceful shutdown timeout: how long a stopping pipeline waits for its exchanges. */
    public static Duration shutdownTimeout(CamelContext context) {
        org.apache.camel.spi.ShutdownStrategy shutdown = context.getShutdownStrategy();
        return Duration.ofMillis(shutdown.getTimeUnit().toMillis(shutdown.getTimeout()));
    }

    /** Requests handed to the SDK and not yet answered. */
    public int requestsInFlight() {
        return inFlight.get();
    }

    /** The most requests that were in flight at once since the pipeline was made (never above the bound). */
    public int peakRequestsInFlight() {
        return peakInFlight.get();
    }

    /** Exchanges admitted and not yet handed to the rest of their route. */
    public int pendingExchanges() {
        return admission.taken();
    }

    /** Whether the pipeline is closed (or not started yet). */
    public boolean isStopped() {
        return closed;
    }

    /** Whether it takes new exchanges (started, not quiesced). */
    public boolean isAccepting() {
        return accepting;
    }
}
