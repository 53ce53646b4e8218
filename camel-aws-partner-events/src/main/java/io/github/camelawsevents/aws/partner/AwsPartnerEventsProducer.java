package io.github.camelawsevents.aws.partner;

import java.util.List;

import io.github.camelawsevents.aws.core.delivery.AbstractDeliveringProducer;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * Sends a message's entries with PutPartnerEvents: read and check the entries → hand them to the endpoint's delivery
 * pipeline (the calling thread waits while the pending bound is full), where they share requests with the entries of
 * other exchanges up to the API's limits → each answer is mapped back to the entries, retryable entry errors are sent
 * again after a backoff, a request refused as too large is sent again in halves → when every entry of this message is
 * answered for, its headers are set and the rest of its route runs on the worker pool. Invalid input fails only its own
 * exchange, before anything is sent.
 */
public class AwsPartnerEventsProducer extends AbstractDeliveringProducer<PartnerDelivery> {

    private final AwsPartnerEventsConfiguration configuration;
    private final EntryReader reader;

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
    protected boolean deliver(PartnerDelivery delivery, Exchange exchange, AsyncCallback callback) {
        PartnerSubmission submission = new PartnerSubmission(exchange, callback, reader.read(exchange.getMessage()),
                configuration.isFailOnPartialFailure());
        List<Integer> positions = submission.positionsToSend();
        if (positions.isEmpty()) {
            // a redelivery of a message whose entries were all accepted earlier, or an empty collection
            submission.completeNow();
            return false;
        }
        delivery.submit(submission, positions);
        return true;
    }

    @Override
    protected String describe() {
        return configuration.toString();
    }
}
