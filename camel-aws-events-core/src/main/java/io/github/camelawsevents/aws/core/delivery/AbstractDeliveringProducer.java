package io.github.camelawsevents.aws.core.delivery;

import java.util.List;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one shape of both producers: a batch of exchanges as a body is delivered exchange by exchange
 * ({@link ExchangeBatch}); otherwise the message is read and checked, and its work handed to the endpoint's delivery
 * pipeline ({@link #deliver}); invalid input, or a pipeline that does not take it, fails the exchange on the calling
 * thread, before anything is sent. The pipeline is the endpoint's, shared by its producers: taken when a producer
 * starts, given back when it stops.
 *
 * @param <D> the component's side of the pipeline
 */
public abstract class AbstractDeliveringProducer<D extends AbstractDeliveringEndpoint.Delivery>
        extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractDeliveringProducer.class);

    private final AbstractDeliveringEndpoint<?, D> endpoint;
    private volatile D delivery;

    protected AbstractDeliveringProducer(AbstractDeliveringEndpoint<?, D> endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    /**
     * Reads and checks the message, and hands its work to {@code delivery}.
     *
     * @return true when the exchange was handed over (it completes later, on the worker pool), false when it was
     *         completed here (nothing to send)
     * @throws Exception when the message is invalid or the pipeline refused it: the exchange fails with it
     */
    protected abstract boolean deliver(D delivery, Exchange exchange, AsyncCallback callback) throws Exception;

    /** What the producer is set up with, for its start-up log line (never a secret). */
    protected abstract String describe();

    @Override
    public final boolean process(Exchange exchange, AsyncCallback callback) {
        List<Exchange> batch = ExchangeBatch.exchangesOf(exchange.getMessage().getBody());
        if (batch != null) {
            // a batch of exchanges (camel-kafka's batching consumer): each delivered as if alone, sharing requests
            return ExchangeBatch.process(exchange, batch, this::process, callback);
        }
        D current = delivery;
        try {
            if (current == null) {
                throw new DeliveryRefusedException(this + " is not started");
            }
            if (deliver(current, exchange, callback)) {
                return false;
            }
        } catch (Exception e) {
            // refused before sending: nothing reached AWS, the route goes on with the next message
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        delivery = endpoint.startDelivery();
        LOG.info("Started {} producer: {}", scheme(), describe());
    }

    /**
     * Camel stops a producer after its graceful shutdown waited for the exchanges in flight. When it is the endpoint's
     * last, what still waits is sent at once (lingering and retry backoffs end) and awaited up to the shutdown timeout;
     * what is still open then goes on until AWS answers, or fails when the endpoint stops.
     */
    @Override
    protected void doStop() throws Exception {
        delivery = null;
        endpoint.stopDelivery();
        LOG.info("Stopped {} producer: {}", scheme(), describe());
        super.doStop();
    }

    private String scheme() {
        String uri = endpoint.getEndpointUri();
        return uri.substring(0, Math.max(0, uri.indexOf(':')));
    }

    @Override
    public String toString() {
        String uri = endpoint.getEndpointUri();
        return getClass().getSimpleName() + "[" + URISupport.sanitizeUri(uri.substring(0, Math.min(uri.length(), 120)))
               + "]";
    }
}
