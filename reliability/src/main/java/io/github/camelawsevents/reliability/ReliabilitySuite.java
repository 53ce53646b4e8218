package io.github.camelawsevents.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs every scenario against one emulator, prints the results table and writes it as markdown.
 * <pre>
 * mvn -B -q -pl reliability process-classes exec:exec -Dreliability.events=100000 -Dreliability.seed=42
 * </pre>
 * System properties: {@code reliability.events} (per scenario, default 100000), {@code reliability.seed} (default 42),
 * {@code reliability.scenarios} (comma-separated names, default all: see {@link Scenarios#ALL}),
 * {@code reliability.heapProbeEvents} (also run the two fault scenarios at this size to compare the heap; default
 * 10000 when events &gt;= 50000, else off), {@code reliability.emulator} ({@code fork}, the default: the emulator in
 * its own JVM; or {@code inprocess}), {@code reliability.out} (the markdown file). Exits 1 when an invariant failed.
 */
public final class ReliabilitySuite {

    private ReliabilitySuite() {
    }

    public static void main(String[] args) throws Exception {
        int events = intProperty("reliability.events", 100_000);
        long seed = Long.parseLong(property("reliability.seed", "42"));
        List<String> names = listProperty("reliability.scenarios", Scenarios.ALL);
        int heapProbe = intProperty("reliability.heapProbeEvents", events >= 50_000 ? 10_000 : 0);
        Path out = Path.of(property("reliability.out", "target/reliability-results.md"));
        boolean fork = !"inprocess".equals(property("reliability.emulator", "fork"));

        Files.createDirectories(out.toAbsolutePath().getParent());
        String command = commandLine(events, seed, names, heapProbe);
        Report report = run(events, seed, names, heapProbe, fork, r -> {
            try {
                Files.writeString(out, r.markdown(command)); // after every scenario, so a long run keeps what it has
            } catch (IOException e) {
                System.err.println("Cannot write " + out + ": " + e);
            }
        });
        Files.writeString(out, report.markdown(command));
        System.out.println();
        System.out.println(report.table());
        System.out.println("Markdown written to " + out.toAbsolutePath());
        System.out.println(report.passedCount() + " passed, " + report.failedCount() + " failed");
        System.exit(report.failedCount() == 0 ? 0 : 1);
    }

    /** Runs the scenarios (and the heap probe) and collects the results. */
    public static Report run(int events, long seed, List<String> names, int heapProbe, boolean fork,
                             java.util.function.Consumer<Report> afterEach) throws Exception {
        Report report = new Report(events, seed);
        try (EmulatorHandle emulator = fork ? ForkedEmulator.start(seed, "1g") : InProcessEmulator.start(seed)) {
            report.emulator(emulator.description());
            List<ScenarioResult> probes = new ArrayList<>();
            if (heapProbe > 0) {
                for (String name : List.of("scn-faults", "partner-faults")) {
                    if (names.contains(name)) {
                        ScenarioResult probe = runOne(name, emulator, seed, heapProbe);
                        probes.add(probe);
                        report.probe(probe);
                    }
                }
            }
            for (String name : names) {
                ScenarioResult r = runOne(name, emulator, seed, events);
                report.add(r);
                for (ScenarioResult probe : probes) {
                    if (probe.name().equals(r.name())) {
                        report.add(HeapComparison.compare(probe, r));
                    }
                }
                afterEach.accept(report);
            }
        }
        return report;
    }

    private static ScenarioResult runOne(String name, EmulatorHandle emulator, long seed, int events)
            throws Exception {
        System.out.printf("%n=== %s, %,d events, seed %d%n", name, events, seed);
        ScenarioResult r = Scenarios.run(name, emulator, seed, events);
        System.out.println(r);
        return r;
    }

    private static String commandLine(int events, long seed, List<String> names, int heapProbe) {
        StringBuilder sb = new StringBuilder("mvn -B -q -pl reliability process-classes exec:exec -Dreliability.events=")
                .append(events).append(" -Dreliability.seed=").append(seed);
        if (!names.equals(Scenarios.ALL)) {
            sb.append(" -Dreliability.scenarios=").append(String.join(",", names));
        }
        if (heapProbe != (events >= 50_000 ? 10_000 : 0)) {
            sb.append(" -Dreliability.heapProbeEvents=").append(heapProbe);
        }
        return sb.toString();
    }

    private static String property(String name, String defaultValue) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? defaultValue : v.trim();
    }

    private static int intProperty(String name, int defaultValue) {
        return Integer.parseInt(property(name, Integer.toString(defaultValue)).replace("_", "").replace(",", ""));
    }

    private static List<String> listProperty(String name, List<String> defaultValue) {
        String v = property(name, "");
        if (v.isEmpty()) {
            return defaultValue;
        }
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static void write(Path path, String text) throws IOException {
        Files.writeString(path, text);
    }
}
