package io.github.camelawsevents.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * What to run, from system properties {@code bench.*}. {@code bench.mode} picks the defaults ({@code full} or
 * {@code smoke}); every other property overrides one of them. An empty value means "the mode's default".
 *
 * @param mode               full or smoke
 * @param events             events per repetition in the comparison tables
 * @param latenciesMs        the regimes: latency the emulator adds to every request
 * @param repetitions        measured repetitions per comparison cell (the median is reported)
 * @param warmupEvents       events per warm-up run (at zero latency) before measuring, per cell
 * @param warmupSeconds      warm-up runs repeat until at least this long has passed (the JIT needs time, not N)
 * @param emulatorWarmupSeconds how long the emulator's JVM is warmed up before the first cell
 * @param latencyRunSeconds  when latency is added, a contender's N is cut to what its requests in flight can carry
 *                           in about this long (a contender with one request in flight does 50 events/s at 20 ms
 *                           whatever N is, and would need 5.5 hours for a million)
 * @param scaleEvents        the N of the scale table
 * @param scaleLatenciesMs   the regimes of the scale table
 * @param scaleContenders    the contenders of the scale table
 * @param bigRepetitions     repetitions of scale cells of 100,000 events or more
 * @param contenders         the contenders to run (empty: all)
 * @param partnerInFlight    requests in flight for aws-partner-events and the partner limit (its default: 32)
 * @param scnInFlight        requests in flight for aws-scn-event and the Supply Chain limit (its default: 64)
 * @param scnRecordCheck     the recordCheck option of the aws-scn-event contenders: OFF (the component's default),
 *                           WARN_UNKNOWN or STRICT
 * @param fork               which cells run in a fresh JVM (clean heap and JIT state per contender): ALL, SCALE
 *                           (the smoke default: exercises the forked path in seconds) or NONE
 * @param workerJvmArgs      the JVM options of forked cells
 * @param out                where the Markdown report is written
 * @param profileDir         where to write a JFR recording of each cell's measured repetitions, or null for none
 */
public record BenchSettings(String mode, int events, List<Integer> latenciesMs, int repetitions, int warmupEvents,
        int warmupSeconds, int emulatorWarmupSeconds, int latencyRunSeconds, List<Integer> scaleEvents,
        List<Integer> scaleLatenciesMs, List<String> scaleContenders, int bigRepetitions, Set<String> contenders,
        int partnerInFlight, int scnInFlight, String scnRecordCheck, Fork fork, List<String> workerJvmArgs, Path out, Path profileDir) {

    /** The scale table's default contenders: the fastest of ours for each API, a per-event one, and a limit. */
    static final List<String> DEFAULT_SCALE_CONTENDERS =
            List.of(Contenders.PARTNER_AGGREGATED, Contenders.PARTNER_LIMIT, Contenders.SCN_GROUPS_64,
                    Contenders.SCN_AGGREGATED);

    /** Smoke mode's scale table: one contender, enough to run the forked path. */
    static final List<String> SMOKE_SCALE_CONTENDERS = List.of(Contenders.PARTNER_AGGREGATED);

    public static BenchSettings fromSystemProperties() {
        return from(System.getProperties());
    }

    static BenchSettings from(Properties p) {
        String mode = text(p, "bench.mode", "full").toLowerCase(Locale.ROOT);
        boolean smoke = switch (mode) {
            case "smoke" -> true;
            case "full" -> false;
            default -> throw new IllegalArgumentException("bench.mode must be full or smoke, was " + mode);
        };
        return new BenchSettings(mode,
                integer(p, "bench.events", smoke ? 300 : 50_000),
                integers(p, "bench.latencyMs", List.of(0, 20)),
                integer(p, "bench.reps", smoke ? 1 : 3),
                integer(p, "bench.warmup", smoke ? 100 : 5_000),
                integer(p, "bench.warmupSeconds", smoke ? 0 : 15),
                integer(p, "bench.emulatorWarmupSeconds", smoke ? 0 : 30),
                integer(p, "bench.latencyRunSeconds", smoke ? 1 : 10),
                integers(p, "bench.scale", smoke ? List.of(300, 600) : List.of(10_000, 100_000, 1_000_000)),
                integers(p, "bench.scaleLatencyMs", List.of(0)),
                list(p, "bench.scaleContenders", smoke ? SMOKE_SCALE_CONTENDERS : DEFAULT_SCALE_CONTENDERS),
                integer(p, "bench.bigReps", 1),
                new LinkedHashSet<>(list(p, "bench.contenders", List.of())),
                integer(p, "bench.partnerInFlight", integer(p, "bench.inFlight", 32)),
                integer(p, "bench.scnInFlight", integer(p, "bench.inFlight", 64)),
                recordCheck(text(p, "bench.scnRecordCheck", "OFF")),
                fork(text(p, "bench.fork", smoke ? "scale" : "all")),
                list(p, "bench.jvmArgs", List.of("-Xms512m", "-Xmx512m", "-Xmn64m"), " "),
                Path.of(text(p, "bench.out", "target/benchmark-results.md")),
                profileDir(text(p, "bench.profile", "false")));
    }

    /** Which cells run in a JVM of their own. */
    public enum Fork {
        ALL, SCALE, NONE;

        boolean forks(Cell cell) {
            return this == ALL || this == SCALE && cell.scale();
        }
    }

    private static Fork fork(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "all", "true" -> Fork.ALL;
            case "scale" -> Fork.SCALE;
            case "none", "false" -> Fork.NONE;
            default -> throw new IllegalArgumentException("bench.fork must be all, scale or none, was " + value);
        };
    }

    private static String recordCheck(String value) {
        String mode = value.toUpperCase(Locale.ROOT);
        return switch (mode) {
            case "OFF", "WARN_UNKNOWN", "STRICT" -> mode;
            default -> throw new IllegalArgumentException(
                    "bench.scnRecordCheck must be OFF, WARN_UNKNOWN or STRICT, was " + value);
        };
    }

    private static Path profileDir(String value) {
        if ("false".equalsIgnoreCase(value)) {
            return null;
        }
        return Path.of("true".equalsIgnoreCase(value) ? "target/profiles" : value);
    }

    /** Whether contender {@code id} is selected. */
    boolean runs(String id) {
        return contenders.isEmpty() || contenders.contains(id);
    }

    private static String text(Properties p, String key, String dflt) {
        String v = p.getProperty(key);
        return v == null || v.isBlank() ? dflt : v.trim();
    }

    private static int integer(Properties p, String key, int dflt) {
        String v = text(p, key, null);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was " + v);
        }
    }

    private static List<Integer> integers(Properties p, String key, List<Integer> dflt) {
        List<Integer> out = new ArrayList<>();
        for (String s : list(p, key, List.of())) {
            try {
                out.add(Integer.parseInt(s.replace("_", "")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be comma-separated whole numbers, was " + s);
            }
        }
        return out.isEmpty() ? dflt : List.copyOf(out);
    }

    private static List<String> list(Properties p, String key, List<String> dflt) {
        return list(p, key, dflt, ",");
    }

    private static List<String> list(Properties p, String key, List<String> dflt, String separator) {
        String v = text(p, key, null);
        if (v == null) {
            return dflt;
        }
        return Arrays.stream(v.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
