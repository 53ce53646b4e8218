package io.github.camelawsevents.aws.scn;

import io.github.camelawsevents.aws.core.SafeMessages;
import io.github.camelawsevents.aws.core.delivery.Submission;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEvent;

/** A GetDataIntegrationEvent of one exchange: the event becomes the body, or the error the exception. */
final class ReadBackSubmission extends Submission {

    private final String eventId;
    private DataIntegrationEvent event;
    private Throwable failure;

    ReadBackSubmission(Exchange exchange, AsyncCallback callback, String eventId) {
        super(exchange, callback);
        this.eventId = eventId;
    }

    String eventId() {
        return eventId;
    }

    synchronized void answered(DataIntegrationEvent event, Throwable error) {
        this.event = event;
        this.failure = error;
    }

    @Override
    protected synchronized void abandon(Exception reason) {
        if (event == null && failure == null) {
            failure = reason;
        }
    }

    @Override
    protected synchronized void finish() {
        if (failure != null) {
            exchange().setException(SafeMessages.unwrap(failure));
        } else {
            exchange().getMessage().setBody(event);
        }
    }
}
