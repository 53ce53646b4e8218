package io.github.camelawsevents.aws.core.delivery;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * One exchange's work in a {@link DeliveryPipeline}: it holds a place under the pipeline's pending bound from admission
 * until the rest of its route starts, and it completes exactly once: when AWS accepted or refused everything it
 * carried, or when something ends it first ({@link #failWith}: a stop, a failure while planning or reading an answer).
 * <p>
 * Subclasses keep their per-item state thread-safe: answers to different requests, and a stop, may touch one
 * submission on different threads.
 */
public abstract class Submission {

    private final Exchange exchange;
    private final AsyncCallback callback;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile DeliveryPipeline pipeline;
    // its place in the pipeline's Admission, guarded by the admission's lock
    Submission openPrevious;
    Submission openNext;
    boolean held;

    protected Submission(Exchange exchange, AsyncCallback callback) {
        this.exchange = exchange;
        this.callback = callback;
    }

    public final Exchange exchange() {
        return exchange;
    }

    /** Whether the submission completed already. */
    public final boolean isDone() {
        return done.get();
    }

    /**
     * Completes the exchange, once: sets its headers and exception ({@link #finish()}) on this thread, then the rest of
     * its route runs on the pipeline's worker pool (before that, its place under the pending bound is given back).
     * Later calls do nothing.
     *
     * @return whether this call completed it
     */
    public final boolean complete() {
        if (!settle()) {
            return false;
        }
        DeliveryPipeline admittedTo = pipeline;
        if (admittedTo != null) {
            admittedTo.completed(this);
        } else {
            callback.done(false);
        }
        return true;
    }

    /**
     * Completes a submission that was never handed to a pipeline (nothing to send), on the calling thread: the caller
     * then calls Camel's callback with {@code true}.
     */
    public final void completeNow() {
        settle();
    }

    /** Ends whatever AWS has not answered for yet with {@code cause}, and completes the exchange (once). */
    final void failWith(Exception cause) {
        if (done.get()) {
            return;
        }
        try {
            abandon(cause);
        } catch (RuntimeException e) {
            exchange.setException(cause);
        }
        complete();
    }

    private boolean settle() {
        if (!done.compareAndSet(false, true)) {
            return false;
        }
        try {
            finish();
        } catch (RuntimeException e) {
            exchange.setException(e);
        }
        return true;
    }

    /** The rest of the route, on a worker thread. */
    final void proceed() {
        callback.done(false);
    }

    /** Puts the outcome on the exchange: headers, and the exception when something failed. */
    protected abstract void finish();

    /**
     * Delivery ends before AWS answered for everything: whatever is not answered for yet is failed with
     * {@code reason} so that {@link #finish()} reports it. {@link #complete()} follows.
     */
    protected abstract void abandon(Exception reason);

    final void admitted(DeliveryPipeline pipeline) {
        this.pipeline = pipeline;
    }
}
