package io.github.camelawsevents.aws.partner;

import java.util.List;

import io.github.camelawsevents.aws.core.delivery.ExchangeBatch;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a message's entries with PutPartnerEvents: read and check the entries → hand them to the endpoint's delivery
 * pipeline (the calling thread waits while the pending bound is full), where they share requests with the entries of
 * other exchanges up to the API's limits → each answer is mapped back to the entries, retryable entry errors are sent
 * again after a backoff → when every entry of this message is answered for, set its headers and complete it on a Camel
 * thread. Invalid input fails only its own exchange, before anything is sent.
 */
public class AwsPartnerEventsProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(AwsPartnerEventsProducer.class);

    private final AwsPartnerEventsConfiguration configuration;
    private final EntryReader reader;
    private PartnerDelivery delivery;

    public AwsPartnerEventsProducer(AwsPartnerEventsEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.reader = new EntryReader(configuration.getEventSource(), configuration.getDetailType(),
                configuration.resourceList(), configuration.requestLimits());
    }

    @Override
    public AwsPartnerEventsEndpoint getEndpoint() {
        return (AwsPartnerEventsEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        List<Exchange> batch = ExchangeBatch.exchangesOf(exchange.getMessage().getBody());
        if (batch != null) {
            // a batch of exchanges (camel-kafka's batching consumer): each delivered as if alone, sharing requests
            return ExchangeBatch.process(exchange, batch, this::process, callback);
        }
        PartnerSubmission submission;
        List<Integer> positions;
        try {
            submission = new PartnerSubmission(exchange, callback, reader.read(exchange.getMessage()),
                    configuration.isFailOnPartialFailure());
            positions = submission.positionsToSend();
        } catch (Exception e) {
            // refused before sending: nothing reached AWS, the route goes on with the next message
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (positions.isEmpty()) {
            // a redelivery of a message whose entries were all accepted earlier, or an empty collection
            submission.complete();
            return false;
        }
        PartnerDelivery current = delivery;
        boolean interrupted = false;
        try {
            if (current == null) {
                throw new IllegalStateException(this + " is not started");
            }
            interrupted = current.submit(submission, positions);
        } catch (IllegalStateException stopped) {
            exchange.setException(stopped);
            callback.done(true);
            return true;
        } finally {
            if (interrupted) {
                // restored only now: the SDK refuses a call made on an interrupted thread
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        delivery = getEndpoint().startDelivery();
        LOG.info("Started aws-partner-events producer: {}", configuration);
    }

    /**
     * Camel stops a producer after its graceful shutdown waited for the exchanges in flight. What still waits now is
     * sent at once (lingering and retry backoffs end), and is awaited up to the shutdown timeout; whatever AWS has not
     * answered for by then fails its exchange.
     */
    @Override
    protected void doStop() throws Exception {
        delivery = null;
        getEndpoint().stopDelivery();
        LOG.info("Stopped aws-partner-events producer for {}", configuration.getEventSource());
        super.doStop();
    }

    @Override
    public String toString() {
        return "AwsPartnerEventsProducer[" + URISupport.sanitizeUri(getEndpoint().getEndpointUri()) + "]";
    }
}
