package io.github.camelawsevents.aws.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS Supply Chain data-integration events (restJson1): SendDataIntegrationEvent, GetDataIntegrationEvent and
 * ListDataIntegrationEvents, with every model constraint of SendDataIntegrationEvent.
 *
 * <p>Lengths are counted in Unicode code points, as Smithy's {@code @length} trait defines them for strings;
 * a client that counts UTF-16 chars ({@code String.length()}) stays within the limit.
 */
final class SupplyChainApi {

    static final String PATH_PREFIX = "/api-data/data-integration/instance/";
    static final String EVENTS_SEGMENT = "data-integration-events";

    static final Pattern INSTANCE_ID =
            Pattern.compile("^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$");
    /** The event id has the same UUID shape as the instance id in the model. */
    static final Pattern EVENT_ID = INSTANCE_ID;
    static final String DATASET_EVENT_TYPE = "scn.data.dataset";
    static final Set<String> EVENT_TYPES = Set.of(
            "scn.data.forecast", "scn.data.inventorylevel", "scn.data.inboundorder", "scn.data.inboundorderline",
            "scn.data.inboundorderlineschedule", "scn.data.outboundorderline", "scn.data.outboundshipment",
            "scn.data.processheader", "scn.data.processoperation", "scn.data.processproduct", "scn.data.reservation",
            "scn.data.shipment", "scn.data.shipmentstop", "scn.data.shipmentstoporder", "scn.data.supplyplan",
            DATASET_EVENT_TYPE);
    static final Pattern DATASET_ARN = Pattern.compile(
            "^arn:aws:scn:([a-z0-9-]+):([0-9]+):instance/([a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})"
                    + "/namespaces/([^/]+)/datasets/([^/]+)$");
    /** {@link #DATASET_ARN} as the model writes it (no anchors, no groups for namespace and dataset). */
    static final String DATASET_ARN_MODEL_PATTERN = "arn:aws:scn:([a-z0-9-]+):([0-9]+):instance/"
            + "([a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})/namespaces/[^/]+/datasets/[^/]+";
    static final Set<String> OPERATION_TYPES = Set.of("APPEND", "UPSERT", "DELETE");
    static final String ASC_NAMESPACE = "asc";

    static final int DATA_MAX_LENGTH = 1_048_576;
    static final int EVENT_GROUP_ID_MAX_LENGTH = 255;
    static final int CLIENT_TOKEN_MIN_LENGTH = 33;
    static final int CLIENT_TOKEN_MAX_LENGTH = 126;
    static final int DATASET_ARN_MIN_LENGTH = 20;
    static final int DATASET_ARN_MAX_LENGTH = 1011;
    static final int LIST_DEFAULT_MAX_RESULTS = 10;
    static final int LIST_MAX_RESULTS = 20;

    private static final String EVENT_TYPES_TEXT = EVENT_TYPES.stream().sorted().toList().toString();

    private final SupplyChainStore store;
    private final boolean strictRecords;

    SupplyChainApi(SupplyChainStore store, boolean strictRecords) {
        this.store = store;
        this.strictRecords = strictRecords;
    }

    /** SendDataIntegrationEvent: validate, then store (or replay, or conflict on the client token). */
    ApiResponse send(String instanceId, byte[] body) {
        ScnSendRequest request = parseSend(instanceId, body, strictRecords);
        SupplyChainStore.Outcome outcome = store.accept(request, EventIds.next(), Instant.now());
        if (outcome.kind() == SupplyChainStore.Outcome.Kind.CONFLICT) {
            throw new AwsServiceError("ConflictException", 409, "The clientToken " + request.clientToken()
                    + " was already used with a different request (event " + outcome.eventId() + ")");
        }
        return WireProtocol.REST_JSON_1.success("{\"eventId\":\"" + outcome.eventId() + "\"}");
    }

