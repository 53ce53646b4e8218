package io.github.camelawsevents.aws.scn;

import org.apache.camel.Exchange;

/**
 * With {@code confirmDatasetLoad}: AWS reported the load of a {@code scn.data.dataset} event of the message as
 * {@code FAILED}; {@link #getLoadMessage()} is AWS's reason (datasetTargetDetails.datasetLoadExecution.message), e.g.
 * a column whose values do not match the dataset's schema. Sending the same records again does not help: fix them (or
 * the dataset) first, e.g. from a dead-letter channel.
 */
public class DatasetLoadFailedException extends DatasetLoadException {

    private static final long serialVersionUID = 1L;

    private final String loadMessage;

    public DatasetLoadFailedException(Exchange exchange, String eventId, String datasetIdentifier, String loadMessage,
                                      String which) {
        super("The load of " + which + " (event " + eventId + ") into dataset " + datasetIdentifier + " FAILED: "
              + (loadMessage != null ? loadMessage : "AWS gave no message"), exchange, eventId, datasetIdentifier,
                "FAILED", null);
        this.loadMessage = loadMessage;
    }

    /** AWS's message about the failed load, or null when it gave none. */
    public String getLoadMessage() {
        return loadMessage;
    }
}
