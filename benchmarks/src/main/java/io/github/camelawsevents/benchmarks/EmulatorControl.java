package io.github.camelawsevents.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The harness's side of the emulator JVM's control port (see {@link EmulatorServer}). */
public final class EmulatorControl implements AutoCloseable {

    /** Where and how to reach the emulator's AWS endpoint. */
    public record Info(String endpoint, String region, String accessKey, String secretKey) {
        String toLine() {
            return "endpoint=" + endpoint + " region=" + region + " accessKey=" + accessKey + " secretKey=" + secretKey;
        }

        static Info fromLine(String line) {
            Map<String, String> m = pairs(line);
            return new Info(m.get("endpoint"), m.get("region"), m.get("accessKey"), m.get("secretKey"));
        }
    }

    /** The emulator's counters (cumulative since start or reset) and its JVM's CPU time. */
    public record Counters(long partnerRequests, long partnerEvents, long putEventsRequests, long putEvents,
            long scnRequests, long scnEvents, long rejected, long cpuNanos) {

        String toLine() {
            return "partnerRequests=" + partnerRequests + " partnerEvents=" + partnerEvents + " putEventsRequests="
                   + putEventsRequests + " putEvents=" + putEvents + " scnRequests=" + scnRequests + " scnEvents="
                   + scnEvents + " rejected=" + rejected + " cpuNanos=" + cpuNanos;
        }

        static Counters fromLine(String line) {
            Map<String, String> m = pairs(line);
            return new Counters(num(m, "partnerRequests"), num(m, "partnerEvents"), num(m, "putEventsRequests"),
                    num(m, "putEvents"), num(m, "scnRequests"), num(m, "scnEvents"), num(m, "rejected"),
                    num(m, "cpuNanos"));
        }

        /** All requests over every API. */
        public long requests() {
            return partnerRequests + putEventsRequests + scnRequests;
        }

        /** All accepted events over every API. */
        public long events() {
            return partnerEvents + putEvents + scnEvents;
        }
    }

    private final Socket socket;
    private final BufferedReader in;
    private final PrintWriter out;

    public EmulatorControl(int port) {
        try {
            this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the emulator's control port " + port, e);
        }
    }

    public Info info() {
        return Info.fromLine(command("info"));
    }

    public void latency(int millis) {
        expectOk(command("latency " + millis));
    }

    public Counters counters() {
        return Counters.fromLine(command("stats"));
    }

    public void reset() {
        expectOk(command("reset"));
    }

    private synchronized String command(String command) {
        out.println(command);
        try {
            String answer = in.readLine();
            if (answer == null) {
                throw new IllegalStateException("the emulator closed its control port");
            }
            if (answer.startsWith("error")) {
                throw new IllegalStateException("emulator: " + answer);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expectOk(String answer) {
        if (!"ok".equals(answer)) {
            throw new IllegalStateException("emulator answered " + answer);
        }
    }

    private static Map<String, String> pairs(String line) {
        return KeyValues.parse(line);
    }

    private static long num(Map<String, String> m, String key) {
        return KeyValues.number(m, key);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
