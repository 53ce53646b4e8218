package io.github.camelawsevents.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The harness: starts the emulator in its own JVM, runs every selected contender in every regime (each cell in a
 * fresh JVM unless {@code bench.fork=false}), prints the tables and writes them to {@code bench.out}. Exits with 1
 * when a cell failed or did not deliver every event, so a smoke run in CI catches a harness or contender that rotted;
 * speed is never asserted.
 *
 * <pre>
 * mvn -B -pl benchmarks -am verify -DskipTests -Pbench                      # full comparison (~35 min, 2 cores)
 * mvn -B -pl benchmarks -am verify -DskipTests -Pbench -Dbench.mode=smoke   # seconds
 * </pre>
 */
public final class BenchmarkMain {

    /** Event numbers of one cell start here times the cell's index, so no event is ever sent twice. */
    static final long EVENTS_PER_CELL = 100_000_000L;
    private static final long CELL_TIMEOUT_MINUTES = 40;
    /** The running worker JVM, ended with the harness if the harness is interrupted. */
    private static volatile Process currentWorker;

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(BenchSettings.fromSystemProperties());
        } catch (Throwable e) {
            System.err.println("[bench] failed: " + e);
            e.printStackTrace();
            status = 2;
        }
        System.exit(status);
    }

    static int run(BenchSettings settings) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process worker = currentWorker;
            if (worker != null) {
                worker.destroyForcibly();
            }
        }, "bench-stop-worker"));
        List<Cell> cells = plan(settings);
        System.err.println("[bench] " + settings.mode() + " mode: " + cells.size() + " cells");
        List<Report.CellResult> results = new ArrayList<>();
        List<Double> loadAverages = new ArrayList<>();
        long started = System.nanoTime();
        try (EmulatorProcess emulator = EmulatorProcess.start();
             EmulatorControl control = new EmulatorControl(emulator.controlPort())) {
            System.err.println("[bench] warming the emulator up for " + settings.emulatorWarmupSeconds() + " s");
            EmulatorWarmup.run(control, settings.emulatorWarmupSeconds());
            int i = 0;
            for (Cell cell : cells) {
                i++;
                System.err.println("[bench] (" + i + "/" + cells.size() + ") " + cell);
                Report.CellResult result;
                long cellStart = System.nanoTime();
                loadAverages.add(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                try {
                    List<Measurement> reps = settings.fork().forks(cell)
                            ? forked(cell, emulator.controlPort(), settings)
                            : CellRunner.run(cell, settings, control);
                    List<Summary> summaries = summarise(cell, reps);
                    result = new Report.CellResult(cell, summaries, summaries.stream().allMatch(Summary::complete)
                            ? null : "not every event was delivered: " + reps);
                } catch (Exception e) {
                    System.err.println("[bench] cell failed: " + e);
                    result = new Report.CellResult(cell, List.of(), e.toString());
                    control.latency(0);
                }
                results.add(result);
                System.err.printf("[bench]   cell took %.1f s%n", (System.nanoTime() - cellStart) / 1e9);
            }
        }
        String report = Report.render(settings, results, loadAverages);
        System.out.println();
        System.out.println(report);
        if (settings.out().getParent() != null) {
            Files.createDirectories(settings.out().getParent());
        }
        Files.writeString(settings.out(), report);
        System.err.printf("[bench] done in %.1f minutes; report written to %s%n",
                (System.nanoTime() - started) / 60e9, settings.out().toAbsolutePath());
        return results.stream().anyMatch(r -> r.error() != null) ? 1 : 0;
    }

    /** The comparison cells (every selected contender in every regime), then the scale cells. */
    static List<Cell> plan(BenchSettings s) {
        List<Cell> cells = new ArrayList<>();
        for (int latency : s.latenciesMs()) {
            for (Contenders.Spec spec : Contenders.all()) {
                if (!s.runs(spec.id())) {
                    continue;
                }
                int events = spec.events(s, latency);
                cells.add(new Cell(spec.id(), latency, events, s.repetitions(), s.warmupEvents(),
                        (cells.size() + 1) * EVENTS_PER_CELL, false));
            }
        }
        for (int latency : s.scaleLatenciesMs()) {
            for (String id : s.scaleContenders()) {
                if (!s.runs(id) || Contenders.byId(id).isEmpty() || s.scaleEvents().isEmpty()) {
                    continue;
                }
                List<Cell.Run> runs = new ArrayList<>();
                for (int events : s.scaleEvents()) {
                    runs.add(new Cell.Run(events, events >= 100_000 ? s.bigRepetitions() : s.repetitions()));
                }
                cells.add(new Cell(id, latency, runs, s.warmupEvents(), (cells.size() + 1) * EVENTS_PER_CELL, true));
            }
        }
        return cells;
    }

    /** One summary per run of the cell, from its repetitions. */
    static List<Summary> summarise(Cell cell, List<Measurement> reps) {
        if (reps.size() != cell.repetitions()) {
            throw new IllegalStateException("expected " + cell.repetitions() + " results, got " + reps.size());
        }
        List<Summary> summaries = new ArrayList<>();
        int from = 0;
        for (Cell.Run run : cell.runs()) {
            summaries.add(Summary.of(reps.subList(from, from + run.repetitions())));
            from += run.repetitions();
        }
        return summaries;
    }

    /** Runs a cell in a fresh JVM and reads its result lines. */
    private static List<Measurement> forked(Cell cell, int controlPort, BenchSettings settings) throws Exception {
        List<String> jvm = new ArrayList<>(settings.workerJvmArgs());
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("bench.")) {
                jvm.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        List<String> args = new ArrayList<>();
        args.add(String.valueOf(controlPort));
        args.addAll(List.of(cell.toArgs().split(" ")));
        Process process = JavaProcess.start(jvm, WorkerMain.class, args, true);
        currentWorker = process;
        List<Measurement> results = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(Measurement.LINE_PREFIX)) {
                        synchronized (results) {
                            results.add(Measurement.fromLine(line));
                        }
                    } else {
                        System.err.println("[worker] " + line);
                    }
                }
            } catch (Exception e) {
                System.err.println("[bench] reading the worker's output: " + e);
            }
        }, "bench-worker-stdout");
        reader.start();
        if (!process.waitFor(CELL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the cell did not finish within " + CELL_TIMEOUT_MINUTES + " minutes");
        }
        reader.join(10_000);
        currentWorker = null;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the worker JVM exited with " + process.exitValue());
        }
        synchronized (results) {
            return List.copyOf(results);
        }
    }
}
