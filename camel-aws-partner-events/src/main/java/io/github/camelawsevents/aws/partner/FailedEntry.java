package io.github.camelawsevents.aws.partner;

import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

/**
 * An entry EventBridge did not accept, after the retries.
 *
 * @param index        the entry's position in the message body (0 for a single-entry message)
 * @param entry        the entry as it was sent (with Source, DetailType, Resources and Time resolved), ready to be
 *                     sent again
 * @param errorCode    the entry's ErrorCode (e.g. {@code InvalidArgument}, {@code ThrottlingException}), or the
 *                     error code of the whole request that carried it
 * @param errorMessage the entry's ErrorMessage
 */
public record FailedEntry(int index, PutPartnerEventsRequestEntry entry, String errorCode, String errorMessage) {

    /** Whether EventBridge says sending the entry again may succeed. */
    public boolean isRetryable() {
        return EntryErrors.isRetryable(errorCode);
    }

    /** Index, error code and message; never the Detail, which may hold personal data. */
    @Override
    public String toString() {
        return "entry " + index + ": " + errorCode + (errorMessage != null ? " (" + errorMessage + ")" : "");
    }
}
