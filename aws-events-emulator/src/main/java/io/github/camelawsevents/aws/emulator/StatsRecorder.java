package io.github.camelawsevents.aws.emulator;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link EmulatorStats} and the bounded list of rejected requests. Thread-safe. */
final class StatsRecorder {

    private final LongAdder[] requests = adders(Api.values().length);
    private final LongAdder[] accepted = adders(Api.values().length);
    private final LongAdder[] rejected = adders(Api.values().length);
    private final LongAdder[] faults = adders(FaultKind.values().length);
    private final LongAdder readRequests = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> rejectedByErrorType = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> failedEntriesByErrorCode = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, LongAdder> entriesPerRequest = new ConcurrentHashMap<>();
    private final int rejectedRequestsCapacity;
    private final ArrayDeque<RejectedRequest> rejectedRequests = new ArrayDeque<>();

    StatsRecorder(int rejectedRequestsCapacity) {
        this.rejectedRequestsCapacity = rejectedRequestsCapacity;
    }

    void request(Api api) {
        requests[api.ordinal()].increment();
    }

    void readRequest() {
        readRequests.increment();
    }

    void accepted(Api api) {
        accepted[api.ordinal()].increment();
    }

    void fault(FaultKind kind) {
        faults[kind.ordinal()].increment();
    }

    void failedEntry(String errorCode) {
        failedEntriesByErrorCode.computeIfAbsent(errorCode, k -> new LongAdder()).increment();
    }

    /** A PutPartnerEvents request answered with 200, by the entries it carried (stored or not). */
    void partnerEventsRequest(int entries) {
        entriesPerRequest.computeIfAbsent(entries, k -> new LongAdder()).increment();
    }

    /** An error response sent without storing; {@code api} is null for reads and unknown operations. */
    void rejected(Api api, String operation, int status, String errorType, String message) {
        if (api != null) {
            rejected[api.ordinal()].increment();
        }
        rejectedByErrorType.computeIfAbsent(errorType, k -> new LongAdder()).increment();
        RejectedRequest r = new RejectedRequest(operation, status, errorType, message);
        synchronized (rejectedRequests) {
            if (rejectedRequests.size() == rejectedRequestsCapacity) {
                rejectedRequests.removeFirst();
            }
            rejectedRequests.addLast(r);
        }
    }

    List<RejectedRequest> rejectedRequests() {
        synchronized (rejectedRequests) {
            return List.copyOf(rejectedRequests);
        }
    }

    EmulatorStats snapshot(SupplyChainStore scn, PartnerEventStore partner) {
        Map<Api, Long> req = new EnumMap<>(Api.class);
        Map<Api, Long> acc = new EnumMap<>(Api.class);
        Map<Api, Long> rej = new EnumMap<>(Api.class);
        for (Api api : Api.values()) {
            req.put(api, requests[api.ordinal()].sum());
            acc.put(api, accepted[api.ordinal()].sum());
            rej.put(api, rejected[api.ordinal()].sum());
        }
        Map<FaultKind, Long> f = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            f.put(kind, faults[kind.ordinal()].sum());
        }
        return new EmulatorStats(req, acc, rej, sums(rejectedByErrorType), f, sums(failedEntriesByErrorCode),
                readRequests.sum(), scn.idempotentReplays(), scn.count(), partner.count(), partner.putEventsCount(),
                histogram(entriesPerRequest), scn.recordsPerEvent());
    }

    void reset() {
        for (LongAdder a : requests) {
            a.reset();
        }
        for (LongAdder a : accepted) {
            a.reset();
        }
        for (LongAdder a : rejected) {
            a.reset();
        }
        for (LongAdder a : faults) {
            a.reset();
        }
        readRequests.reset();
        rejectedByErrorType.clear();
        failedEntriesByErrorCode.clear();
        entriesPerRequest.clear();
        synchronized (rejectedRequests) {
            rejectedRequests.clear();
        }
    }

    private static Map<String, Long> sums(Map<String, LongAdder> adders) {
        Map<String, Long> out = new TreeMap<>();
        adders.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static Map<Integer, Long> histogram(Map<Integer, LongAdder> adders) {
        Map<Integer, Long> out = new TreeMap<>();
        adders.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static LongAdder[] adders(int n) {
        LongAdder[] a = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }
}
