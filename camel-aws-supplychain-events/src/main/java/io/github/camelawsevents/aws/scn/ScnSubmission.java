package io.github.camelawsevents.aws.scn;

import java.util.ArrayList;
import java.util.List;

import io.github.camelawsevents.aws.core.SafeMessages;
import io.github.camelawsevents.aws.core.delivery.ExchangeBatch;
import io.github.camelawsevents.aws.core.delivery.Submission;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * One exchange's events on their way, sent one after another: the id of the event that carried each (with record
 * coalescing, an event may carry the records of several exchanges), and how the exchange ends. After a failed event,
 * the exchange's later events are not sent: the service would get them out of order. For the same reason, in a batch
 * of exchanges the later records of a group are not sent after one of them failed for good.
 */
final class ScnSubmission extends Submission {

    private final OutgoingEvents events;
    private final String[] eventIds;
    /** The id of the batch of exchanges this exchange came in ({@link ExchangeBatch}), or null. */
    private final String batchId;
    private int settled;
    private Throwable failure;
    private int failedIndex = -1;
    /** Whether the failed event was not sent, because an earlier record of its group in the batch failed. */
    private boolean notSent;
    /** Events accepted by AWS whose dataset load is being confirmed (confirmDatasetLoad). */
    private final boolean[] loadPending;
    /** The load status (and AWS's message) the exchange reports: of its events' loads, the worst. */
    private String loadStatus;
    private String loadMessage;

    ScnSubmission(Exchange exchange, AsyncCallback callback, OutgoingEvents events) {
        super(exchange, callback);
        this.events = events;
        this.eventIds = new String[events.requests().size()];
        this.loadPending = new boolean[eventIds.length];
        this.batchId = exchange.getProperty(ExchangeBatch.BATCH_ID_PROPERTY, String.class);
    }

    OutgoingEvents events() {
        return events;
    }

    String batchId() {
        return batchId;
    }

    /**
     * AWS accepted the event that carried this exchange's event {@code index}.
     *
     * @return whether the exchange is settled now
     */
    synchronized boolean accepted(int index, String eventId) {
        return accepted(index, eventId, false);
    }

    /**
     * AWS accepted the event that carried this exchange's event {@code index}; with {@code awaitLoad} the event is
     * settled only when its dataset load is confirmed ({@link #loadConfirmed}, {@link #loadNotConfirmed}).
     *
     * @return whether the exchange is settled now
     */
    synchronized boolean accepted(int index, String eventId, boolean awaitLoad) {
        if (failure != null) {
            return false;
        }
        eventIds[index] = eventId;
        if (awaitLoad) {
            loadPending[index] = true;
            return false;
        }
        settled++;
        return settled == eventIds.length;
    }

    /**
     * The load of event {@code index} finished as {@code status} (SUCCEEDED; IN_PROGRESS when the time limit ran out
     * and the exchange completes anyway).
     *
     * @return whether the exchange is settled now
     */
    synchronized boolean loadConfirmed(int index, String status, String message) {
        if (failure != null || !loadPending[index]) {
            return false;
        }
        loadPending[index] = false;
        reportLoad(status, message);
        settled++;
        return settled == eventIds.length;
    }

    /**
     * The load of event {@code index} was not confirmed ({@code problem}: it FAILED, timed out, or its status could
     * not be read): the exchange fails with {@code problem}.
     *
     * @return whether this call settled the exchange (false when it had failed already)
     */
    synchronized boolean loadNotConfirmed(int index, DatasetLoadException problem, String message) {
        if (failure != null || !loadPending[index]) {
            return false;
        }
        loadPending[index] = false;
        if (problem.getStatus() != null) {
            reportLoad(problem.getStatus(), message);
        }
        return failed(index, problem);
    }

    private void reportLoad(String status, String message) {
        if (DatasetLoadRules.rank(status) > DatasetLoadRules.rank(loadStatus)) {
            loadStatus = status;
            loadMessage = message;
        }
    }

