package io.github.camelawsevents.aws.scn;

import java.time.Duration;

import org.apache.camel.Exchange;

/**
 * With {@code confirmDatasetLoad} and {@code datasetLoadTimeoutAction=FAIL}: the load of a {@code scn.data.dataset}
 * event of the message was still {@code IN_PROGRESS} when {@code datasetLoadTimeout} ran out. The event is stored and
 * its load may still succeed: read its status later (operation getDataIntegrationEvent with {@link #getEventId()})
 * rather than sending it again.
 */
public class DatasetLoadTimeoutException extends DatasetLoadException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    public DatasetLoadTimeoutException(Exchange exchange, String eventId, String datasetIdentifier, Duration timeout,
                                       int polls, String which) {
        super("The load of " + which + " (event " + eventId + ") into dataset " + datasetIdentifier
              + " was still IN_PROGRESS after datasetLoadTimeout=" + timeout.toMillis() + "ms (" + polls
              + " GetDataIntegrationEvent polls). The event is stored and may still load: read its status later with"
              + " operation getDataIntegrationEvent instead of sending it again; datasetLoadTimeoutAction=COMPLETE"
              + " completes such exchanges with CamelAwsScnDatasetLoadStatus=IN_PROGRESS instead.",
                exchange, eventId, datasetIdentifier, "IN_PROGRESS", null);
        this.timeout = timeout;
    }

    /** The datasetLoadTimeout that ran out. */
    public Duration getTimeout() {
        return timeout;
    }
}
