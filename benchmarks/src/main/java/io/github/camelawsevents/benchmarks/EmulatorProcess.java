package io.github.camelawsevents.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The emulator's JVM ({@link EmulatorServer}), started and stopped by the harness. */
final class EmulatorProcess implements AutoCloseable {

    /** Heap of the emulator's JVM: its client-token memory (1,000,000 tokens by default) needs room. */
    static final List<String> JVM_ARGS = List.of("-Xms768m", "-Xmx768m");

    private final Process process;
    private final int controlPort;

    private EmulatorProcess(Process process, int controlPort) {
        this.process = process;
        this.controlPort = controlPort;
    }

    static EmulatorProcess start() throws IOException {
        Process process = JavaProcess.start(JVM_ARGS, EmulatorServer.class, List.of(), true);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(EmulatorServer.READY)) {
                int port = Integer.parseInt(line.substring(EmulatorServer.READY.length()).trim());
                Thread drain = new Thread(() -> drain(out), "bench-emulator-stdout");
                drain.setDaemon(true);
                drain.start();
                return new EmulatorProcess(process, port);
            }
            System.err.println("[emulator] " + line);
        }
        throw new IOException("the emulator's JVM ended before it was ready (exit " + exitValue(process) + ")");
    }

    int controlPort() {
        return controlPort;
    }

    private static void drain(BufferedReader out) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                System.err.println("[emulator] " + line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static String exitValue(Process p) {
        try {
            return String.valueOf(p.waitFor(5, TimeUnit.SECONDS) ? p.exitValue() : "none yet");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
