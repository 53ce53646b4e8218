package io.github.camelawsevents.scaleout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The emulator in a JVM of its own ({@code EmulatorMain}, port 0, the endpoint read from what it prints), driven and
 * read through its HTTP inspection API ({@code /_emulator}: reset, faults, stats, the accepted events page by page).
 */
final class Emulator implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCESS_KEY = "AKIAEMULATOR00000000";
    static final String SECRET_KEY = "emulator-secret-key";
    static final String REGION = "us-east-1";
    private static final int PAGE = 5000;

    private final ChildJvm process;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Emulator(ChildJvm process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static Emulator start(long seed, String heap) throws IOException {
        ChildJvm p = ChildJvm.start("emulator", List.of("-Xms" + heap, "-Xmx" + heap),
                "io.github.camelawsevents.aws.emulator.EmulatorMain",
                List.of("--host", "127.0.0.1", "--port", "0", "--seed", Long.toString(seed), "--io-threads", "2"));
        String line = p.awaitLine("endpoint", 60).trim();
        return new Emulator(p, URI.create(line.substring("endpoint".length()).trim()));
    }

    URI endpoint() {
        return endpoint;
    }

    void reset() {
        send("POST", "/_emulator/reset", "{}");
    }

    /** Installs fault settings (the emulator's JSON: one object, or an array of per-API settings). */
    void faults(String json) {
        send("POST", "/_emulator/faults", json);
    }

    JsonNode stats() {
        return send("GET", "/_emulator/stats", null);
    }

    long stored() {
        JsonNode s = stats();
        return s.path("supplyChainEvents").asLong() + s.path("partnerEvents").asLong();
    }

    void forEachScnEvent(String instanceId, Consumer<JsonNode> consumer) {
        pages("/_emulator/scn/events?instanceId=" + instanceId + "&", consumer);
    }

    void forEachPartnerEvent(Consumer<JsonNode> consumer) {
        pages("/_emulator/partner/events?", consumer);
    }

    private void pages(String pathAndQuery, Consumer<JsonNode> consumer) {
        long seen = 0;
        while (true) {
            JsonNode events = send("GET", pathAndQuery + "offset=" + seen + "&limit=" + PAGE, null).get("events");
            if (events == null || events.isEmpty()) {
                return;
            }
            events.forEach(consumer);
            seen += events.size();
        }
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                                                + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    List<String> lastLines() {
        return process.lastLines();
    }

    @Override
    public void close() {
        process.close();
    }
}
