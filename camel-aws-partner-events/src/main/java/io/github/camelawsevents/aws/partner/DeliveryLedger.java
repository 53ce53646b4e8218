package io.github.camelawsevents.aws.partner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.github.camelawsevents.aws.core.SafeMessages;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

/**
 * What happened to each entry of one message, by input position, across every request and retry that carried it.
 * Answers to different requests arrive on different threads, hence the synchronized methods; nothing here does I/O.
 */
final class DeliveryLedger {

    /** The result code given to an entry for which the response had no result. */
    public static final String MISSING_RESULT = "MissingResult";

    private final List<PutPartnerEventsRequestEntry> entries;
    private final String[] eventIds;
    private final String[] errorCodes;
    private final String[] errorMessages;
    private final boolean[] settled;
    private int unsettled;
    private Throwable requestError;

    public DeliveryLedger(List<PutPartnerEventsRequestEntry> entries) {
        this.entries = entries;
        this.eventIds = new String[entries.size()];
        this.errorCodes = new String[entries.size()];
        this.errorMessages = new String[entries.size()];
        this.settled = new boolean[entries.size()];
        this.unsettled = entries.size();
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

    /**
     * At least one request that carried entries of the message failed as a whole (after the SDK's retries), or the
     * producer stopped before AWS answered; {@code error} is the first such failure.
     */
    public record RequestFailed(Throwable error, List<String> eventIds, List<FailedEntry> failed) implements Outcome {
    }

    /**
     * AWS accepted the entry at {@code position} with {@code eventId}.
     *
     * @return whether every entry of the message is settled now
     */
    public synchronized boolean accepted(int position, String eventId) {
        eventIds[position] = eventId;
        errorCodes[position] = null;
        errorMessages[position] = null;
        return settle(position);
    }

    /**
     * The entry at {@code position} failed for good with {@code code}.
     *
     * @return whether every entry of the message is settled now
     */
    public synchronized boolean failed(int position, String code, String message) {
        eventIds[position] = null;
        errorCodes[position] = code != null ? code : MISSING_RESULT;
        errorMessages[position] = message;
        return settle(position);
    }

    /**
     * The request carrying the entries at {@code positions} failed as a whole with {@code error}.
     *
     * @return whether every entry of the message is settled now
     */
    public synchronized boolean requestFailed(List<Integer> positions, Throwable error) {
        Throwable cause = SafeMessages.unwrap(error);
        if (requestError == null) {
            requestError = cause;
        }
        String code = SafeMessages.errorCode(cause);
        String message = SafeMessages.of(cause);
        boolean all = false;
        for (int position : positions) {
            all = failed(position, code, message);
        }
        return all;
    }

    /** The entries still waiting for an answer fail with {@code reason} (the producer stopped). */
    public synchronized void abandon(Exception reason) {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < settled.length; i++) {
            if (!settled[i]) {
                open.add(i);
            }
        }
        if (!open.isEmpty()) {
            requestFailed(open, reason);
        }
    }

    /** How many entries still wait for their final answer. */
    public synchronized int unsettled() {
        return unsettled;
    }

    /** The outcome so far. */
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

    private boolean settle(int position) {
        if (!settled[position]) {
            settled[position] = true;
            unsettled--;
        }
        return unsettled == 0;
    }
}
