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
    static final int LIST_NEXT_TOKEN_MAX_LENGTH = 65_535;

    private static final String EVENT_TYPES_TEXT = EVENT_TYPES.stream().sorted().toList().toString();

    static final String DATASETS_PREFIX = "/api/datalake/instance/";
    static final Pattern DATASET_NAME = Pattern.compile("^[a-z0-9_]+$");
    static final Pattern NAMESPACE = DATASET_NAME;
    static final Pattern SCHEMA_NAME = Pattern.compile("^[A-Za-z0-9]+$");
    static final Pattern FIELD_NAME = DATASET_NAME;
    static final int DATASET_NAME_MAX_LENGTH = 75;
    static final int NAMESPACE_MAX_LENGTH = 50;
    static final int SCHEMA_NAME_MAX_LENGTH = 100;
    static final int FIELDS_MAX = 500;
    static final int FIELD_NAME_MAX_LENGTH = 100;
    static final int PRIMARY_KEYS_MAX = 20;
    static final int DESCRIPTION_MAX_LENGTH = 500;

    private final SupplyChainStore store;
    private final DataLake dataLake;
    private final boolean strictRecords;

    SupplyChainApi(SupplyChainStore store, boolean strictRecords) {
        this(store, new DataLake(AwsEventsEmulator.DEFAULT_REGION, java.time.Duration.ZERO), strictRecords);
    }

    SupplyChainApi(SupplyChainStore store, DataLake dataLake, boolean strictRecords) {
        this.store = store;
        this.dataLake = dataLake;
        this.strictRecords = strictRecords;
    }

    /** SendDataIntegrationEvent: validate, then store (or replay, or conflict on the client token). */
    ApiResponse send(String instanceId, byte[] body) {
        ScnSendRequest request = parseSend(instanceId, body, strictRecords);
        Instant now = Instant.now();
        SupplyChainStore.Outcome outcome = store.accept(request, EventIds.next(), now);
        if (outcome.kind() == SupplyChainStore.Outcome.Kind.CONFLICT) {
            throw new AwsServiceError("ConflictException", 409, "The clientToken " + request.clientToken()
                    + " was already used with a different request (event " + outcome.eventId() + ")");
        }
        if (outcome.kind() == SupplyChainStore.Outcome.Kind.STORED && request.datasetIdentifier() != null
                && !store.isCountOnly()) {
            // the event is stored; its records load into the dataset later (IN_PROGRESS, then SUCCEEDED or FAILED)
            dataLake.startLoad(outcome.eventId(), request.datasetIdentifier(), request.data(), now);
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
        root.set("event", eventJson(event, Instant.now()));
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
        if (nextToken != null) {
            // the model's DataIntegrationEventNextToken: 1 to 65,535 characters
            violations.length("nextToken", nextToken, 1, LIST_NEXT_TOKEN_MAX_LENGTH, false);
        }
        violations.throwIfAny();
        int offset = nextToken == null ? 0 : decodeNextToken(nextToken);
        List<ScnEvent> events = store.eventsOfInstance(instanceId, eventType);
        int end = Math.min(events.size(), offset + maxResults);
        ObjectNode root = Json.object();
        ArrayNode array = root.putArray("events");
        Instant now = Instant.now();
        for (int i = Math.min(offset, events.size()); i < end; i++) {
            array.add(eventJson(events.get(i), now));
        }
        if (end < events.size()) {
            root.put("nextToken", encodeNextToken(end));
        }
        return WireProtocol.REST_JSON_1.success(root.toString());
    }

    private ObjectNode eventJson(ScnEvent e, Instant now) {
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
            DataLake.LoadStatus load = dataLake.loadStatus(e.eventId(), now);
            ObjectNode execution = details.putObject("datasetLoadExecution");
            // an event stored before its load was tracked (count-only replays) reads as loaded
            execution.put("status", load == null ? "SUCCEEDED" : load.status());
            if (load != null && load.message() != null) {
                execution.put("message", load.message());
            }
        }
        return node;
    }

    /** CreateDataLakeDataset: {@code PUT /api/datalake/instance/{instanceId}/namespaces/{namespace}/datasets/{name}}. */
    ApiResponse createDataset(String instanceId, String namespace, String name, byte[] body) {
        EmulatedDataset dataset = parseDataset(instanceId, namespace, name, readObject(body), dataLake);
        ObjectNode root = Json.object();
        root.set("dataset", datasetJson(dataLake.create(dataset)));
        return WireProtocol.REST_JSON_1.success(root.toString());
    }

    /** GetDataLakeDataset: {@code GET /api/datalake/instance/{instanceId}/namespaces/{namespace}/datasets/{name}}. */
    ApiResponse getDataset(String instanceId, String namespace, String name) {
        ConstraintViolations v = new ConstraintViolations();
        checkDatasetPath(v, instanceId, namespace, name);
        v.throwIfAny();
        EmulatedDataset dataset = dataLake.dataset(instanceId, namespace, name);
        if (dataset == null) {
            throw new AwsServiceError("ResourceNotFoundException", 404, "The dataset " + namespace + "/" + name
                    + " does not exist in instance " + instanceId);
        }
        ObjectNode root = Json.object();
        root.set("dataset", datasetJson(dataset));
        return WireProtocol.REST_JSON_1.success(root.toString());
    }

    private static void checkDatasetPath(ConstraintViolations v, String instanceId, String namespace, String name) {
        if (!INSTANCE_ID.matcher(instanceId).matches()) {
            v.pattern("instanceId", instanceId, INSTANCE_ID);
        }
        int before = v.count();
        v.length("namespace", namespace, 1, NAMESPACE_MAX_LENGTH, true);
        if (before == v.count() && !NAMESPACE.matcher(namespace).matches()) {
            v.pattern("namespace", namespace, NAMESPACE);
        }
        before = v.count();
        v.length("name", name, 1, DATASET_NAME_MAX_LENGTH, true);
        if (before == v.count() && !DATASET_NAME.matcher(name).matches()) {
            v.pattern("name", name, DATASET_NAME);
        }
    }

    /**
     * A CreateDataLakeDataset request (path members and body {@code schema}, {@code description}, {@code
     * partitionSpec}, {@code tags}) checked against the model; also the inspection API's way to declare a dataset.
     */
    static EmulatedDataset parseDataset(String instanceId, String namespace, String name, JsonNode body,
                                        DataLake dataLake) {
        ConstraintViolations v = new ConstraintViolations();
        checkDatasetPath(v, instanceId, namespace, name);
        String description = text(body, "description");
        if (description != null) {
            v.length("description", description, 1, DESCRIPTION_MAX_LENGTH, false);
        }
        JsonNode schema = body.get("schema");
        List<EmulatedDataset.Field> fields = new java.util.ArrayList<>();
        List<String> primaryKeys = new java.util.ArrayList<>();
        String schemaName = null;
        if (schema != null && !schema.isNull()) {
            if (!schema.isObject()) {
                throw AwsServiceError.serialization("schema must be a JSON object");
            }
            schemaName = text(schema, "name");
            if (schemaName == null) {
                v.missing("schema.name");
            } else {
                int before = v.count();
                v.length("schema.name", schemaName, 1, SCHEMA_NAME_MAX_LENGTH, true);
                if (before == v.count() && !SCHEMA_NAME.matcher(schemaName).matches()) {
                    v.pattern("schema.name", schemaName, SCHEMA_NAME);
                }
            }
            JsonNode fieldList = schema.get("fields");
            if (fieldList == null || fieldList.isNull()) {
                v.missing("schema.fields");
            } else if (!fieldList.isArray()) {
                throw AwsServiceError.serialization("schema.fields must be a JSON array");
            } else if (fieldList.size() < 1 || fieldList.size() > FIELDS_MAX) {
                v.addWithoutValue("schema.fields", "have length between 1 and " + FIELDS_MAX + " (actual length "
                        + fieldList.size() + ")");
            } else {
                Set<String> seen = new java.util.HashSet<>();
                for (int i = 0; i < fieldList.size(); i++) {
                    JsonNode f = fieldList.get(i);
                    String member = "schema.fields." + (i + 1) + ".member";
                    if (!f.isObject()) {
                        throw AwsServiceError.serialization(member + " must be a JSON object");
                    }
                    String fieldName = text(f, "name");
                    String type = text(f, "type");
                    JsonNode required = f.get("isRequired");
                    int before = v.count();
                    if (fieldName == null) {
                        v.missing(member + ".name");
                    } else {
                        v.length(member + ".name", fieldName, 1, FIELD_NAME_MAX_LENGTH, true);
                        if (before == v.count() && !FIELD_NAME.matcher(fieldName).matches()) {
                            v.pattern(member + ".name", fieldName, FIELD_NAME);
                        }
                    }
                    if (type == null) {
                        v.missing(member + ".type");
                    } else if (!EmulatedDataset.FIELD_TYPES.contains(type)) {
                        v.add(member + ".type", type, "satisfy enum value set: " + EmulatedDataset.FIELD_TYPES);
                    }
                    if (required == null || required.isNull()) {
                        v.missing(member + ".isRequired");
                    } else if (!required.isBoolean()) {
                        throw AwsServiceError.serialization(member + ".isRequired must be a JSON boolean");
                    }
                    if (before == v.count()) {
                        if (!seen.add(fieldName)) {
                            throw AwsServiceError.validation("The schema has the field " + fieldName + " twice");
                        }
                        fields.add(new EmulatedDataset.Field(fieldName, type, required.booleanValue()));
                    }
                }
            }
            JsonNode keys = schema.get("primaryKeys");
            if (keys != null && !keys.isNull()) {
                if (!keys.isArray()) {
                    throw AwsServiceError.serialization("schema.primaryKeys must be a JSON array");
                }
                if (keys.size() < 1 || keys.size() > PRIMARY_KEYS_MAX) {
                    v.addWithoutValue("schema.primaryKeys", "have length between 1 and " + PRIMARY_KEYS_MAX
                            + " (actual length " + keys.size() + ")");
                }
                for (int i = 0; i < keys.size(); i++) {
                    String key = keys.get(i).isObject() ? text(keys.get(i), "name") : null;
                    if (key == null) {
                        v.missing("schema.primaryKeys." + (i + 1) + ".member.name");
                    } else {
                        primaryKeys.add(key);
                    }
                }
            }
        } else if (!ASC_NAMESPACE.equals(namespace)) {
            v.missing("schema");
        }
        v.throwIfAny();
        for (String key : primaryKeys) {
            if (fields.stream().noneMatch(f -> f.name().equals(key))) {
                throw AwsServiceError.validation("The primary key " + key + " is not a field of the schema");
            }
        }
        if (schemaName == null) {
            // asc without a schema: the entity's built-in schema (the emulator knows its required columns only)
            List<EmulatedDataset.Field> builtIn = AscRecordRules.builtInSchema(name);
            if (builtIn == null) {
                throw AwsServiceError.validation("The name " + name + " is not a supported data entity of the asc"
                        + " namespace");
            }
            fields = builtIn;
            schemaName = DataLake.schemaNameOf(name);
        }
        return new EmulatedDataset(instanceId, namespace, name, dataLake.arnOf(instanceId, namespace, name), schemaName,
                fields, primaryKeys, description, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    static ObjectNode datasetJson(EmulatedDataset d) {
        ObjectNode node = Json.object();
        node.put("instanceId", d.instanceId());
        node.put("namespace", d.namespace());
        node.put("name", d.name());
        node.put("arn", d.arn());
        ObjectNode schema = node.putObject("schema");
        schema.put("name", d.schemaName());
        ArrayNode fields = schema.putArray("fields");
        for (EmulatedDataset.Field f : d.fields()) {
            fields.addObject().put("name", f.name()).put("type", f.type()).put("isRequired", f.isRequired());
        }
        if (!d.primaryKeys().isEmpty()) {
            ArrayNode keys = schema.putArray("primaryKeys");
            d.primaryKeys().forEach(k -> keys.addObject().put("name", k));
        }
        if (d.description() != null) {
            node.put("description", d.description());
        }
        node.put("createdTime", Json.epochSeconds(d.createdTime()));
        node.put("lastModifiedTime", Json.epochSeconds(d.createdTime()));
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
        throw AwsServiceError.validation("The nextToken is invalid: " + abbreviate(token));
    }
}
