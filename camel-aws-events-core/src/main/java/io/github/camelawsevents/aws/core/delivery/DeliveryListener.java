package io.github.camelawsevents.aws.core.delivery;

/**
 * What a delivery pipeline reports as it goes, for metrics and the dev console. Called on Camel threads, never on an
 * AWS SDK thread; implementations must be thread-safe and cheap, and must never see a payload or a secret.
 * "Items" are what the API counts in a request: entries for PutPartnerEvents, records for SendDataIntegrationEvent.
 */
public interface DeliveryListener {

    /** Reports nothing. */
    DeliveryListener NONE = new DeliveryListener() {
    };

    /**
     * A request was answered.
     *
     * @param items        the items it carried
     * @param latencyNanos from handing it to the SDK until the answer (the SDK's own retries included)
     * @param errorCode    null when AWS accepted the request (even with failed items inside), else the error code of
     *                     the whole request (the AWS error code, or the exception's simple class name)
     */
    default void requestAnswered(int items, long latencyNanos, String errorCode) {
    }

    /** AWS accepted {@code items} items. */
    default void accepted(int items) {
    }

    /** {@code items} items failed for good with {@code errorCode}. */
    default void failed(String errorCode, int items, String errorMessage) {
    }

    /** {@code items} items will be sent again after a retryable error. */
    default void retried(int items) {
    }
}
