package io.github.camelawsevents.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.camelawsevents.aws.testsupport.HeapWatch;
import io.github.camelawsevents.aws.testsupport.JitQuiet;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Runs one cell in this JVM: start the contender, warm it up at zero latency (the JIT compiles the hot path
 * fastest when nothing waits), set the cell's latency, then measure each repetition from a freshly collected heap.
 */
final class CellRunner {

    private CellRunner() {
    }

    static List<Measurement> run(Cell cell, BenchSettings settings, EmulatorControl control) throws Exception {
        Contenders.Spec spec = Contenders.byId(cell.contender())
                .orElseThrow(() -> new IllegalArgumentException("unknown contender " + cell.contender()));
        List<Measurement> results = new ArrayList<>();
        try (Contender contender = spec.factory().apply(settings)) {
            contender.start(control.info());
            long next = cell.eventBase();
            control.latency(0);
            next = warmUp(contender, cell, settings, next);
            control.latency(cell.latencyMs());
            Recording recording = startRecording(settings);
            for (Cell.Run run : cell.runs()) {
                for (int rep = 0; rep < run.repetitions(); rep++) {
                    System.gc();
                    EmulatorControl.Counters before = control.counters();
                    LatencyRecorder latencies = new LatencyRecorder();
                    HeapWatch heap = HeapWatch.start();
                    long cpuStart = ProcessCpu.nanos();
                    long start = System.nanoTime();
                    RunOutcome outcome = contender.run(next, run.events(), latencies);
                    long wall = System.nanoTime() - start;
                    long cpu = ProcessCpu.nanos() - cpuStart;
                    heap.close();
                    EmulatorControl.Counters after = control.counters();
                    next += run.events();
                    Measurement m = new Measurement(cell.contender(), cell.latencyMs(), run.events(),
                            after.events() - before.events(), outcome.failed(), outcome.acknowledged(),
                            after.requests() - before.requests(), wall, cpu, after.cpuNanos() - before.cpuNanos(),
                            latencies.percentileMicros(50), latencies.percentileMicros(99), heap.peakBytes(),
                            heap.peakAfterGcBytes());
                    System.err.println("[bench]   rep " + (rep + 1) + "/" + run.repetitions() + ": " + m);
                    results.add(m);
                }
            }
            control.latency(0);
            stopRecording(recording, settings, cell);
        }
        return results;
    }

    /**
     * Runs warm-up batches at zero latency for at least {@code warmupSeconds}, and on until the JIT compiler is quiet
     * ({@link JitQuiet#warmUp}: less than 2% of a 2 s round spent compiling), at most four times as long: on a busy
     * machine the compiler threads get little CPU and a fixed warm-up would measure code still being compiled.
     *
     * @return the next unused event number
     */
    static long warmUp(Contender contender, Cell cell, BenchSettings settings, long next) throws Exception {
        if (cell.warmup() <= 0) {
            return next;
        }
        if (settings.warmupSeconds() <= 0) {
            contender.run(next, cell.warmup(), new LatencyRecorder());
            return next + cell.warmup();
        }
        // rounds of batches WINDOW_MILLIS long: enough of them to last warmupSeconds, at most four times as many
        int minRounds = (int) Math.max(1, (settings.warmupSeconds() * 1000L + JitQuiet.WINDOW_MILLIS - 1)
                                          / JitQuiet.WINDOW_MILLIS);
        long[] event = {next};
        long start = System.nanoTime();
        JitQuiet.WarmUp w = JitQuiet.warmUp(List.of(JitQuiet.local()), minRounds, 4 * minRounds, i -> {
            long roundStart = System.nanoTime();
            do {
                contender.run(event[0], cell.warmup(), new LatencyRecorder());
                event[0] += cell.warmup();
            } while (System.nanoTime() - roundStart < JitQuiet.WINDOW_MILLIS * 1_000_000L);
        });
        System.err.printf(Locale.ROOT, "[bench]   warmed up for %.1f s (JIT %s)%n", (System.nanoTime() - start) / 1e9,
                w.quiet() ? "quiet" : "still compiling: " + w.lastRoundCompiledMillis().get(0)
                                      + " ms in the last window");
        return event[0];
    }

    /** A JFR recording (the JDK's "profile" settings) of the measured repetitions only, when profiling. */
    private static Recording startRecording(BenchSettings settings) throws IOException, ParseException {
        if (settings.profileDir() == null) {
            return null;
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        return recording;
    }

    private static void stopRecording(Recording recording, BenchSettings settings, Cell cell) throws IOException {
        if (recording == null) {
            return;
        }
        recording.stop();
        Files.createDirectories(settings.profileDir());
        Path file = settings.profileDir().resolve(cell.contender() + "-" + cell.latencyMs() + "ms"
                                                  + (cell.scale() ? "-scale" : "") + ".jfr");
        recording.dump(file);
        recording.close();
        System.err.println("[bench]   profile: " + file.toAbsolutePath());
    }
}