    /** GetDataIntegrationEvent: both path members are UUIDs in the model, checked before the lookup. */
    ApiResponse get(String instanceId, String eventId) {
        ConstraintViolations v = new ConstraintViolations();
        if (!INSTANCE_ID.matcher(instanceId).matches()) {
            v.pattern("instanceId", instanceId, INSTANCE_ID);
        }
        if (!EVENT_ID.matcher(eventId).matches()) {
            v.pattern("eventId", eventId, EVENT_ID);
        }
        v.throwIfAny();
        ScnEvent event = store.event(eventId).filter(e -> e.instanceId().equals(instanceId)).orElseThrow(
                () -> new AwsServiceError("ResourceNotFoundException", 404,
                        "Data integration event " + eventId + " not found in instance " + instanceId));
        ObjectNode root = Json.object();
        root.set("event", eventJson(event));
        return WireProtocol.REST_JSON_1.success(root.toString());
    }

    /** ListDataIntegrationEvents: receipt order, optional eventType filter, opaque offset tokens. */
    ApiResponse list(String instanceId, Map<String, List<String>> query) {
        requireInstanceId(instanceId);
        ConstraintViolations violations = new ConstraintViolations();
        String eventType = single(query, "eventType");
        if (eventType != null && !EVENT_TYPES.contains(eventType)) {
            violations.add("eventType", eventType, "satisfy enum value set: " + EVENT_TYPES_TEXT);
        }
        int maxResults = LIST_DEFAULT_MAX_RESULTS;
        String maxResultsText = single(query, "maxResults");
        if (maxResultsText != null) {
            try {
                maxResults = Integer.parseInt(maxResultsText);
                if (maxResults < 1 || maxResults > LIST_MAX_RESULTS) {
                    violations.add("maxResults", maxResultsText,
                            "have value between 1 and " + LIST_MAX_RESULTS);
                }
            } catch (NumberFormatException e) {
                throw AwsServiceError.serialization("maxResults must be an integer, was '" + maxResultsText + "'");
            }
        }
        String nextToken = single(query, "nextToken");
        violations.throwIfAny();
        int offset = nextToken == null ? 0 : decodeNextToken(nextToken);
        List<ScnEvent> events = store.eventsOfInstance(instanceId, eventType);
        int end = Math.min(events.size(), offset + maxResults);
        ObjectNode root = Json.object();
        ArrayNode array = root.putArray("events");
        for (int i = Math.min(offset, events.size()); i < end; i++) {
            array.add(eventJson(events.get(i)));
        }
        if (end < events.size()) {
            root.put("nextToken", encodeNextToken(end));
        }
        return WireProtocol.REST_JSON_1.success(root.toString());
    }

    private static ObjectNode eventJson(ScnEvent e) {
        ObjectNode node = Json.object();
        node.put("instanceId", e.instanceId());
        node.put("eventId", e.eventId());
        node.put("eventType", e.eventType());
        node.put("eventGroupId", e.eventGroupId());
        node.put("eventTimestamp", Json.epochSeconds(e.eventTimestamp() != null ? e.eventTimestamp()
                : e.receivedAt().truncatedTo(ChronoUnit.MILLIS)));
        if (e.datasetIdentifier() != null) {
            ObjectNode details = node.putObject("datasetTargetDetails");
            details.put("datasetIdentifier", e.datasetIdentifier());
            details.put("operationType", e.operationType());
            details.putObject("datasetLoadExecution").put("status", "SUCCEEDED");
        }
        return node;
    }