    /**
     * The event that carried this exchange's event {@code index} failed: the exchange is settled, its later events are
     * not sent.
     *
     * @return whether this call settled the exchange (false when it had failed already)
     */
    synchronized boolean failed(int index, Throwable cause) {
        if (failure != null) {
            return false;
        }
        failure = cause;
        failedIndex = index;
        settled = eventIds.length;
        return true;
    }

    /**
     * Event {@code index} is not sent because an earlier record of its group in the same batch failed for good
     * ({@code earlier}): sent after it, it would be stored before the failed record that the batch's redelivery sends
     * again.
     *
     * @return whether this call settled the exchange (false when it had failed already)
     */
    synchronized boolean notSent(int index, Throwable earlier) {
        if (!failed(index, earlier)) {
            return false;
        }
        notSent = true;
        return true;
    }

    synchronized boolean hasFailed() {
        return failure != null;
    }

    @Override
    protected synchronized void abandon(Exception reason) {
        if (settled >= eventIds.length) {
            return;
        }
        for (int i = 0; i < eventIds.length; i++) {
            if (eventIds[i] == null) {
                failed(i, reason); // not sent, or not answered
                return;
            }
        }
        for (int i = 0; i < eventIds.length; i++) {
            if (loadPending[i]) {
                // accepted and stored: only the confirmation of its load was cut short
                loadPending[i] = false;
                String dataset = events.requests().get(i).datasetTarget() != null
                        ? events.requests().get(i).datasetTarget().datasetIdentifier() : null;
                failed(i, new DatasetLoadException("AWS accepted " + describe(i) + " (event " + eventIds[i]
                                                   + "), but its load into dataset " + dataset + " was not confirmed: "
                                                   + SafeMessages.of(reason), exchange(), eventIds[i], dataset, null,
                        reason));
                return;
            }
        }
    }

    /** "event 2 of 3 of group g (type)": which event of the message, for messages of exceptions. */
    String describe(int index) {
        return "event " + (index + 1) + " of " + eventIds.length + " of group " + events.key().eventGroupId() + " ("
               + events.key().eventType() + ")";
    }

    @Override
    protected synchronized void finish() {
        List<String> ids = new ArrayList<>(eventIds.length);
        for (String id : eventIds) {
            // coalesced: consecutive events of the message may have gone out in one event
            if (id != null && (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id))) {
                ids.add(id);
            }
        }
        Exchange exchange = exchange();
        Message message = exchange.getMessage();
        if (!ids.isEmpty()) {
            message.setHeader(AwsScnEventConstants.EVENT_ID, ids.get(0));
        }
        message.setHeader(AwsScnEventConstants.EVENT_IDS, List.copyOf(ids));
        if (loadStatus != null) {
            message.setHeader(AwsScnEventConstants.DATASET_LOAD_STATUS, loadStatus);
            if (loadMessage != null) {
                message.setHeader(AwsScnEventConstants.DATASET_LOAD_MESSAGE, loadMessage);
            }
        }
        if (failure instanceof DatasetLoadException loadProblem) {
            exchange.setException(loadProblem); // the event was accepted: its load was not confirmed
        } else if (failure != null) {
            int count = eventIds.length;
            String what = "event " + (failedIndex + 1) + " of " + count + " of group " + events.key().eventGroupId()
                          + " (" + events.key().eventType() + ")";
            String text = notSent
                    ? "Did not send " + what + ": an earlier record of its group in the same batch failed ("
                      + SafeMessages.of(failure) + "); redelivering the batch sends them again, in order"
                    : SafeMessages.unwrap(failure) instanceof io.github.camelawsevents.aws.core.EndpointUnreachableException
                    ? "Could not send " + what + ": " + SafeMessages.of(failure)
                    : "AWS did not accept " + what + ": " + SafeMessages.of(failure);
            exchange.setException(new ScnEventDeliveryException(text, exchange, events.key(), failedIndex, count, ids,
                    SafeMessages.unwrap(failure)));
        }
    }
}
