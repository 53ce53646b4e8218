package io.github.camelawsevents.aws.scn;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.core.SendHealthCheck;
import io.github.camelawsevents.aws.core.delivery.AbstractDeliveringProducer;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * Sends each message as one or more data integration events, asynchronously.
 * <p>
 * Per message: read and check it (nothing is sent when it is invalid) → hand it to the endpoint's delivery pipeline
 * (the calling thread waits while the pending bound is full: backpressure) → its events wait behind those of its group
 * when {@code preserveOrder} (with {@code coalesceRecords}, they may share an event with other messages' records) →
 * when its group's turn comes and a request slot is free, they go out one after another → the event ids are put on
 * the message and the rest of the route runs on the worker pool, never on (or blocking) an AWS SDK thread.
 */
public class AwsScnEventProducer extends AbstractDeliveringProducer<ScnDelivery> {

    private final AwsScnEventEndpoint endpoint;
    private final AwsScnEventConfiguration config;
    private final ScnMessageReader reader;

    public AwsScnEventProducer(AwsScnEventEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.reader = new ScnMessageReader(config);
    }

    @Override
    public AwsScnEventEndpoint getEndpoint() {
        return endpoint;
    }

    /** The endpoint's health check in the {@code producers} repository (null while stopped). */
    public SendHealthCheck getHealthCheck() {
        return endpoint.deliveryHealthCheck();
    }

    @Override
    protected boolean deliver(ScnDelivery delivery, Exchange exchange, AsyncCallback callback) {
        if (operation(exchange) == ScnOperation.getDataIntegrationEvent) {
            delivery.submit(readBack(exchange, callback));
        } else {
            delivery.submit(new ScnSubmission(exchange, callback, reader.read(exchange)));
        }
        return true;
    }

    private static ScnOperation operation(Exchange exchange) {
        Object value = exchange.getMessage().getHeader(AwsScnEventConstants.OPERATION);
        if (value == null) {
            return ScnOperation.sendDataIntegrationEvent;
        }
        try {
            return ScnOperation.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
            throw new FieldValidationException(AwsScnEventConstants.OPERATION,
                    "sendDataIntegrationEvent or getDataIntegrationEvent",
                    "'" + ScnConstraints.abbreviate(value.toString()) + "'", -1);
        }
    }

    private static ReadBackSubmission readBack(Exchange exchange, AsyncCallback callback) {
        String eventId = exchange.getMessage().getHeader(AwsScnEventConstants.EVENT_ID, String.class);
        if (eventId == null || eventId.isEmpty()) {
            throw FieldValidationException.missing(AwsScnEventConstants.EVENT_ID, -1);
        }
        return new ReadBackSubmission(exchange, callback, eventId);
    }

    @Override
    protected String describe() {
        return config + ", " + endpoint.getEventsSent() + " events accepted by the endpoint so far";
    }
}
