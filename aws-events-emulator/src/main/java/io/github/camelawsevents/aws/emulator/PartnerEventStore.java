package io.github.camelawsevents.aws.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The accepted EventBridge entries of one emulator: PutPartnerEvents entries and, separately, PutEvents
 * entries, each in receipt order. In count-only mode only the counters are kept. Thread-safe.
 *
 * <p>EventBridge has no idempotency token: an entry that is resent after a lost response is stored twice,
 * exactly as the service delivers it twice (at-least-once).
 */
public final class PartnerEventStore {

    private final boolean countOnly;
    private final List<PartnerEvent> events = new ArrayList<>();
    private final List<PartnerEvent> putEvents = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private long count;
    private long putEventsCount;
    private long requestCount;
    private long putEventsRequestCount;

    PartnerEventStore(boolean countOnly) {
        this.countOnly = countOnly;
    }

    /** Accepted PutPartnerEvents entries in receipt order (empty in count-only mode). */
    public synchronized List<PartnerEvent> events() {
        return List.copyOf(events);
    }

    /** Accepted PutEvents entries in receipt order (empty in count-only mode). */
    public synchronized List<PartnerEvent> putEvents() {
        return List.copyOf(putEvents);
    }

    /** How many PutPartnerEvents entries were accepted. */
    public synchronized long count() {
        return count;
    }

    /** How many PutEvents entries were accepted. */
    public synchronized long putEventsCount() {
        return putEventsCount;
    }

    /**
     * How many PutPartnerEvents requests reached the operation (past the signature check and the whole-request
     * faults), whatever their outcome.
     */
    public synchronized long requestCount() {
        return requestCount;
    }

    /** Entries per PutPartnerEvents request answered with 200, in receipt order (empty in count-only mode). */
    public synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    /** Whether payloads are dropped and only counters kept. */
    public boolean isCountOnly() {
        return countOnly;
    }

    /** Counts a PutPartnerEvents request that reached the operation; returns its number since the last reset. */
    synchronized long partnerEventsRequestReceived() {
        return ++requestCount;
    }

    /** Counts a PutEvents request that reached the operation; returns its number since the last reset. */
    synchronized long putEventsRequestReceived() {
        return ++putEventsRequestCount;
    }

    /** Records one PutPartnerEvents request answered with 200; {@code accepted} is null in count-only mode. */
    synchronized void acceptPartnerEvents(List<PartnerEvent> accepted, int acceptedCount, int entriesInRequest) {
        count += acceptedCount;
        if (!countOnly) {
            events.addAll(accepted);
            batchSizes.add(entriesInRequest);
        }
    }

    /** Records one PutEvents request answered with 200; {@code accepted} is null in count-only mode. */
    synchronized void acceptPutEvents(List<PartnerEvent> accepted, int acceptedCount) {
        putEventsCount += acceptedCount;
        if (!countOnly) {
            putEvents.addAll(accepted);
        }
    }

    synchronized void clear() {
        events.clear();
        putEvents.clear();
        batchSizes.clear();
        count = 0;
        putEventsCount = 0;
        requestCount = 0;
        putEventsRequestCount = 0;
    }
}
