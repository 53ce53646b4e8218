package io.github.camelawsevents.aws.scn;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;

/**
 * With {@code confirmDatasetLoad}: AWS accepted a {@code scn.data.dataset} event of the message (it is stored, and a
 * redelivery with the same client token gets the same event id, not a second load), but its load into the dataset was
 * not confirmed. This class itself means the status could not be read, or the endpoint stopped first (the cause says
 * which); its subclasses mean the load {@linkplain DatasetLoadFailedException failed} or was still running at the
 * {@linkplain DatasetLoadTimeoutException time limit}. Catch this type to handle all three.
 */
public class DatasetLoadException extends CamelExchangeException {

    private static final long serialVersionUID = 1L;

    private final String eventId;
    private final String datasetIdentifier;
    private final String status;

    public DatasetLoadException(String message, Exchange exchange, String eventId, String datasetIdentifier,
                                String status, Throwable cause) {
        super(message, exchange, cause);
        this.eventId = eventId;
        this.datasetIdentifier = datasetIdentifier;
        this.status = status;
    }

    /** The id AWS gave the event whose load was not confirmed. */
    public String getEventId() {
        return eventId;
    }

    /** The ARN of the dataset the event loads into. */
    public String getDatasetIdentifier() {
        return datasetIdentifier;
    }

    /** The last load status AWS reported (FAILED, IN_PROGRESS), or null when none was read. */
    public String getStatus() {
        return status;
    }
}
