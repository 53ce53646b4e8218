package io.github.camelawsevents.aws.scn;

import io.github.camelawsevents.aws.core.SafeMessages;
import io.github.camelawsevents.aws.core.delivery.Submission;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEvent;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEventDatasetLoadExecutionDetails;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEventDatasetLoadStatus;

/**
 * A GetDataIntegrationEvent of one exchange: the event becomes the body, or the error the exception. For a
 * scn.data.dataset event the load status and message AWS reports now become headers (no waiting); a FAILED load makes
 * the endpoint forget the dataset's kept schema, so the record check reads it again.
 */
final class ReadBackSubmission extends Submission {

    private final String eventId;
    private final DatasetSchemas datasetSchemas;
    private DataIntegrationEvent event;
    private Throwable failure;

    ReadBackSubmission(Exchange exchange, AsyncCallback callback, String eventId) {
        this(exchange, callback, eventId, null);
    }

    ReadBackSubmission(Exchange exchange, AsyncCallback callback, String eventId, DatasetSchemas datasetSchemas) {
        super(exchange, callback);
        this.eventId = eventId;
        this.datasetSchemas = datasetSchemas;
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
            Message message = exchange().getMessage();
            message.setBody(event);
            DataIntegrationEventDatasetLoadExecutionDetails load = event != null && event.datasetTargetDetails() != null
                    ? event.datasetTargetDetails().datasetLoadExecution() : null;
            if (load != null) {
                message.setHeader(AwsScnEventConstants.DATASET_LOAD_STATUS, load.statusAsString());
                if (load.message() != null) {
                    message.setHeader(AwsScnEventConstants.DATASET_LOAD_MESSAGE, load.message());
                }
                if (load.status() == DataIntegrationEventDatasetLoadStatus.FAILED && datasetSchemas != null) {
                    // the load may have failed because the dataset's schema changed: read it again at the next event
                    datasetSchemas.forget(event.datasetTargetDetails().datasetIdentifier());
                }
            }
        }
    }
}
