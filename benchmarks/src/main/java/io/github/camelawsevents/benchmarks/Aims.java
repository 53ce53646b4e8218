package io.github.camelawsevents.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The project's performance aims, checked against the measured medians: computed from the run, never asserted
 * (a benchmark is a report, not a test).
 */
public final class Aims {

    /** One aim and how the run did. */
    public record Outcome(String aim, String measured, Boolean met) {
        public String toMarkdown() {
            String status = met == null ? "not measured" : met ? "met" : "NOT met";
            return "- **" + status + "**: " + aim + " — " + measured;
        }
    }

    /** The latency of the "network" regime the aims speak of. */
    static final int NETWORK_LATENCY_MS = 20;
    /** Heap at the largest N may exceed the heap at the smallest N by this factor and still be "flat". */
    static final double FLAT_FACTOR = 1.25;

    private Aims() {
    }

    /**
     * @param comparison the comparison-table summaries
     * @param scale      the scale-table summaries
     */
    public static List<Outcome> evaluate(List<Summary> comparison, List<Summary> scale) {
        Map<String, Summary> byKey = comparison.stream()
                .collect(Collectors.toMap(s -> key(s.contender(), s.latencyMs()), Function.identity(), (a, b) -> a));
        List<Outcome> out = new ArrayList<>();
        out.add(atLeast("Partner events, aggregated, vs the peer with no latency: at least 10× the events/s",
                byKey.get(key(Contenders.PARTNER_AGGREGATED, 0)), byKey.get(key(Contenders.PEER, 0)), 10));
        out.add(atLeast("Partner events, aggregated, vs the peer with " + NETWORK_LATENCY_MS
                        + " ms latency: at least 100× the events/s",
                byKey.get(key(Contenders.PARTNER_AGGREGATED, NETWORK_LATENCY_MS)),
                byKey.get(key(Contenders.PEER, NETWORK_LATENCY_MS)), 100));
        for (int latency : latencies(comparison)) {
            Summary ours = byKey.get(key(Contenders.PARTNER_AGGREGATED, latency));
            Summary limit = byKey.get(key(Contenders.PARTNER_LIMIT, latency));
            out.add(atLeast("Partner events, aggregated, within 25% of the limit's events/s at " + latency + " ms",
                    ours, limit, 0.75));
            out.add(cpuWithin("Partner events, aggregated, within 25% of the limit's CPU per event at " + latency
                              + " ms", ours, limit, 1.25));
        }
        // the same two aims on the longest runs of the scale table: steadier than the comparison table's short runs
        for (Summary[] pair : largestCommonRuns(scale, Contenders.PARTNER_AGGREGATED, Contenders.PARTNER_LIMIT)) {
            String at = " at " + pair[0].latencyMs() + " ms, " + ResultTable.count(pair[0].events()) + " events";
            out.add(atLeast("Partner events, aggregated, within 25% of the limit's events/s" + at, pair[0], pair[1],
                    0.75));
            out.add(cpuWithin("Partner events, aggregated, within 25% of the limit's CPU per event" + at, pair[0],
                    pair[1], 1.25));
        }
        // one event per exchange, the producer batching across exchanges (issue: the fast path is the plain route)
        out.add(atLeast("Partner events, 1 event/exchange, at least 0.9× the limit's events/s at 0 ms",
                byKey.get(key(Contenders.PARTNER_PER_EXCHANGE, 0)), byKey.get(key(Contenders.PARTNER_LIMIT, 0)), 0.9));
        out.add(atLeast("Partner events, 1 event/exchange, at least 0.95× the limit's events/s at " + NETWORK_LATENCY_MS
                        + " ms", byKey.get(key(Contenders.PARTNER_PER_EXCHANGE, NETWORK_LATENCY_MS)),
                byKey.get(key(Contenders.PARTNER_LIMIT, NETWORK_LATENCY_MS)), 0.95));
        for (int latency : latencies(comparison)) {
            out.add(cpuWithin("Partner events, 1 event/exchange, CPU per event at most 1.2× the limit's at " + latency
                              + " ms", byKey.get(key(Contenders.PARTNER_PER_EXCHANGE, latency)),
                    byKey.get(key(Contenders.PARTNER_LIMIT, latency)), 1.2));
        }
        // the rest of the route after the producer (issue: off AWS's threads, as concurrent as the route)
        out.add(atLeast("Partner events, 1 event/exchange, " + Contenders.STEP_CONSUMERS + " consumers, a "
                        + Contenders.STEP_MILLIS + " ms step after the producer: at least 0.8× the same route without"
                        + " the step at " + NETWORK_LATENCY_MS + " ms",
                byKey.get(key(Contenders.PARTNER_THEN_STEP, NETWORK_LATENCY_MS)),
                byKey.get(key(Contenders.PARTNER_THEN_NOTHING, NETWORK_LATENCY_MS)), 0.8));
        out.add(atLeast("Supply Chain, single-record exchanges on 1 group with coalesceRecords, vs the one-call loop"
                        + " with " + NETWORK_LATENCY_MS + " ms latency: at least 50× the events/s",
                byKey.get(key(Contenders.SCN_COALESCED_1, NETWORK_LATENCY_MS)),
                byKey.get(key(Contenders.SCN_LOOP, NETWORK_LATENCY_MS)), 50));
        out.add(atLeast("Supply Chain, 64 groups, vs the one-call loop with " + NETWORK_LATENCY_MS
                        + " ms latency: at least 30× the events/s",
                byKey.get(key(Contenders.SCN_GROUPS_64, NETWORK_LATENCY_MS)),
                byKey.get(key(Contenders.SCN_LOOP, NETWORK_LATENCY_MS)), 30));
        out.addAll(flatMemory(scale));
        return out;
    }

