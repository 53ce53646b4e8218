package io.github.camelawsevents.aws.partner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.camel.CamelException;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

/**
 * Some entries of a message were not accepted by EventBridge: they failed inside an accepted request (after the
 * retries of retryable entry errors), or a whole request that carried them failed (then {@link #getCause()} is the AWS
 * SDK's exception). Entries of other messages that shared a request are never listed here. The exchange fails with
 * this exception (for entry errors, unless {@code failOnPartialFailure=false}); the error handler or a dead-letter
 * channel finds exactly the failed entries in {@link #failedEntries()} (and in the
 * {@code CamelAwsPartnerEventsFailedEntries} header), and the accepted ones' ids in {@link #eventIds()}.
 */
public class PartnerEventsFailedException extends CamelException {

    private static final long serialVersionUID = 1L;
    private static final int LISTED = 5;

    private final transient List<FailedEntry> failedEntries;
    private final List<String> eventIds;

    /**
     * @param failedEntries the entries that failed, in input order
     * @param eventIds      every entry's EventId in input order, null where it failed
     */
    public PartnerEventsFailedException(List<FailedEntry> failedEntries, List<String> eventIds) {
        this(failedEntries, eventIds, null);
    }

    /**
     * @param failedEntries the entries that failed, in input order
     * @param eventIds      every entry's EventId in input order, null where it failed
     * @param cause         why a whole request that carried some of them failed (the AWS SDK's exception), or null
     *                      when only entries inside accepted requests failed
     */
    public PartnerEventsFailedException(List<FailedEntry> failedEntries, List<String> eventIds, Throwable cause) {
        super(message(failedEntries, eventIds.size()), cause);
        this.failedEntries = List.copyOf(failedEntries);
        this.eventIds = Collections.unmodifiableList(new ArrayList<>(eventIds));
    }

    /** The entries that failed, in input order, each with its index, ErrorCode and ErrorMessage. */
    public List<FailedEntry> failedEntries() {
        return failedEntries;
    }

    /** Just the entries that failed, ready to be sent again (e.g. as the body of a dead-letter route). */
    public List<PutPartnerEventsRequestEntry> failedRequestEntries() {
        return failedEntries.stream().map(FailedEntry::entry).toList();
    }

    /** Every entry's EventId, in input order; null where the entry failed. */
    public List<String> eventIds() {
        return eventIds;
    }

    private static String message(List<FailedEntry> failed, int total) {
        StringBuilder sb = new StringBuilder("PutPartnerEvents: ").append(failed.size()).append(" of ").append(total)
                .append(total == 1 ? " entry" : " entries").append(" failed: ");
        for (int i = 0; i < Math.min(LISTED, failed.size()); i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(failed.get(i));
        }
        if (failed.size() > LISTED) {
            sb.append("; and ").append(failed.size() - LISTED).append(" more");
        }
        return sb.toString();
    }
}
