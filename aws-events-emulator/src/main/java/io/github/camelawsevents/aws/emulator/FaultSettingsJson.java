package io.github.camelawsevents.aws.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of {@link FaultSettings} used by {@code /_emulator/faults}: the builder's names, rates as
 * numbers, durations in milliseconds. Example:
 * <pre>{@code
 * {"requestThrottleRate":0.1,"serverErrorRate":0.01,"entryThrottleRate":0.05,"entryInternalFailureRate":0,
 *  "latencyMs":5,"randomLatencyMinMs":0,"randomLatencyMaxMs":20,"dropConnectionRate":0,"lostResponseRate":0,
 *  "errorAfterStoreRate":0,"requestsPerSecond":0,"throttleBurst":{"everyMs":10000,"lengthMs":1000},
 *  "appliesTo":["SUPPLY_CHAIN","PARTNER_EVENTS","PUT_EVENTS"]}
 * }</pre>
 * Every member is optional; unknown members are an error.
 */
final class FaultSettingsJson {

    private FaultSettingsJson() {
    }

    static ObjectNode toJson(FaultSettings s) {
        ObjectNode n = Json.object();
        n.put("requestThrottleRate", s.requestThrottleRate());
        n.put("serverErrorRate", s.serverErrorRate());
        n.put("entryThrottleRate", s.entryThrottleRate());
        n.put("entryInternalFailureRate", s.entryInternalFailureRate());
        n.put("latencyMs", s.latency().toMillis());
        n.put("randomLatencyMinMs", s.randomLatencyMin().toMillis());
        n.put("randomLatencyMaxMs", s.randomLatencyMax().toMillis());
        n.put("dropConnectionRate", s.dropConnectionRate());
        n.put("lostResponseRate", s.lostResponseRate());
        n.put("errorAfterStoreRate", s.errorAfterStoreRate());
        n.put("requestsPerSecond", s.requestsPerSecond());
        if (s.throttleBurst() == null) {
            n.putNull("throttleBurst");
        } else {
            n.putObject("throttleBurst").put("everyMs", s.throttleBurst().every().toMillis())
                    .put("lengthMs", s.throttleBurst().length().toMillis());
        }
        ArrayNode apis = n.putArray("appliesTo");
        s.appliesTo().forEach(api -> apis.add(api.name()));
        return n;
    }

    /** Reads one settings object; throws IllegalArgumentException with the offending member. */
    static FaultSettings fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("fault settings must be a JSON object");
        }
        FaultSettings.Builder b = FaultSettings.builder();
        long randomMin = 0;
        long randomMax = 0;
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "requestThrottleRate" -> b.requestThrottleRate(number(f.getKey(), v));
                case "serverErrorRate" -> b.serverErrorRate(number(f.getKey(), v));
                case "entryThrottleRate" -> b.entryThrottleRate(number(f.getKey(), v));
                case "entryInternalFailureRate" -> b.entryInternalFailureRate(number(f.getKey(), v));
                case "latencyMs" -> b.latency(Duration.ofMillis((long) number(f.getKey(), v)));
                case "randomLatencyMinMs" -> randomMin = (long) number(f.getKey(), v);
                case "randomLatencyMaxMs" -> randomMax = (long) number(f.getKey(), v);
                case "dropConnectionRate" -> b.dropConnectionRate(number(f.getKey(), v));
                case "lostResponseRate" -> b.lostResponseRate(number(f.getKey(), v));
                case "errorAfterStoreRate" -> b.errorAfterStoreRate(number(f.getKey(), v));
                case "requestsPerSecond" -> b.requestsPerSecond(number(f.getKey(), v));
                case "throttleBurst" -> {
                    if (!v.isNull()) {
                        if (!v.isObject() || !v.has("everyMs") || !v.has("lengthMs")) {
                            throw new IllegalArgumentException("throttleBurst must be {\"everyMs\":…,\"lengthMs\":…}");
                        }
                        b.throttleBurst(Duration.ofMillis((long) number("throttleBurst.everyMs", v.get("everyMs"))),
                                Duration.ofMillis((long) number("throttleBurst.lengthMs", v.get("lengthMs"))));
                    }
                }
                case "appliesTo" -> {
                    if (!v.isArray() || v.isEmpty()) {
                        throw new IllegalArgumentException("appliesTo must be a non-empty array of "
                                + List.of(Api.values()));
                    }
                    List<Api> apis = new ArrayList<>();
                    for (JsonNode a : v) {
                        try {
                            apis.add(Api.valueOf(a.asText()));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("appliesTo: unknown API '" + a.asText() + "', expected one of "
                                    + List.of(Api.values()));
                        }
                    }
                    b.appliesTo(apis.toArray(Api[]::new));
                }
                default -> throw new IllegalArgumentException("unknown fault setting '" + f.getKey() + "'");
            }
        }
        if (randomMin != 0 || randomMax != 0) {
            b.randomLatency(Duration.ofMillis(randomMin), Duration.ofMillis(randomMax));
        }
        return b.build();
    }

    private static double number(String name, JsonNode v) {
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(name + " must be a number");
        }
        return v.doubleValue();
    }
}
