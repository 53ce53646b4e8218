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

    ScnSubmission(Exchange exchange, AsyncCallback callback, OutgoingEvents events) {
        super(exchange, callback);
        this.events = events;
        this.eventIds = new String[events.requests().size()];
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
        if (failure != null) {
            return false;
        }
        eventIds[index] = eventId;
        settled++;
        return settled == eventIds.length;
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
        if (settled < eventIds.length) {
            failed(settled, reason);
        }
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
        if (failure != null) {
            int count = eventIds.length;
            String what = "event " + (failedIndex + 1) + " of " + count + " of group " + events.key().eventGroupId()
                          + " (" + events.key().eventType() + ")";
            String text = notSent
                    ? "Did not send " + what + ": an earlier record of its group in the same batch failed ("
                      + SafeMessages.of(failure) + "); redelivering the batch sends them again, in order"
                    : "AWS did not accept " + what + ": " + SafeMessages.of(failure);
            exchange.setException(new ScnEventDeliveryException(text, exchange, events.key(), failedIndex, count, ids,
                    SafeMessages.unwrap(failure)));
        }
    }
}
