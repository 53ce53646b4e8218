package io.github.camelawsevents.benchmarks;

import java.util.List;

/**
 * One table row: the median over the repetitions of a contender in one regime, each metric's median taken on its
 * own (the usual way to report repeated runs; one slow repetition moves no column).
 *
 * @param contender         the contender's id
 * @param latencyMs         the latency the emulator added per request
 * @param events            events per repetition
 * @param repetitions       how many repetitions the medians are over
 * @param eventsPerSecond   median events/s
 * @param requestsPerSecond median HTTP requests/s
 * @param cpuMsPerThousand  median CPU ms of the contender's JVM per 1,000 events
 * @param emulatorCpuMsPerThousand median CPU ms of the emulator's JVM per 1,000 events
 * @param p50Ms             median of the repetitions' p50 end-to-end latency
 * @param p99Ms             median of the repetitions' p99 end-to-end latency
 * @param heapPeakMb        median peak heap occupancy
 * @param liveHeapMb        median peak heap after GC, or -1 when no repetition saw a GC
 * @param seconds           median wall time of one repetition
 * @param complete          whether every repetition delivered every event without failure
 */
public record Summary(String contender, int latencyMs, long events, int repetitions, double eventsPerSecond,
        double requestsPerSecond, double cpuMsPerThousand, double emulatorCpuMsPerThousand, double p50Ms, double p99Ms,
        double heapPeakMb, double liveHeapMb, double seconds, boolean complete) {

    public static Summary of(List<Measurement> reps) {
        if (reps.isEmpty()) {
            throw new IllegalArgumentException("no repetitions to summarise");
        }
        Measurement first = reps.get(0);
        for (Measurement m : reps) {
            if (!m.contender().equals(first.contender()) || m.latencyMs() != first.latencyMs()
                    || m.events() != first.events()) {
                throw new IllegalArgumentException("repetitions of different runs: " + first + " and " + m);
            }
        }
        List<Measurement> withGc = reps.stream().filter(m -> m.liveHeapBytes() >= 0).toList();
        return new Summary(first.contender(), first.latencyMs(), first.events(), reps.size(),
                Medians.median(reps, Measurement::eventsPerSecond),
                Medians.median(reps, Measurement::requestsPerSecond),
                Medians.median(reps, Measurement::cpuMsPerThousand),
                Medians.median(reps, Measurement::emulatorCpuMsPerThousand),
                Medians.median(reps, m -> m.p50Micros() / 1000.0),
                Medians.median(reps, m -> m.p99Micros() / 1000.0),
                Medians.median(reps, m -> m.heapPeakBytes() / 1048576.0),
                withGc.isEmpty() ? -1 : Medians.median(withGc, m -> m.liveHeapBytes() / 1048576.0),
                Medians.median(reps, Measurement::seconds),
                reps.stream().allMatch(Measurement::complete));
    }
}
