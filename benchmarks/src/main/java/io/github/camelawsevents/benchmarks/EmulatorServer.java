package io.github.camelawsevents.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.camelawsevents.aws.emulator.Api;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.EmulatorStats;
import io.github.camelawsevents.aws.emulator.FaultSettings;

/**
 * The emulator's JVM, started by the harness: the project's emulator in count-only mode with SigV4 verification on,
 * plus a line-based control port on the loopback interface through which the harness sets the latency and reads
 * the counters and this JVM's CPU time. Running the emulator in its own JVM keeps its CPU and heap out of the
 * contenders' figures. The process ends when its standard input closes (the harness went away) or on {@code quit}.
 *
 * <p>Commands, one per line, each answered with one line: {@code info}, {@code latency <ms>}, {@code stats},
 * {@code reset}, {@code quit}.
 */
public final class EmulatorServer {

    /** The line printed once the emulator and the control port listen; followed by the control port. */
    public static final String READY = "EMULATOR-READY ";

    private final AwsEventsEmulator emulator;

    private EmulatorServer(AwsEventsEmulator emulator) {
        this.emulator = emulator;
    }

    public static void main(String[] args) throws IOException {
        AwsEventsEmulator emulator = AwsEventsEmulator.builder()
                .countOnly(true)
                .verifySignatures(true)
                .start();
        EmulatorServer server = new EmulatorServer(emulator);
        ServerSocket control = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread parentWatch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent on stdin: its end means the harness is gone
                }
            } catch (IOException ignored) {
                // same
            }
            emulator.close();
            System.exit(0);
        }, "bench-parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();
        System.out.println(READY + control.getLocalPort());
        System.out.flush();
        while (true) {
            Socket socket = control.accept();
            Thread t = new Thread(() -> server.serve(socket), "bench-emulator-control");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().split("\\s+");
                switch (words[0]) {
                    case "info" -> out.println(new EmulatorControl.Info(emulator.endpoint().toString(),
                            emulator.region(), emulator.accessKey(), emulator.secretKey()).toLine());
                    case "latency" -> {
                        long ms = Long.parseLong(words[1]);
                        emulator.faults().set(ms > 0
                                ? FaultSettings.builder().latency(Duration.ofMillis(ms)).build()
                                : FaultSettings.NONE);
                        out.println("ok");
                    }
                    case "stats" -> out.println(counters().toLine());
                    case "reset" -> {
                        emulator.reset();
                        out.println("ok");
                    }
                    case "quit" -> {
                        out.println("ok");
                        emulator.close();
                        System.exit(0);
                    }
                    default -> out.println("error unknown command " + words[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("emulator control: " + e);
        }
    }

    private EmulatorControl.Counters counters() {
        EmulatorStats s = emulator.stats();
        long rejected = 0;
        for (Api api : Api.values()) {
            rejected += s.rejected(api);
        }
        return new EmulatorControl.Counters(s.requests(Api.PARTNER_EVENTS), s.partnerEvents(),
                s.requests(Api.PUT_EVENTS), s.putEvents(), s.requests(Api.SUPPLY_CHAIN), s.supplyChainEvents(),
                rejected, ProcessCpu.nanos());
    }
}
