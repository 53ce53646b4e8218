package io.github.camelawsevents.benchmarks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The raw numbers of one measured repetition of one contender: what was sent, what the emulator accepted, how long it
 * took and what it cost. Derived figures (events/s, CPU per 1,000 events) are computed here so every table uses the
 * same arithmetic.
 *
 * @param contender        the contender's id
 * @param latencyMs        the latency the emulator added to every response
 * @param events           events the contender was asked to deliver
 * @param delivered        events the emulator accepted during the repetition (the delivery check)
 * @param failed           events the contender reported as failed (route error, SDK exception)
 * @param acknowledged     events the contender saw acknowledged (see {@link RunOutcome#acknowledged()})
 * @param requests         HTTP requests the emulator received during the repetition
 * @param wallNanos        from the first event handed to the contender until the last one completed
 * @param cpuNanos         CPU time of the contender's JVM (all its threads, GC and JIT included) over that interval
 * @param emulatorCpuNanos CPU time of the emulator's JVM over that interval
 * @param p50Micros        median end-to-end latency of one event
 * @param p99Micros        99th percentile end-to-end latency of one event
 * @param heapPeakBytes    the largest heap occupancy seen (sampled every few ms and just before every GC)
 * @param liveHeapBytes    the largest heap occupancy right after a GC, or -1 when no GC ran during the repetition
 */
public record Measurement(String contender, int latencyMs, long events, long delivered, long failed,
        long acknowledged, long requests,
        long wallNanos, long cpuNanos, long emulatorCpuNanos, long p50Micros, long p99Micros, long heapPeakBytes,
        long liveHeapBytes) {

    /** The prefix of the line a forked worker prints for each repetition. */
    public static final String LINE_PREFIX = "BENCH-RESULT ";

    public double seconds() {
        return wallNanos / 1e9;
    }

    public double eventsPerSecond() {
        return wallNanos <= 0 ? 0 : events / seconds();
    }

    public double requestsPerSecond() {
        return wallNanos <= 0 ? 0 : requests / seconds();
    }

    /** CPU milliseconds of the contender's JVM per 1,000 events. */
    public double cpuMsPerThousand() {
        return events == 0 ? 0 : cpuNanos / 1e6 / (events / 1000.0);
    }

    /** CPU milliseconds of the emulator's JVM per 1,000 events. */
    public double emulatorCpuMsPerThousand() {
        return events == 0 ? 0 : emulatorCpuNanos / 1e6 / (events / 1000.0);
    }

    /** Whether no event failed and the emulator accepted (at least) everything the contender saw acknowledged. */
    public boolean complete() {
        return failed == 0 && acknowledged > 0 && delivered >= acknowledged;
    }

    /** One line, {@code key=value} pairs, for a forked worker to hand its result to the orchestrator. */
    public String toLine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contender", contender);
        m.put("latencyMs", latencyMs);
        m.put("events", events);
        m.put("delivered", delivered);
        m.put("failed", failed);
        m.put("acknowledged", acknowledged);
        m.put("requests", requests);
        m.put("wallNanos", wallNanos);
        m.put("cpuNanos", cpuNanos);
        m.put("emulatorCpuNanos", emulatorCpuNanos);
        m.put("p50Micros", p50Micros);
        m.put("p99Micros", p99Micros);
        m.put("heapPeakBytes", heapPeakBytes);
        m.put("liveHeapBytes", liveHeapBytes);
        StringBuilder sb = new StringBuilder(LINE_PREFIX);
        m.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
        return sb.toString().trim();
    }

    /** Parses what {@link #toLine()} wrote. */
    public static Measurement fromLine(String line) {
        if (!line.startsWith(LINE_PREFIX)) {
            throw new IllegalArgumentException("not a result line: " + line);
        }
        try {
            Map<String, String> m = KeyValues.parse(line.substring(LINE_PREFIX.length()));
            return new Measurement(m.get("contender"), Integer.parseInt(m.get("latencyMs")),
                    num(m, "events"), num(m, "delivered"), num(m, "failed"), num(m, "acknowledged"),
                    num(m, "requests"), num(m, "wallNanos"),
                    num(m, "cpuNanos"), num(m, "emulatorCpuNanos"), num(m, "p50Micros"), num(m, "p99Micros"),
                    num(m, "heapPeakBytes"), num(m, "liveHeapBytes"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed result line: " + line, e);
        }
    }

    private static long num(Map<String, String> m, String key) {
        return KeyValues.number(m, key);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "%s %dms N=%d: %.0f ev/s, %.0f req/s, CPU %.1f ms/1k, emulator CPU %.1f ms/1k, p50 %.1f ms, p99 %.1f ms,"
                + " heap peak %d MB%s",
                contender, latencyMs, events, eventsPerSecond(), requestsPerSecond(), cpuMsPerThousand(),
                emulatorCpuMsPerThousand(), p50Micros / 1000.0, p99Micros / 1000.0, heapPeakBytes >> 20,
                complete() ? "" : String.format(Locale.ROOT, " (INCOMPLETE: emulator accepted %d, acknowledged %d, failed %d)",
                        delivered, acknowledged, failed));
    }
}
