package io.github.camelawsevents.aws.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A client of the emulator's inspection API over HTTP ({@code /_emulator}, never signed or faulted): reset, fault
 * settings, statistics, and the accepted events page by page. Used the same way whether the emulator runs in this
 * JVM or in its own (the reliability suite forks one so that its stored payloads stay out of the route's heap).
 */
public class EmulatorControl {

    /** The JSON mapper of the fault settings and answers. */
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 5000;

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** A client of the emulator at {@code endpoint}, e.g. {@code http://127.0.0.1:4566}. */
    public EmulatorControl(URI endpoint) {
        this.base = endpoint;
    }

    /** Clears events, tokens, statistics and faults. */
    public void reset() {
        send("POST", "/_emulator/reset", "{}");
    }

    /**
     * Installs fault settings: the first replaces all settings, each further one is added for the APIs in its
     * {@code appliesTo} (the emulator's array form). Each installation restarts the per-API request numbering.
     */
    public void setFaults(ObjectNode first, ObjectNode... more) {
        ArrayNode all = JSON.createArrayNode();
        all.add(first);
        for (ObjectNode n : more) {
            all.add(n);
        }
        send("POST", "/_emulator/faults", all.toString());
    }

    /** Removes every fault. */
    public void clearFaults() {
        send("DELETE", "/_emulator/faults", null);
    }

    /** The emulator's counters (see {@code EmulatorStats}). */
    public Stats stats() {
        return new Stats(get("/_emulator/stats"));
    }

    /** Every accepted Supply Chain event of {@code instanceId}, in receipt order. */
    public long forEachScnEvent(String instanceId, Consumer<JsonNode> consumer) {
        return pages("/_emulator/scn/events?instanceId=" + URLEncoder.encode(instanceId, StandardCharsets.UTF_8) + "&",
                consumer);
    }

    /** Every accepted PutPartnerEvents entry, in receipt order. */
    public long forEachPartnerEvent(Consumer<JsonNode> consumer) {
        return pages("/_emulator/partner/events?", consumer);
    }

    /** Every accepted PutEvents entry, in receipt order. */
    public long forEachPutEvent(Consumer<JsonNode> consumer) {
        return pages("/_emulator/partner/put-events?", consumer);
    }

    private long pages(String pathAndQuery, Consumer<JsonNode> consumer) {
        long seen = 0;
        while (true) {
            JsonNode page = get(pathAndQuery + "offset=" + seen + "&limit=" + PAGE);
            JsonNode events = page.get("events");
            if (events == null || events.isEmpty()) {
                return seen;
            }
            for (JsonNode e : events) {
                consumer.accept(e);
            }
            seen += events.size();
        }
    }

    private JsonNode get(String path) {
        return send("GET", path, null);
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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

    /** A snapshot of the emulator's counters. */
    public record Stats(JsonNode json) {

        public long requests(String api) {
            return json.path("requests").path(api).asLong();
        }

        public long accepted(String api) {
            return json.path("accepted").path(api).asLong();
        }

        public long rejected(String api) {
            return json.path("rejected").path(api).asLong();
        }

        /** How often a fault kind ({@code FaultKind} name, e.g. LOST_RESPONSE) was injected. */
        public long fault(String kind) {
            return json.path("faults").path(kind).asLong();
        }

        public long failedEntries(String errorCode) {
            return json.path("failedEntriesByErrorCode").path(errorCode).asLong();
        }

        public long idempotentReplays() {
            return json.path("idempotentReplays").asLong();
        }

        public long supplyChainEvents() {
            return json.path("supplyChainEvents").asLong();
        }

        public long partnerEvents() {
            return json.path("partnerEvents").asLong();
        }

        public long putEvents() {
            return json.path("putEvents").asLong();
        }
    }
}
