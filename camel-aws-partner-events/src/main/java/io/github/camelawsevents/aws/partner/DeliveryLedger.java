package io.github.camelawsevents.aws.partner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.github.camelawsevents.aws.core.SafeMessages;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResultEntry;

/**
 * What happened to each entry of one message, by input position, across all its requests and retry rounds. Requests
 * of one round complete on different threads, hence the synchronized methods; nothing here does I/O.
 */
public final class DeliveryLedger {

    /** The result code given to an entry for which the response had no result. */
    public static final String MISSING_RESULT = "MissingResult";

    private final List<PutPartnerEventsRequestEntry> entries;
    private final String[] eventIds;
    private final String[] errorCodes;
    private final String[] errorMessages;
    private final List<Integer> retryable = new ArrayList<>();
    private Throwable requestError;

    public DeliveryLedger(List<PutPartnerEventsRequestEntry> entries) {
        this.entries = entries;
        this.eventIds = new String[entries.size()];
        this.errorCodes = new String[entries.size()];
        this.errorMessages = new String[entries.size()];
    }

    /** How a message's delivery ended: a closed set of cases. */
    public sealed interface Outcome {

        /** Every entry's EventId in input order; null where the entry failed. */
        List<String> eventIds();

        /** The entries that failed, in input order; empty when all were accepted. */
        List<FailedEntry> failed();
    }

    /** Every entry was accepted. */
    public record Delivered(List<String> eventIds) implements Outcome {
        @Override
        public List<FailedEntry> failed() {
            return List.of();
        }
    }

    /** Every request was accepted, but some entries inside them failed (after the retries). */
    public record EntriesFailed(List<String> eventIds, List<FailedEntry> failed) implements Outcome {
    }

    /** At least one whole request failed (after the SDK's retries); {@code error} is the first such failure. */
    public record RequestFailed(Throwable error, List<String> eventIds, List<FailedEntry> failed) implements Outcome {
    }

    /**
     * Records a response to the request that carried the entries at {@code positions} (in request order). Entries
     * that failed with a retryable code are remembered for {@link #takeRetryable()}.
     */
    public synchronized void accept(List<Integer> positions, PutPartnerEventsResponse response) {
        List<PutPartnerEventsResultEntry> results = response.hasEntries() ? response.entries() : List.of();
        for (int j = 0; j < positions.size(); j++) {
            int position = positions.get(j);
            if (j >= results.size()) {
                fail(position, MISSING_RESULT, "The response had " + results.size() + " results for "
                                               + positions.size() + " entries");
                continue;
            }
            PutPartnerEventsResultEntry result = results.get(j);
            if (result.errorCode() == null && result.eventId() != null) {
                eventIds[position] = result.eventId();
                errorCodes[position] = null;
                errorMessages[position] = null;
            } else {
                String code = result.errorCode() != null ? result.errorCode() : MISSING_RESULT;
                fail(position, code, result.errorMessage());
                if (EntryErrors.isRetryable(code)) {
                    retryable.add(position);
                }
            }
        }
    }

    /** Records that AWS accepted the entry at {@code position} on an earlier attempt at the same message. */
    public synchronized void acceptedEarlier(int position, String eventId) {
        eventIds[position] = eventId;
        errorCodes[position] = null;
        errorMessages[position] = null;
    }

    /** Records that the request carrying the entries at {@code positions} failed as a whole. */
    public synchronized void reject(List<Integer> positions, Throwable error) {
        Throwable cause = SafeMessages.unwrap(error);
        if (requestError == null) {
            requestError = cause;
        }
        String code = cause instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null
                        ? aws.awsErrorDetails().errorCode() : cause.getClass().getSimpleName();
        String message = SafeMessages.of(cause);
        for (int position : positions) {
            fail(position, code, message);
        }
    }

    /** The positions that failed with a retryable code since the last call, in input order. */
    public synchronized List<Integer> takeRetryable() {
        if (retryable.isEmpty()) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>(retryable);
        retryable.clear();
        Collections.sort(out);
        return out;
    }

    /** The outcome so far; entries still marked retryable count as failed with their last code. */
    public synchronized Outcome outcome() {
        List<String> ids = Collections.unmodifiableList(Arrays.asList(eventIds.clone()));
        List<FailedEntry> failed = new ArrayList<>();
        for (int i = 0; i < errorCodes.length; i++) {
            if (errorCodes[i] != null) {
                failed.add(new FailedEntry(i, entries.get(i), errorCodes[i], errorMessages[i]));
            }
        }
        if (requestError != null) {
            return new RequestFailed(requestError, ids, List.copyOf(failed));
        }
        return failed.isEmpty() ? new Delivered(ids) : new EntriesFailed(ids, List.copyOf(failed));
    }

    private void fail(int position, String code, String message) {
        eventIds[position] = null;
        errorCodes[position] = code;
        errorMessages[position] = message;
    }
}
