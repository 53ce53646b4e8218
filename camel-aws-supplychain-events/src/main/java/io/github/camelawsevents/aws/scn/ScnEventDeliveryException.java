package io.github.camelawsevents.aws.scn;

import java.util.List;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;

/**
 * AWS did not accept an event of the message, after the AWS SDK's own retries. The cause is the SDK's exception (e.g.
 * {@code ThrottlingException}, {@code ValidationException}); Camel's {@code onException} matches causes, so a route
 * can handle those types directly. When the message became several events, the ones before the failed one were
 * accepted: their ids are here and in header {@code CamelAwsScnEventIds}. A redelivery of the message sends them again
 * with the same client tokens, so AWS answers them with the same ids instead of storing them twice (within 8 hours).
 */
public class ScnEventDeliveryException extends CamelExchangeException {

    private static final long serialVersionUID = 1L;

    private final EventGroupKey key;
    private final int failedEventIndex;
    private final int eventCount;
    private final List<String> acceptedEventIds;

    public ScnEventDeliveryException(String message, Exchange exchange, EventGroupKey key, int failedEventIndex,
                                     int eventCount, List<String> acceptedEventIds, Throwable cause) {
        super(withoutFinalPeriod(message), exchange, cause);
        this.key = key;
        this.failedEventIndex = failedEventIndex;
        this.eventCount = eventCount;
        this.acceptedEventIds = List.copyOf(acceptedEventIds);
    }

    /**
     * Camel appends {@code ". Exchange[<id>]"} to the message; AWS's error texts often end in a period ("The security
     * token included in the request is invalid."), which made it read "invalid.. Exchange[...]".
     */
    static String withoutFinalPeriod(String message) {
        String m = message == null ? "" : message.stripTrailing();
        while (m.endsWith(".") && !m.endsWith("...")) {
            m = m.substring(0, m.length() - 1).stripTrailing();
        }
        return m;
    }

    /** The instance, event type and event group of the message. */
    public EventGroupKey getKey() {
        return key;
    }

    /** Which event of the message failed (0-based). */
    public int getFailedEventIndex() {
        return failedEventIndex;
    }

    /** How many events the message became. */
    public int getEventCount() {
        return eventCount;
    }

    /** The ids of the events accepted before the failure, in order. */
    public List<String> getAcceptedEventIds() {
        return acceptedEventIds;
    }
}
