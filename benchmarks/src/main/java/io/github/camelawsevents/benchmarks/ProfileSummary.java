package io.github.camelawsevents.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of a cell (run the harness with {@code -Dbench.profile=true}) and prints where the CPU
 * went: the methods most often on top of the stack (self), the methods most often anywhere on it (inclusive), and
 * the same inclusive view for chosen packages ({@code io.github.camelawsevents} by default), so that a hot path in
 * our components shows up with its share of all samples.
 *
 * <pre>java -cp … io.github.camelawsevents.benchmarks.ProfileSummary target/profiles/partner-aggregated-0ms.jfr [top] [package…]</pre>
 */
public final class ProfileSummary {

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        List<String> packages = args.length > 2 ? List.of(args).subList(2, args.length)
                : List.of("io.github.camelawsevents");
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> allocated = new HashMap<>();
        Map<String, Long> allocatedInclusive = new HashMap<>();
        long allocatedTotal = 0;
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if ("jdk.ObjectAllocationSample".equals(event.getEventType().getName())
                    && event.getStackTrace() != null && !event.getStackTrace().getFrames().isEmpty()) {
                long weight = event.getLong("weight");
                allocatedTotal += weight;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                allocated.merge(name(frames.get(0)), weight, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String n = name(frame);
                    if (seen.add(n)) {
                        allocatedInclusive.merge(n, weight, Long::sum);
                    }
                }
                continue;
            }
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            String thread = event.getThread("sampledThread") != null
                    ? event.getThread("sampledThread").getJavaName() : "?";
            threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+", "#"), 1L, Long::sum);
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String n = name(frame);
                if (seen.add(n)) {
                    inclusive.merge(n, 1L, Long::sum);
                }
            }
        }
        System.out.println(file + ": " + samples + " execution samples (truncated stacks count only their top frames)");
        print("threads", threads, samples, top, null);
        print("self (top of stack)", self, samples, top, null);
        print("inclusive", inclusive, samples, top, null);
        for (String pkg : packages) {
            print("inclusive, " + pkg, inclusive, samples, top, pkg);
        }
        System.out.printf(Locale.ROOT, "%n%s: %,d MB allocated (sampled estimate)%n", file.getFileName(),
                allocatedTotal >> 20);
        print("allocation sites (top of stack)", allocated, allocatedTotal, top, null);
        for (String pkg : packages) {
            print("allocation, inclusive, " + pkg, allocatedInclusive, allocatedTotal, top, pkg);
        }
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The {@code top} heaviest entries (of the methods under {@code prefix}, when given) as shares of the total. */
    private static void print(String title, Map<String, Long> weights, long total, int top, String prefix) {
        System.out.println();
        System.out.println("== " + title);
        weights.entrySet().stream()
                .filter(e -> prefix == null || e.getKey().startsWith(prefix))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "%6.1f%%  %s%n", 100.0 * e.getValue() / total,
                        e.getKey()));
    }
}
