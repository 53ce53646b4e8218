package io.github.camelawsevents.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One contender in one regime: one warm-up, then each run's measured repetitions, in one JVM. A comparison cell has
 * one run; a scale cell has one run per N, so the contender is warmed up once for all of them.
 *
 * @param contender the contender's id
 * @param latencyMs the latency the emulator adds to every request during the measured runs
 * @param runs      the N and repetitions to measure, in order
 * @param warmup    events per warm-up batch, sent with no added latency
 * @param eventBase the first event number of the cell (numbers never repeat across cells)
 * @param scale     whether the cell belongs to the scale table
 */
public record Cell(String contender, int latencyMs, List<Run> runs, int warmup, long eventBase, boolean scale) {

    /** N events per repetition, measured {@code repetitions} times. */
    public record Run(int events, int repetitions) {
    }

    public Cell {
        runs = List.copyOf(runs);
    }

    /** A cell with a single run. */
    public Cell(String contender, int latencyMs, int events, int repetitions, int warmup, long eventBase,
            boolean scale) {
        this(contender, latencyMs, List.of(new Run(events, repetitions)), warmup, eventBase, scale);
    }

    /** All measured repetitions of the cell. */
    int repetitions() {
        return runs.stream().mapToInt(Run::repetitions).sum();
    }

    /** One line of arguments for a forked worker. */
    String toArgs() {
        return contender + " " + latencyMs + " " + warmup + " " + eventBase + " " + scale + " "
               + runs.stream().map(r -> r.events() + ":" + r.repetitions()).collect(Collectors.joining(","));
    }

    static Cell fromArgs(String[] a, int from) {
        List<Run> runs = new ArrayList<>();
        for (String run : a[from + 5].split(",")) {
            String[] parts = run.split(":");
            runs.add(new Run(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
        }
        return new Cell(a[from], Integer.parseInt(a[from + 1]), runs, Integer.parseInt(a[from + 2]),
                Long.parseLong(a[from + 3]), Boolean.parseBoolean(a[from + 4]));
    }

    @Override
    public String toString() {
        return contender + " @" + latencyMs + "ms "
               + runs.stream().map(r -> "N=" + r.events() + " x" + r.repetitions()).collect(Collectors.joining(", "));
    }
}