    /** Parses and validates a SendDataIntegrationEvent body against the model; throws {@link AwsServiceError}. */
    static ScnSendRequest parseSend(String instanceId, byte[] body, boolean strictRecords) {
        JsonNode root = readObject(body);
        ConstraintViolations v = new ConstraintViolations();
        if (!INSTANCE_ID.matcher(instanceId).matches()) {
            v.pattern("instanceId", instanceId, INSTANCE_ID);
        }
        String eventType = text(root, "eventType");
        if (eventType == null) {
            v.missing("eventType");
        } else if (!EVENT_TYPES.contains(eventType)) {
            v.add("eventType", eventType, "satisfy enum value set: " + EVENT_TYPES_TEXT);
        }
        String data = text(root, "data");
        if (data == null) {
            v.missing("data");
        } else {
            v.length("data", data, 1, DATA_MAX_LENGTH, false);
        }
        String eventGroupId = text(root, "eventGroupId");
        if (eventGroupId == null) {
            v.missing("eventGroupId");
        } else {
            v.length("eventGroupId", eventGroupId, 1, EVENT_GROUP_ID_MAX_LENGTH, true);
        }
        Instant eventTimestamp = timestamp(root, "eventTimestamp");
        String clientToken = text(root, "clientToken");
        if (clientToken != null) {
            v.length("clientToken", clientToken, CLIENT_TOKEN_MIN_LENGTH, CLIENT_TOKEN_MAX_LENGTH, true);
        }
        String datasetIdentifier = null;
        String operationType = null;
        String datasetNamespace = null;
        JsonNode target = root.get("datasetTarget");
        if (target != null && !target.isNull()) {
            if (!target.isObject()) {
                throw AwsServiceError.serialization("datasetTarget must be a JSON object");
            }
            datasetIdentifier = text(target, "datasetIdentifier");
            if (datasetIdentifier == null) {
                v.missing("datasetTarget.datasetIdentifier");
            } else {
                int before = v.count();
                v.length("datasetTarget.datasetIdentifier", datasetIdentifier, DATASET_ARN_MIN_LENGTH,
                        DATASET_ARN_MAX_LENGTH, true);
                Matcher m = DATASET_ARN.matcher(datasetIdentifier);
                if (m.matches()) {
                    datasetNamespace = m.group(4);
                } else if (before == v.count()) {
                    v.pattern("datasetTarget.datasetIdentifier", datasetIdentifier, DATASET_ARN_MODEL_PATTERN);
                }
            }
            operationType = text(target, "operationType");
            if (operationType == null) {
                v.missing("datasetTarget.operationType");
            } else if (!OPERATION_TYPES.contains(operationType)) {
                v.add("datasetTarget.operationType", operationType, "satisfy enum value set: [APPEND, DELETE, UPSERT]");
            }
        }
        v.throwIfAny();

        // rules beyond single members
        boolean datasetEvent = DATASET_EVENT_TYPE.equals(eventType);
        if (datasetEvent && datasetIdentifier == null) {
            throw AwsServiceError.validation("datasetTarget is required for eventType " + DATASET_EVENT_TYPE);
        }
        if (strictRecords && !datasetEvent && datasetIdentifier != null) {
            throw AwsServiceError.validation("datasetTarget is only used with eventType " + DATASET_EVENT_TYPE
                    + ", not " + eventType + " (strict records)");
        }
        boolean rejectConnectionId = !datasetEvent || ASC_NAMESPACE.equals(datasetNamespace);
        List<String> requiredColumns = strictRecords ? AscRecordRules.REQUIRED_COLUMNS.get(eventType) : null;
        String problem = DataRecordsCheck.check(data, rejectConnectionId, requiredColumns);
        if (problem != null) {
            throw AwsServiceError.validation(problem);
        }
        return new ScnSendRequest(instanceId, eventType, data, eventGroupId, eventTimestamp, clientToken,
                datasetIdentifier, operationType);
    }

    static void requireInstanceId(String instanceId) {
        if (!INSTANCE_ID.matcher(instanceId).matches()) {
            ConstraintViolations v = new ConstraintViolations();
            v.pattern("instanceId", instanceId, INSTANCE_ID);
            v.throwIfAny();
        }
    }

    private static JsonNode readObject(byte[] body) {
        if (body.length == 0) {
            return Json.object();
        }
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            if (root == null || root.isMissingNode()) {
                return Json.object();
            }
            if (!root.isObject()) {
                throw AwsServiceError.serialization("The request body must be a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw AwsServiceError.serialization("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw AwsServiceError.serialization("The request body could not be read: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw AwsServiceError.serialization("Member " + member + " must be a JSON string");
        }
        return value.textValue();
    }

    private static Instant timestamp(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw AwsServiceError.serialization("Member " + member + " must be a JSON number of epoch seconds");
        }
        Instant instant = Json.epochSecondsToInstant(value.decimalValue());
        if (instant == null) {
            throw AwsServiceError.validation("Value at '" + member + "' is not a representable timestamp: "
                    + abbreviate(value.toString()));
        }
        return instant;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String encodeNextToken(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeNextToken(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("offset:")) {
                int offset = Integer.parseInt(text.substring("offset:".length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw AwsServiceError.validation("The nextToken is invalid: " + token);
    }
}
