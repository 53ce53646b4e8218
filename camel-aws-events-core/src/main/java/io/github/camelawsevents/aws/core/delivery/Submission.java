package io.github.camelawsevents.aws.core.delivery;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * One exchange's work in a {@link DeliveryPipeline}: it holds a place of the pipeline's pending bound from admission
 * until it completes, and it completes exactly once: when AWS accepted or refused everything it carried, or when the
 * pipeline stops before that (then {@link #abandon} says what is unknown).
 * <p>
 * Subclasses keep their per-item state thread-safe: answers to different requests, and a stop, may touch one
 * submission on different Camel threads.
 */
public abstract class Submission {

    private final Exchange exchange;
    private final AsyncCallback callback;
    private final AtomicBoolean done = new AtomicBoolean();
    private DeliveryPipeline pipeline;
    private boolean holdsBound;

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
     * Completes the exchange, once: sets its headers and exception ({@link #finish()}), gives back its place in the
     * pending bound, and calls Camel's callback. Later calls do nothing.
     *
     * @return whether this call completed it
     */
    public final boolean complete() {
        if (!done.compareAndSet(false, true)) {
            return false;
        }
        try {
            finish();
        } catch (RuntimeException e) {
            exchange.setException(e);
        } finally {
            if (pipeline != null) {
                pipeline.released(this);
            }
            callback.done(false);
        }
        return true;
    }

    /** Puts the outcome on the exchange: headers, and the exception when something failed. */
    protected abstract void finish();

    /**
     * The pipeline stops and cannot wait any longer: whatever AWS has not answered for yet is failed with
     * {@code reason} so that {@link #finish()} reports it. {@link #complete()} follows.
     */
    protected abstract void abandon(Exception reason);

    final void admitted(DeliveryPipeline pipeline, boolean holdsBound) {
        this.pipeline = pipeline;
        this.holdsBound = holdsBound;
    }

    final boolean holdsBound() {
        return holdsBound;
    }
}
