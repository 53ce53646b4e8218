package io.github.camelawsevents.aws.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The accepted Supply Chain events of one emulator, in receipt order, with per-key receipt sequences and
 * client-token idempotency.
 *
 * <p>In count-only mode no event payloads are kept: {@link #events()}, {@link #events(String, String, String)}
 * and {@link #event(String)} are empty, while {@link #count()}, {@link #idempotentReplays()} and
 * {@link #countsByKey()} keep counting, and client tokens are still remembered (compactly, up to the
 * configured capacity) so that retries stay idempotent. All methods are thread-safe.
 */
public final class SupplyChainStore {

    private final boolean countOnly;
    private final IdempotencyTokens tokens;
    private final List<ScnEvent> events = new ArrayList<>();
    private final Map<ScnEventKey, List<ScnEvent>> eventsByKey = new HashMap<>();
    private final Map<String, ScnEvent> eventsById = new HashMap<>();
    private final Map<ScnEventKey, long[]> sequenceByKey = new LinkedHashMap<>();
    private final Map<Integer, Long> recordsPerEvent = new HashMap<>();
    private long count;
    private long idempotentReplays;

    SupplyChainStore(boolean countOnly, int idempotencyTokenCapacity) {
        this.countOnly = countOnly;
        this.tokens = new IdempotencyTokens(idempotencyTokenCapacity);
    }

    /** All accepted events in receipt order (empty in count-only mode). */
    public synchronized List<ScnEvent> events() {
        return List.copyOf(events);
    }

    /** The accepted events of one key in receipt order (empty in count-only mode). */
    public synchronized List<ScnEvent> events(String instanceId, String eventType, String eventGroupId) {
        List<ScnEvent> list = eventsByKey.get(new ScnEventKey(instanceId, eventType, eventGroupId));
        return list == null ? List.of() : List.copyOf(list);
    }

    /** The accepted event with this id (empty in count-only mode or when unknown). */
    public synchronized Optional<ScnEvent> event(String eventId) {
        return Optional.ofNullable(eventsById.get(eventId));
    }

    /** How many events were accepted (idempotent replays not counted). */
    public synchronized long count() {
        return count;
    }

    /** How many requests repeated a known client token with the same payload and got the first event id back. */
    public synchronized long idempotentReplays() {
        return idempotentReplays;
    }

    /** Accepted events per key; the count is also the last receipt sequence of that key. Kept in count-only mode. */
    public synchronized Map<ScnEventKey, Long> countsByKey() {
        Map<ScnEventKey, Long> copy = new LinkedHashMap<>();
        sequenceByKey.forEach((k, v) -> copy.put(k, v[0]));
        return Collections.unmodifiableMap(copy);
    }

    /** Whether payloads are dropped and only counters kept. */
    public boolean isCountOnly() {
        return countOnly;
    }

    /** Events of one instance (optionally one event type) in receipt order; for ListDataIntegrationEvents. */
    synchronized List<ScnEvent> eventsOfInstance(String instanceId, String eventType) {
        List<ScnEvent> out = new ArrayList<>();
        for (ScnEvent e : events) {
            if (e.instanceId().equals(instanceId) && (eventType == null || e.eventType().equals(eventType))) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Stores the event unless its client token is known: a known token with the same payload is a replay
     * answering the first event id, with a different payload a conflict.
     */
    synchronized Outcome accept(ScnSendRequest request, UUID newEventId, Instant now) {
        long nowMillis = now.toEpochMilli();
        long fingerprint = 0;
        if (request.clientToken() != null) {
            fingerprint = request.fingerprint();
            IdempotencyTokens.TokenUse earlier = tokens.find(request.instanceId(), request.clientToken(), nowMillis);
            if (earlier != null) {
                if (earlier.fingerprint() != fingerprint) {
                    return new Outcome(Outcome.Kind.CONFLICT, earlier.eventId());
                }
                idempotentReplays++;
                return new Outcome(Outcome.Kind.REPLAY, earlier.eventId());
            }
            tokens.remember(request.instanceId(), request.clientToken(), newEventId, fingerprint, nowMillis);
        }
        ScnEventKey key = new ScnEventKey(request.instanceId(), request.eventType(), request.eventGroupId());
        long sequence = ++sequenceByKey.computeIfAbsent(key, k -> new long[1])[0];
        count++;
        recordsPerEvent.merge(RecordCount.of(request.data()), 1L, Long::sum);
        String eventId = newEventId.toString();
        if (!countOnly) {
            ScnEvent event = new ScnEvent(request.instanceId(), eventId, request.eventType(), request.eventGroupId(),
                    request.data(), request.eventTimestamp(), request.clientToken(), request.datasetIdentifier(),
                    request.operationType(), sequence, now);
            events.add(event);
            eventsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
            eventsById.put(eventId, event);
        }
        return new Outcome(Outcome.Kind.STORED, eventId);
    }

    /** Events stored (not replays), by the records each held: a JSON array's elements, else 1; sorted by records. */
    public synchronized Map<Integer, Long> recordsPerEvent() {
        return new java.util.TreeMap<>(recordsPerEvent);
    }

    synchronized void clear() {
        recordsPerEvent.clear();
        events.clear();
        eventsByKey.clear();
        eventsById.clear();
        sequenceByKey.clear();
        tokens.clear();
        count = 0;
        idempotentReplays = 0;
    }

    /** What {@link #accept} did. */
    record Outcome(Kind kind, String eventId) {
        enum Kind { STORED, REPLAY, CONFLICT }
    }
}
