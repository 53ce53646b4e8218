package io.github.camelawsevents.aws.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The emulator's own HTTP API under {@code /_emulator} (a path no AWS operation uses): inspection of what
 * was accepted and rejected, statistics, reset and run-time fault settings. Never signed, never faulted.
 *
 * <pre>
 * GET    /_emulator                     configuration (endpoint, region, access key, modes, seed)
 * GET    /_emulator/stats               {@link EmulatorStats}
 * GET    /_emulator/scn/events          accepted Supply Chain events; filters instanceId, eventType, eventGroupId;
 *                                       paging offset, limit (default 1000)
 * GET    /_emulator/scn/counts          accepted events per (instanceId, eventType, eventGroupId)
 * GET    /_emulator/scn/datasets        the datasets with their schemas
 * POST   /_emulator/scn/datasets        declare a dataset: {"instanceId","namespace","name","schema":{"name",
 *                                       "fields":[{"name","type","isRequired"}],"primaryKeys":[{"name"}]}}, checked as
 *                                       CreateDataLakeDataset checks it
 * POST   /_emulator/scn/loads/complete  complete every dataset load still IN_PROGRESS now
 * GET    /_emulator/partner/events      accepted PutPartnerEvents entries; offset, limit
 * GET    /_emulator/partner/put-events  accepted PutEvents entries; offset, limit
 * GET    /_emulator/rejections          rejected requests (most recent, bounded)
 * GET    /_emulator/faults              fault settings in force (the last set, and per API)
 * POST   /_emulator/faults              install fault settings: an object replaces all; an array replaces all
 *                                       with its first element and adds the others per API
 * DELETE /_emulator/faults              remove every fault
 * POST   /_emulator/settings            {"oversizedRequestAnswer":"EMPTY_413"|"VALIDATION_EXCEPTION_400"}: switches the
 *                                       answer to oversized EventBridge requests until the next reset;
 *                                       {"datasetLoadDelayMillis":n}: how long dataset loads stay IN_PROGRESS;
 *                                       {"failDatasetLoads":{"count":n,"message":"..."}}: the next n dataset loads
 *                                       FAIL with that message (-1: every one, 0: none)
 * POST   /_emulator/reset               same as {@link AwsEventsEmulator#reset()}
 * </pre>
 */
final class InspectionEndpoint {

    static final String PREFIX = "/_emulator";
    private static final int DEFAULT_LIMIT = 1000;

    private final AwsEventsEmulator emulator;

    InspectionEndpoint(AwsEventsEmulator emulator) {
        this.emulator = emulator;
    }

    ApiResponse handle(String method, String path, Map<String, List<String>> query, byte[] body) {
        try {
            String route = method + " " + (path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path);
            return switch (route) {
                case "GET /_emulator" -> ok(info());
                case "GET /_emulator/stats" -> ok(stats(emulator.stats()));
                case "GET /_emulator/scn/events" -> ok(scnEvents(query));
                case "GET /_emulator/scn/counts" -> ok(scnCounts());
                case "GET /_emulator/scn/datasets" -> ok(datasets());
                case "POST /_emulator/scn/datasets" -> ok(declareDataset(body));
                case "POST /_emulator/scn/loads/complete" -> ok(Json.object()
                        .put("completed", emulator.dataLake().completeLoads()));
                case "GET /_emulator/partner/events" -> ok(partnerEvents(emulator.partnerEvents().events(), query,
                        emulator.partnerEvents().count()));
                case "GET /_emulator/partner/put-events" -> ok(partnerEvents(emulator.partnerEvents().putEvents(),
                        query, emulator.partnerEvents().putEventsCount()));
                case "GET /_emulator/rejections" -> ok(rejections());
                case "GET /_emulator/faults" -> ok(faults());
                case "POST /_emulator/faults" -> {
                    setFaults(body);
                    yield ok(faults());
                }
                case "DELETE /_emulator/faults" -> {
                    emulator.faults().clear();
                    yield ok(faults());
                }
                case "POST /_emulator/settings" -> {
                    setSettings(body);
                    yield ok(info());
                }
                case "POST /_emulator/reset" -> {
                    emulator.reset();
                    yield ok(Json.object().put("reset", true));
                }
                default -> error(404, "No emulator endpoint " + route);
            };
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        } catch (AwsServiceError e) {
            return error(e.status(), e.errorType() + ": " + e.getMessage());
        }
    }

    private ObjectNode datasets() {
        ObjectNode n = Json.object();
        ArrayNode array = n.putArray("datasets");
        emulator.dataLake().datasets().forEach(d -> array.add(SupplyChainApi.datasetJson(d)));
        n.put("loadDelayMillis", emulator.dataLake().loadDelay().toMillis());
        return n;
    }

    private ObjectNode declareDataset(byte[] body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the dataset is not valid JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the dataset must be a JSON object");
        }
        String instanceId = node.path("instanceId").asText(null);
        String namespace = node.path("namespace").asText(null);
        String name = node.path("name").asText(null);
        if (instanceId == null || namespace == null || name == null) {
            throw new IllegalArgumentException("a dataset needs instanceId, namespace and name");
        }
        EmulatedDataset dataset = emulator.dataLake().create(
                SupplyChainApi.parseDataset(instanceId, namespace, name, node, emulator.dataLake()));
        return Json.object().set("dataset", SupplyChainApi.datasetJson(dataset));
    }

    private ObjectNode info() {
        ObjectNode n = Json.object();
        n.put("endpoint", emulator.endpoint().toString());
        n.put("region", emulator.region());
        n.put("accessKey", emulator.accessKey());
        n.put("verifySignatures", emulator.verifiesSignatures());
        n.put("countOnly", emulator.isCountOnly());
        n.put("strictRecords", emulator.isStrictRecords());
        n.put("eventBridgeRequestSizeLimit", emulator.eventBridgeRequestSizeLimit());
        n.put("oversizedRequestAnswer", emulator.oversizedRequestAnswer().name());
        n.put("datasetLoadDelayMillis", emulator.dataLake().loadDelay().toMillis());
        n.put("seed", emulator.faults().seed());
        return n;
    }

    static ObjectNode stats(EmulatorStats s) {
        ObjectNode n = Json.object();
        ObjectNode requests = n.putObject("requests");
        ObjectNode accepted = n.putObject("accepted");
        ObjectNode rejected = n.putObject("rejected");
        for (Api api : Api.values()) {
            requests.put(api.name(), s.requests(api));
            accepted.put(api.name(), s.accepted(api));
            rejected.put(api.name(), s.rejected(api));
        }
        ObjectNode byType = n.putObject("rejectedByErrorType");
        s.rejectedByErrorType().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> byType.put(e.getKey(), e.getValue()));
        ObjectNode faults = n.putObject("faults");
        for (FaultKind k : FaultKind.values()) {
            faults.put(k.name(), s.faults(k));
        }
        ObjectNode entries = n.putObject("failedEntriesByErrorCode");
        s.failedEntriesByErrorCode().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> entries.put(e.getKey(), e.getValue()));
        n.put("readRequests", s.readRequests());
        n.put("idempotentReplays", s.idempotentReplays());
        n.put("supplyChainEvents", s.supplyChainEvents());
        n.put("partnerEvents", s.partnerEvents());
        n.put("putEvents", s.putEvents());
        ObjectNode perRequest = n.putObject("entriesPerRequest");
        s.entriesPerRequest().forEach((size, count) -> perRequest.put(String.valueOf(size), count));
        ObjectNode perEvent = n.putObject("recordsPerEvent");
        s.recordsPerEvent().forEach((size, count) -> perEvent.put(String.valueOf(size), count));
        return n;
    }

    private ObjectNode scnEvents(Map<String, List<String>> query) {
        String instanceId = param(query, "instanceId");
        String eventType = param(query, "eventType");
        String eventGroupId = param(query, "eventGroupId");
        List<ScnEvent> events = emulator.supplyChain().events().stream()
                .filter(e -> instanceId == null || e.instanceId().equals(instanceId))
                .filter(e -> eventType == null || e.eventType().equals(eventType))
                .filter(e -> eventGroupId == null || e.eventGroupId().equals(eventGroupId))
                .toList();
        ObjectNode n = Json.object();
        n.put("count", emulator.supplyChain().count());
        n.put("matching", events.size());
        n.put("countOnly", emulator.supplyChain().isCountOnly());
        ArrayNode array = n.putArray("events");
        page(events, query).forEach(e -> {
            ObjectNode o = array.addObject();
            o.put("instanceId", e.instanceId());
            o.put("eventId", e.eventId());
            o.put("eventType", e.eventType());
            o.put("eventGroupId", e.eventGroupId());
            o.put("sequence", e.sequence());
            o.put("data", e.data());
            o.put("eventTimestamp", e.eventTimestamp() == null ? null : e.eventTimestamp().toString());
            o.put("clientToken", e.clientToken());
            o.put("datasetIdentifier", e.datasetIdentifier());
            o.put("operationType", e.operationType());
            o.put("receivedAt", e.receivedAt().toString());
            DataLake.LoadStatus load = emulator.dataLake().loadStatus(e.eventId(), java.time.Instant.now());
            if (load != null) {
                o.put("loadStatus", load.status());
                o.put("loadMessage", load.message());
            }
        });
        return n;
    }

    private ObjectNode scnCounts() {
        ObjectNode n = Json.object();
        n.put("count", emulator.supplyChain().count());
        n.put("idempotentReplays", emulator.supplyChain().idempotentReplays());
        ArrayNode keys = n.putArray("keys");
        emulator.supplyChain().countsByKey().forEach((k, count) -> keys.addObject()
                .put("instanceId", k.instanceId())
                .put("eventType", k.eventType())
                .put("eventGroupId", k.eventGroupId())
                .put("count", count));
        return n;
    }

    private ObjectNode partnerEvents(List<PartnerEvent> events, Map<String, List<String>> query, long count) {
        ObjectNode n = Json.object();
        n.put("count", count);
        n.put("requests", emulator.partnerEvents().requestCount());
        n.put("countOnly", emulator.partnerEvents().isCountOnly());
        ArrayNode array = n.putArray("events");
        page(events, query).forEach(e -> {
            ObjectNode o = array.addObject();
            o.put("eventId", e.eventId());
            o.put("source", e.source());
            o.put("detailType", e.detailType());
            o.put("detail", e.detail());
            ArrayNode resources = o.putArray("resources");
            e.resources().forEach(resources::add);
            o.put("time", e.time() == null ? null : e.time().toString());
            o.put("eventBusName", e.eventBusName());
            o.putObject("request")
                    .put("sequence", e.request().sequence())
                    .put("invocationId", e.request().invocationId())
                    .put("attempt", e.request().attempt())
                    .put("responseLost", e.request().responseLost());
        });
        return n;
    }

    private ObjectNode rejections() {
        ObjectNode n = Json.object();
        ArrayNode array = n.putArray("rejections");
        emulator.rejectedRequests().forEach(r -> array.addObject()
                .put("api", r.api())
                .put("status", r.status())
                .put("errorType", r.errorType())
                .put("message", r.message()));
        return n;
    }

    private ObjectNode faults() {
        ObjectNode n = Json.object();
        n.put("seed", emulator.faults().seed());
        n.set("current", FaultSettingsJson.toJson(emulator.faults().current()));
        ObjectNode byApi = n.putObject("byApi");
        for (Api api : Api.values()) {
            byApi.set(api.name(), FaultSettingsJson.toJson(emulator.faults().current(api)));
        }
        return n;
    }

    /** Run-time settings that are not faults; every member is optional, unknown members are an error. */
    private void setSettings(byte[] body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("settings are not valid JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("settings must be a JSON object");
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (member.getKey().equals("datasetLoadDelayMillis")) {
                if (!member.getValue().canConvertToLong() || member.getValue().asLong() < 0) {
                    throw new IllegalArgumentException("datasetLoadDelayMillis must be a number of milliseconds, 0 or"
                            + " more");
                }
                emulator.dataLake().loadDelay(java.time.Duration.ofMillis(member.getValue().asLong()));
                continue;
            }
            if (member.getKey().equals("failDatasetLoads")) {
                JsonNode fault = member.getValue();
                if (!fault.isObject() || !fault.path("count").canConvertToInt()) {
                    throw new IllegalArgumentException("failDatasetLoads must be {\"count\":n,\"message\":\"...\"}");
                }
                emulator.dataLake().failLoads(fault.get("count").asInt(), fault.path("message").asText(null));
                continue;
            }
            if (!member.getKey().equals("oversizedRequestAnswer")) {
                throw new IllegalArgumentException("unknown setting '" + member.getKey() + "'");
            }
            try {
                emulator.oversizedRequestAnswer(OversizedRequestAnswer.valueOf(member.getValue().asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("oversizedRequestAnswer must be one of "
                        + List.of(OversizedRequestAnswer.values()) + ", was " + member.getValue());
            }
        }
    }

    private void setFaults(byte[] body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("fault settings are not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("fault settings could not be read: " + e.getMessage());
        }
        if (node != null && node.isArray()) {
            if (node.isEmpty()) {
                throw new IllegalArgumentException("an array of fault settings needs at least one element");
            }
            List<FaultSettings> all = new java.util.ArrayList<>();
            node.forEach(n -> all.add(FaultSettingsJson.fromJson(n)));
            emulator.faults().set(all.get(0));
            all.subList(1, all.size()).forEach(emulator.faults()::add);
        } else {
            emulator.faults().set(FaultSettingsJson.fromJson(node));
        }
    }

    private static <T> List<T> page(List<T> all, Map<String, List<String>> query) {
        int offset = intParam(query, "offset", 0);
        int limit = intParam(query, "limit", DEFAULT_LIMIT);
        int from = Math.min(offset, all.size());
        return all.subList(from, (int) Math.min(all.size(), (long) from + limit));
    }

    private static int intParam(Map<String, List<String>> query, String name, int defaultValue) {
        String v = param(query, name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return i;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, was '" + v + "'");
        }
    }

    private static String param(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static ApiResponse ok(ObjectNode node) {
        return new ApiResponse(200, "application/json", node.toString().getBytes(StandardCharsets.UTF_8), null, null);
    }

    private static ApiResponse error(int status, String message) {
        return new ApiResponse(status, "application/json",
                ("{\"message\":" + Json.quote(message) + "}").getBytes(StandardCharsets.UTF_8), null, null);
    }
}
