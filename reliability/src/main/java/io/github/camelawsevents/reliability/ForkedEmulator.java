package io.github.camelawsevents.reliability;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;

/**
 * The emulator in a JVM of its own ({@code EmulatorMain} on this JVM's class path), so that the suite's heap figures
 * are the route's alone: the emulator keeps every accepted payload, which grows with the number of events.
 */
public final class ForkedEmulator implements EmulatorHandle {

    private static final String ENDPOINT_LINE = "endpoint";

    private final Process process;
    private final URI endpoint;
    private final long seed;
    private final EmulatorControl control;
    private final Deque<String> lastLines;

    private ForkedEmulator(Process process, URI endpoint, long seed, Deque<String> lastLines) {
        this.process = process;
        this.endpoint = endpoint;
        this.seed = seed;
        this.control = new EmulatorControl(endpoint);
        this.lastLines = lastLines;
    }

    /** Starts {@code EmulatorMain} on a free loopback port and waits until it printed its endpoint. */
    public static ForkedEmulator start(long seed, String heap) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path"),
                "io.github.camelawsevents.aws.emulator.EmulatorMain",
                "--host", "127.0.0.1", "--port", "0", "--seed", Long.toString(seed)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // the emulator never outlives the suite, however the suite ends
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "reliability-emulator-stop"));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Deque<String> lastLines = new ArrayDeque<>();
        String line;
        while ((line = out.readLine()) != null) {
            remember(lastLines, line);
            String trimmed = line.trim();
            if (trimmed.startsWith(ENDPOINT_LINE)) {
                URI endpoint = URI.create(trimmed.substring(ENDPOINT_LINE.length()).trim());
                Thread drain = new Thread(() -> drain(out, lastLines), "reliability-emulator-output");
                drain.setDaemon(true);
                drain.start();
                return new ForkedEmulator(process, endpoint, seed, lastLines);
            }
        }
        process.destroy();
        throw new IOException("the emulator's JVM ended before printing its endpoint: " + lastLines);
    }

    private static void drain(BufferedReader out, Deque<String> lastLines) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                remember(lastLines, line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static void remember(Deque<String> lines, String line) {
        synchronized (lines) {
            lines.addLast(line);
            while (lines.size() > 50) {
                lines.removeFirst();
            }
        }
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String region() {
        return AwsEventsEmulator.DEFAULT_REGION;
    }

    @Override
    public String accessKey() {
        return AwsEventsEmulator.DEFAULT_ACCESS_KEY;
    }

    @Override
    public String secretKey() {
        return AwsEventsEmulator.DEFAULT_SECRET_KEY;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public String description() {
        return "emulator in its own JVM (pid " + process.pid() + ")";
    }

    @Override
    public EmulatorControl control() {
        return control;
    }

    /** The emulator's most recent output lines, for diagnostics. */
    public List<String> lastLines() {
        synchronized (lastLines) {
            return List.copyOf(lastLines);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
