package io.github.camelawsevents.aws.emulator;

import java.util.Map;

/**
 * A snapshot of the emulator's counters.
 *
 * <p>For each {@link Api}: {@code requests} counts every request routed to the operation (including dropped
 * connections and authentication failures); {@code accepted} counts requests that were processed and stored
 * (answered 200, or stored and then given a lost response or an error after store); {@code rejected} counts
 * requests answered with an error status without storing anything. {@code accepted + rejected} is
 * {@code requests} minus dropped connections.
 *
 * @param requests                 requests per API
 * @param accepted                 processed-and-stored requests per API
 * @param rejected                 error responses without storing, per API
 * @param rejectedByErrorType      error responses (all operations, including reads and unknown routes) per
 *                                 AWS error type
 * @param faults                   injected faults per kind
 * @param failedEntriesByErrorCode PutPartnerEvents/PutEvents entries answered with an ErrorCode, per code
 *                                 (validation failures and injected ones)
 * @param readRequests             GetDataIntegrationEvent and ListDataIntegrationEvents requests
 * @param idempotentReplays        SendDataIntegrationEvent requests that repeated a known client token
 * @param supplyChainEvents        Supply Chain events stored
 * @param partnerEvents            PutPartnerEvents entries stored
 * @param putEvents                PutEvents entries stored
 * @param entriesPerRequest        PutPartnerEvents requests answered with 200, by the entries each carried (stored or
 *                                 answered with an ErrorCode), sorted by entries
 * @param recordsPerEvent          Supply Chain events stored, by the records each held (the elements of a JSON array
 *                                 {@code data}, else 1), sorted by records; idempotent replays not counted
 */
public record EmulatorStats(Map<Api, Long> requests, Map<Api, Long> accepted, Map<Api, Long> rejected,
        Map<String, Long> rejectedByErrorType, Map<FaultKind, Long> faults, Map<String, Long> failedEntriesByErrorCode,
        long readRequests, long idempotentReplays, long supplyChainEvents, long partnerEvents, long putEvents,
        Map<Integer, Long> entriesPerRequest, Map<Integer, Long> recordsPerEvent) {

    public EmulatorStats {
        entriesPerRequest = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(entriesPerRequest));
        recordsPerEvent = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(recordsPerEvent));
        requests = Map.copyOf(requests);
        accepted = Map.copyOf(accepted);
        rejected = Map.copyOf(rejected);
        rejectedByErrorType = Map.copyOf(rejectedByErrorType);
        faults = Map.copyOf(faults);
        failedEntriesByErrorCode = Map.copyOf(failedEntriesByErrorCode);
    }

    /** Requests routed to {@code api}. */
    public long requests(Api api) {
        return requests.getOrDefault(api, 0L);
    }

    /** Requests of {@code api} processed and stored. */
    public long accepted(Api api) {
        return accepted.getOrDefault(api, 0L);
    }

    /** Requests of {@code api} answered with an error without storing. */
    public long rejected(Api api) {
        return rejected.getOrDefault(api, 0L);
    }

    /** Error responses of this AWS error type (e.g. {@code ValidationException}). */
    public long rejected(String errorType) {
        return rejectedByErrorType.getOrDefault(errorType, 0L);
    }

    /** How often {@code kind} was injected. */
    public long faults(FaultKind kind) {
        return faults.getOrDefault(kind, 0L);
    }

    /** All write requests, over every API. */
    public long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    /** All injected faults, over every kind. */
    public long totalFaults() {
        return faults.values().stream().mapToLong(Long::longValue).sum();
    }
}