    static Outcome atLeast(String aim, Summary ours, Summary reference, double factor) {
        if (ours == null || reference == null || !(reference.eventsPerSecond() > 0)) {
            return new Outcome(aim, "not run", null);
        }
        double ratio = ours.eventsPerSecond() / reference.eventsPerSecond();
        return new Outcome(aim, String.format(Locale.ROOT, "%s events/s vs %s: %s",
                ResultTable.count(Math.round(ours.eventsPerSecond())),
                ResultTable.count(Math.round(reference.eventsPerSecond())),
                ResultTable.ratio(ours.eventsPerSecond(), reference.eventsPerSecond())), ratio >= factor);
    }

    static Outcome cpuWithin(String aim, Summary ours, Summary limit, double factor) {
        if (ours == null || limit == null || !(limit.cpuMsPerThousand() > 0)) {
            return new Outcome(aim, "not run", null);
        }
        double ratio = ours.cpuMsPerThousand() / limit.cpuMsPerThousand();
        return new Outcome(aim, String.format(Locale.ROOT, "%s vs %s CPU ms per 1,000 events: %s",
                ResultTable.decimal(ours.cpuMsPerThousand()), ResultTable.decimal(limit.cpuMsPerThousand()),
                ResultTable.ratio(ours.cpuMsPerThousand(), limit.cpuMsPerThousand())), ratio <= factor);
    }

    /** Per contender and regime of the scale table: heap at the largest N against the smallest. */
    static List<Outcome> flatMemory(List<Summary> scale) {
        Map<String, List<Summary>> byContender = scale.stream().collect(Collectors.groupingBy(
                s -> key(s.contender(), s.latencyMs()), java.util.LinkedHashMap::new, Collectors.toList()));
        List<Outcome> out = new ArrayList<>();
        byContender.forEach((k, runs) -> {
            if (runs.size() < 2) {
                return;
            }
            Summary small = runs.stream().min(Comparator.comparingLong(Summary::events)).orElseThrow();
            Summary large = runs.stream().max(Comparator.comparingLong(Summary::events)).orElseThrow();
            boolean peakFlat = large.heapPeakMb() <= small.heapPeakMb() * FLAT_FACTOR;
            boolean liveFlat = large.liveHeapMb() < 0 || small.liveHeapMb() < 0
                               || large.liveHeapMb() <= small.liveHeapMb() * FLAT_FACTOR;
            out.add(new Outcome("Memory flat from " + ResultTable.count(small.events()) + " to "
                                + ResultTable.count(large.events()) + " events: " + small.contender() + " at "
                                + small.latencyMs() + " ms (at most " + FLAT_FACTOR + "× the heap)",
                    String.format(Locale.ROOT, "heap peak %d → %d MB, live after GC %s → %s MB",
                            Math.round(small.heapPeakMb()), Math.round(large.heapPeakMb()), mb(small.liveHeapMb()),
                            mb(large.liveHeapMb())),
                    peakFlat && liveFlat));
        });
        return out;
    }

    /** Per regime, the runs of {@code a} and {@code b} at the largest N both ran. */
    static List<Summary[]> largestCommonRuns(List<Summary> scale, String a, String b) {
        List<Summary[]> out = new ArrayList<>();
        for (int latency : latencies(scale)) {
            Summary bestA = null;
            Summary bestB = null;
            for (Summary s : scale) {
                if (s.latencyMs() != latency || !s.contender().equals(a)) {
                    continue;
                }
                for (Summary t : scale) {
                    if (t.latencyMs() == latency && t.contender().equals(b) && t.events() == s.events()
                            && (bestA == null || s.events() > bestA.events())) {
                        bestA = s;
                        bestB = t;
                    }
                }
            }
            if (bestA != null) {
                out.add(new Summary[] {bestA, bestB});
            }
        }
        return out;
    }

    private static String mb(double v) {
        return v < 0 ? "–" : String.valueOf(Math.round(v));
    }

    private static List<Integer> latencies(List<Summary> comparison) {
        return comparison.stream().map(Summary::latencyMs).distinct().sorted().toList();
    }

    static String key(String contender, int latencyMs) {
        return contender + "@" + latencyMs;
    }
}
