package io.github.camelawsevents.scaleout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelawsevents.aws.testsupport.EmulatorControl;

/**
 * The emulator in a JVM of its own ({@code EmulatorMain}, port 0, the endpoint read from what it prints), driven and
 * read through its HTTP inspection API with the shared {@link EmulatorControl}.
 */
final class Emulator implements AutoCloseable {

    static final String ACCESS_KEY = "AKIAEMULATOR00000000";
    static final String SECRET_KEY = "emulator-secret-key";
    static final String REGION = "us-east-1";

    private final ChildJvm process;
    private final URI endpoint;
    private final EmulatorControl control;

    private Emulator(ChildJvm process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.control = new EmulatorControl(endpoint);
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
        control.reset();
    }

    /** Installs fault settings: the emulator's array of per-API settings, the first replacing all others. */
    void faults(String jsonArray) {
        try {
            ArrayNode all = (ArrayNode) EmulatorControl.JSON.readTree(jsonArray);
            ObjectNode[] more = new ObjectNode[all.size() - 1];
            for (int i = 1; i < all.size(); i++) {
                more[i - 1] = (ObjectNode) all.get(i);
            }
            control.setFaults((ObjectNode) all.get(0), more);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON array of fault settings: " + jsonArray, e);
        }
    }

    void clearFaults() {
        control.clearFaults();
    }

    JsonNode stats() {
        return control.stats().json();
    }

    void forEachScnEvent(String instanceId, Consumer<JsonNode> consumer) {
        control.forEachScnEvent(instanceId, consumer);
    }

    void forEachPartnerEvent(Consumer<JsonNode> consumer) {
        control.forEachPartnerEvent(consumer);
    }

    List<String> lastLines() {
        return process.lastLines();
    }

    @Override
    public void close() {
        process.close();
    }

    /** CPU time used so far, in seconds. */
    double cpuSeconds() {
        return process.cpuSeconds();
    }
}
