package io.github.camelawsevents.scaleout;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A JVM of its own on this JVM's class path: the broker, the emulator, a worker. Its output goes to a log file in
 * {@code target/scale-out-logs} (the last lines are kept for failure messages). Every child is killed when this JVM
 * ends, however it ends, and {@link #kill()} is {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL on
 * Linux, so the child runs no shutdown hook and commits nothing more.
 */
final class ChildJvm implements AutoCloseable {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "scale-out-children-stop"));
    }

    private final String name;
    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final List<String> seen = new ArrayList<>();
    private final List<Predicate<String>> watched = new ArrayList<>();

    private ChildJvm(String name, Process process, Path log) throws IOException {
        this.name = name;
        this.process = process;
        RUNNING.add(process);
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        Thread drain = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    remember(line);
                }
            } catch (IOException ignored) {
                // the process ended
            } finally {
                out.close();
            }
        }, name + "-output");
        drain.setDaemon(true);
        drain.start();
    }

    static Path logDir() throws IOException {
        Path dir = Path.of(System.getProperty("scaleout.logs", "target/scale-out-logs"));
        Files.createDirectories(dir);
        return dir;
    }

    /** Starts {@code mainClass} with {@code jvmArgs} (heap, system properties) and {@code args}. */
    static ChildJvm start(String name, List<String> jvmArgs, String mainClass, List<String> args) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("-XX:+UseSerialGC");
        if (quickStart()) {
            // the reduced size: the JVMs live seconds, so C2 compiling the hot paths would cost more CPU than it saves
            // (C2 compilation was 40 % of a fresh worker's CPU, see the warm-up in the README)
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("scaleout.classpath", System.getProperty("java.class.path")));
        command.add(mainClass);
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new ChildJvm(name, process, logDir().resolve(name + ".log"));
    }

    /**
     * Whether the children stop at the C1 compiler: {@code scaleout.quickStart}, by default at the reduced size (below
     * 20,000 events per scenario), whose rates measure the tail of the slowest group, not throughput. The medium and
     * full sizes, which measure throughput, run with both compilers.
     */
    static boolean quickStart() {
        String set = System.getProperty("scaleout.quickStart", "");
        return set.isBlank() ? Integer.getInteger("scaleout.events", 2000) < 20000 : Boolean.parseBoolean(set);
    }

    private void remember(String line) {
        synchronized (lastLines) {
            lastLines.addLast(line);
            while (lastLines.size() > 80) {
                lastLines.removeFirst();
            }
            for (Predicate<String> p : watched) {
                if (p.test(line)) {
                    seen.add(line);
                }
            }
        }
    }

    /** Waits until the child printed a line containing {@code text}; fails if it ends first. */
    String awaitLine(String text, long seconds) {
        Predicate<String> p = l -> l.contains(text);
        synchronized (lastLines) {
            watched.add(p);
            for (String l : lastLines) {
                if (p.test(l)) {
                    seen.add(l);
                }
            }
        }
        await(name + " prints '" + text + "'").atMost(seconds, TimeUnit.SECONDS).pollInterval(50, TimeUnit.MILLISECONDS)
                .until(() -> {
                    synchronized (lastLines) {
                        if (seen.stream().anyMatch(p)) {
                            return true;
                        }
                    }
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " ended (exit " + process.exitValue() + ") before printing '"
                                                        + text + "': " + lastLines());
                    }
                    return false;
                });
        synchronized (lastLines) {
            return seen.stream().filter(p).findFirst().orElseThrow();
        }
    }

    /** Writes the child's thread dump ({@code jcmd <pid> Thread.print}) next to its log, for a scenario that hung. */
    void dumpThreads() {
        try {
            String jcmd = System.getProperty("java.home") + File.separator + "bin" + File.separator + "jcmd";
            new ProcessBuilder(jcmd, Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(logDir().resolve(name + ".threads.txt").toFile())
                    .start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // diagnostics only
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<String> lastLines() {
        synchronized (lastLines) {
            return List.copyOf(lastLines);
        }
    }

    String name() {
        return name;
    }

    /** CPU time the process used so far (user and system, all threads), in seconds; -1 when unknown. */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " still running after " + seconds + " s: " + lastLines());
        }
        return process.exitValue();
    }

    /**
     * Sends a signal with the system's {@code kill} command, e.g. {@code STOP} (the JVM stands still: no thread runs,
     * no heartbeat is sent, nothing it holds is released) and {@code CONT} (it goes on where it stood).
     */
    void signal(String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " exited with " + exit);
        }
    }

    /** {@code kill -9}: no shutdown hook, no last commit. Returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        RUNNING.remove(process);
    }

    /** SIGTERM, then SIGKILL after the grace period. */
    @Override
    public void close() {
        closeAll(List.of(this));
    }

    /**
     * SIGTERM to every child at once, then SIGKILL to those still running after the grace period: the children shut
     * down side by side, not one after the other (a worker's shutdown takes seconds: its consumers leave their groups).
     */
    static void closeAll(List<ChildJvm> children) {
        children.forEach(c -> c.process.destroy());
        long graceEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (ChildJvm c : children) {
            try {
                if (!c.process.waitFor(Math.max(0, graceEnds - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    c.process.destroyForcibly();
                    c.process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                c.process.destroyForcibly();
            }
            RUNNING.remove(c.process);
        }
    }
}
