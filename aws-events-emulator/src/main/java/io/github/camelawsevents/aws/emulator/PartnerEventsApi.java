package io.github.camelawsevents.aws.emulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Amazon EventBridge PutPartnerEvents and PutEvents (awsJson1_1): entry-count limits, the documented entry-size
 * rule (over the request size limit, 262,144 bytes by default: 400 ValidationException or, selectable, 413 with an
 * empty body), per-entry validation and injected per-entry faults, and a response with one result per entry in
 * request order.
 */
final class PartnerEventsApi {

    static final Pattern PARTNER_SOURCE = Pattern.compile("^aws\\.partner(/[\\.\\-_A-Za-z0-9]+){2,}$");
    static final int SOURCE_MAX_LENGTH = 256;
    static final int DETAIL_TYPE_MAX_LENGTH = 128;
    static final int MAX_PARTNER_ENTRIES = 20;
    static final int MAX_PUT_EVENTS_ENTRIES = 10;
    /** The documented request size limit (the sum of the entry sizes), the default. */
    static final int DEFAULT_REQUEST_SIZE_LIMIT = 262_144;
    /** The largest request size limit: EventBridge raised event payloads to 1 MB in January 2026. */
    static final int MAX_REQUEST_SIZE_LIMIT = 1_048_576;
    /** The model's length limit of one {@code Resources} item (EventResource). */
    static final int RESOURCE_MAX_LENGTH = 2048;
    /** The service's message for entries over the size limit (PutEvents, as recorded from AWS). */
    static final String OVER_THE_LIMIT = "Total size of the entries in the request is over the limit.";
    /** What {@code Time} counts in the entry-size rule when present. */
    static final int TIME_BYTES = 14;

    static final String INVALID_ARGUMENT = "InvalidArgument";
    static final String MALFORMED_DETAIL = "MalformedDetail";

    private final PartnerEventStore store;
    private final StatsRecorder stats;
    private final boolean countOnly;
    private final int requestSizeLimit;
    private volatile OversizedRequestAnswer oversizedAnswer;

    PartnerEventsApi(PartnerEventStore store, StatsRecorder stats, boolean countOnly, int requestSizeLimit,
            OversizedRequestAnswer oversizedAnswer) {
        this.store = store;
        this.stats = stats;
        this.countOnly = countOnly;
        this.requestSizeLimit = requestSizeLimit;
        this.oversizedAnswer = oversizedAnswer;
    }

    /** Switches the answer to requests over the size limit (takes effect for the next request). */
    void oversizedAnswer(OversizedRequestAnswer answer) {
        this.oversizedAnswer = answer;
    }

    OversizedRequestAnswer oversizedAnswer() {
        return oversizedAnswer;
    }

    int requestSizeLimit() {
        return requestSizeLimit;
    }

    /**
     * The SDK call a request belongs to, from its headers: {@code amz-sdk-invocation-id} and the attempt in
     * {@code amz-sdk-request} ({@code attempt=2; max=10}); null and 0 where absent or unreadable.
     */
    record SdkCall(String invocationId, int attempt) {

        static SdkCall of(String invocationId, String amzSdkRequest) {
            return new SdkCall(invocationId, attemptOf(amzSdkRequest));
        }

        static int attemptOf(String amzSdkRequest) {
            if (amzSdkRequest == null) {
                return 0;
            }
            for (String part : amzSdkRequest.split(";")) {
                String p = part.trim();
                if (p.startsWith("attempt=")) {
                    try {
                        return Integer.parseInt(p.substring("attempt=".length()).trim());
                    } catch (NumberFormatException notANumber) {
                        return 0;
                    }
                }
            }
            return 0;
        }
    }

    ApiResponse putPartnerEvents(byte[] body, FaultDecision faults, SdkCall call) {
        long sequence = store.partnerEventsRequestReceived();
        List<Entry> entries = parseEntries(body, MAX_PARTNER_ENTRIES, false);
        // Source is an EventSourceName and each Resources item an EventResource: their lengths and the Source
        // pattern are model constraints, failing the whole request
        ConstraintViolations v = new ConstraintViolations();
        for (int i = 0; i < entries.size(); i++) {
            String source = entries.get(i).source;
            if (source == null) {
                continue;
            }
            String member = "entries." + (i + 1) + ".member.source";
            v.length(member, source, 1, SOURCE_MAX_LENGTH, true);
            if (!source.isEmpty() && !PARTNER_SOURCE.matcher(source).matches()) {
                v.pattern(member, source, PARTNER_SOURCE);
            }
        }
        checkResources(entries, v);
        v.throwIfAny();
        checkSize(entries);
        // An entry without Source, DetailType or Detail fails alone, even when every entry does: no entry member is
        // required in the model, and AWS answers such a PutEvents request 200 with per-entry InvalidArgument.
        String[] errors = validateEntries(entries);
        List<PartnerEvent> accepted = countOnly ? null : new ArrayList<>(entries.size());
        int acceptedCount = 0;
        String response = respond(entries, errors, faults, accepted,
                new PartnerEvent.StoredBy(sequence, call.invocationId(), call.attempt(), faults.lostResponse));
        for (String error : errors) {
            if (error == null) {
                acceptedCount++;
            }
        }
        store.acceptPartnerEvents(accepted, acceptedCount, entries.size());
        stats.partnerEventsRequest(entries.size());
        return WireProtocol.AWS_JSON_1_1.success(response);
    }

    ApiResponse putEvents(byte[] body, FaultDecision faults, SdkCall call) {
        long sequence = store.putEventsRequestReceived();
        List<Entry> entries = parseEntries(body, MAX_PUT_EVENTS_ENTRIES, true);
        ConstraintViolations v = new ConstraintViolations();
        checkResources(entries, v);
        v.throwIfAny();
        checkSize(entries);
        String[] errors = validateEntries(entries);
        List<PartnerEvent> accepted = countOnly ? null : new ArrayList<>(entries.size());
        String response = respond(entries, errors, faults, accepted,
                new PartnerEvent.StoredBy(sequence, call.invocationId(), call.attempt(), faults.lostResponse));
        int acceptedCount = 0;
        for (String error : errors) {
            if (error == null) {
                acceptedCount++;
            }
        }
        store.acceptPutEvents(accepted, acceptedCount);
        return WireProtocol.AWS_JSON_1_1.success(response);
    }

    /** The model's EventResource length, for each entry's {@code Resources}. */
    private static void checkResources(List<Entry> entries, ConstraintViolations v) {
        for (int i = 0; i < entries.size(); i++) {
            v.itemsMaxLength("entries." + (i + 1) + ".member.resources", entries.get(i).resources, RESOURCE_MAX_LENGTH);
        }
    }

    /** The entry-size rule of the EventBridge user guide; over the limit: as {@link #oversizedAnswer} says. */
    private void checkSize(List<Entry> entries) {
        long total = 0;
        for (Entry e : entries) {
            total += e.size();
        }
        // "less than 256 KB": a request whose entries total exactly the limit is already too large
        if (total >= requestSizeLimit) {
            throw oversizedAnswer == OversizedRequestAnswer.EMPTY_413
                    ? AwsServiceError.tooLarge("Total size of the entries in the request is " + total
                            + " bytes; it must be less than " + requestSizeLimit)
                    : AwsServiceError.validation(OVER_THE_LIMIT);
        }
    }

    /** Per-entry validation: the error message of each entry (also kept as its code), or null. */
    private String[] validateEntries(List<Entry> entries) {
        String[] errors = new String[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String missing = e.missingMember();
            if (missing != null) {
                e.errorCode = INVALID_ARGUMENT;
                errors[i] = "Parameter " + missing + " is not valid. Reason: " + missing + " is a required argument.";
            } else if (e.detailType.length() > DETAIL_TYPE_MAX_LENGTH
                    && Utf8.codePointLength(e.detailType) > DETAIL_TYPE_MAX_LENGTH) {
                e.errorCode = INVALID_ARGUMENT;
                errors[i] = "Parameter DetailType is not valid. Reason: DetailType is "
                        + Utf8.codePointLength(e.detailType) + " characters long, over the maximum of "
                        + DETAIL_TYPE_MAX_LENGTH + ".";
            } else if (!isJsonObject(e.detail)) {
                e.errorCode = MALFORMED_DETAIL;
                errors[i] = "Detail is malformed.";
            }
        }
        return errors;
    }

    /** Draws entry faults (one draw per entry, in order), collects the accepted entries, writes the response. */
    private String respond(List<Entry> entries, String[] errors, FaultDecision faults, List<PartnerEvent> accepted,
            PartnerEvent.StoredBy storedBy) {
        StringBuilder sb = new StringBuilder(64 + 52 * entries.size());
        StringBuilder results = new StringBuilder(52 * entries.size());
        int failed = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String injected = faults.nextEntryFault();
            if (errors[i] == null && injected != null) {
                e.errorCode = injected;
                errors[i] = FaultDecision.ENTRY_THROTTLED.equals(injected)
                        ? "Rate exceeded (injected fault)." : "Internal service failure (injected fault).";
                stats.fault(FaultDecision.ENTRY_THROTTLED.equals(injected)
                        ? FaultKind.ENTRY_THROTTLED : FaultKind.ENTRY_INTERNAL_FAILURE);
            }
            if (i > 0) {
                results.append(',');
            }
            if (errors[i] != null) {
                failed++;
                stats.failedEntry(e.errorCode);
                results.append("{\"ErrorCode\":");
                Json.appendQuoted(results, e.errorCode).append(",\"ErrorMessage\":");
                Json.appendQuoted(results, errors[i]).append('}');
            } else {
                String eventId = EventIds.nextString();
                results.append("{\"EventId\":\"").append(eventId).append("\"}");
                if (accepted != null) {
                    accepted.add(new PartnerEvent(eventId, e.source, e.detailType, e.detail, e.resources, e.time,
                            e.eventBusName, storedBy));
                }
            }
        }
        return sb.append("{\"FailedEntryCount\":").append(failed).append(",\"Entries\":[").append(results)
                .append("]}").toString();
    }

    private static List<Entry> parseEntries(byte[] body, int maxEntries, boolean putEvents) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw AwsServiceError.serialization("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw AwsServiceError.serialization("The request body could not be read: " + e.getMessage());
        }
        if (root != null && !root.isMissingNode() && !root.isObject()) {
            throw AwsServiceError.serialization("The request body must be a JSON object");
        }
        JsonNode entriesNode = root == null ? null : root.get("Entries");
        ConstraintViolations v = new ConstraintViolations();
        if (entriesNode == null || entriesNode.isNull()) {
            v.missing("entries");
            v.throwIfAny();
        }
        if (!entriesNode.isArray()) {
            throw AwsServiceError.serialization("Entries must be a JSON array");
        }
        if (entriesNode.isEmpty()) {
            v.add("entries", "[]", "have length greater than or equal to 1");
        } else if (entriesNode.size() > maxEntries) {
            v.add("entries", describeEntries(entriesNode, putEvents), "have length less than or equal to "
                    + maxEntries);
        }
        v.throwIfAny();
        List<Entry> entries = new ArrayList<>(entriesNode.size());
        for (JsonNode node : entriesNode) {
            if (!node.isObject()) {
                throw AwsServiceError.serialization("Each entry must be a JSON object");
            }
            Entry e = new Entry();
            e.source = text(node, "Source");
            e.detailType = text(node, "DetailType");
            e.detail = text(node, "Detail");
            e.time = time(node.get("Time"));
            e.resources = resources(node.get("Resources"));
            if (putEvents) {
                e.eventBusName = text(node, "EventBusName");
            }
            entries.add(e);
        }
        return entries;
    }

    /**
     * The entries as the service echoes a list value, {@code [PutPartnerEventsRequestEntry(source=…, …), …]}
     * (members as sent; {@link ConstraintViolations} abbreviates the text).
     */
    private static String describeEntries(JsonNode entries, boolean putEvents) {
        StringBuilder sb = new StringBuilder("[");
        String type = putEvents ? "PutEventsRequestEntry" : "PutPartnerEventsRequestEntry";
        for (JsonNode entry : entries) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(type).append('(');
            if (entry.isObject()) {
                boolean first = true;
                for (Map.Entry<String, JsonNode> member : entry.properties()) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    JsonNode value = member.getValue();
                    String name = member.getKey();
                    sb.append(name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1))
                            .append('=').append(value.isTextual() ? value.textValue() : value.toString());
                }
            }
            sb.append(')');
            if (sb.length() > 200) {
                // the message quotes at most the first 100 characters anyway
                break;
            }
        }
        return sb.append(']').toString();
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

    private static List<String> resources(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw AwsServiceError.serialization("Member Resources must be a JSON array of strings");
        }
        List<String> out = new ArrayList<>(node.size());
        for (JsonNode r : node) {
            if (!r.isTextual()) {
                throw AwsServiceError.serialization("Member Resources must be a JSON array of strings");
            }
            out.add(r.textValue());
        }
        return out;
    }

    private static Instant time(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw AwsServiceError.serialization("Member Time must be a JSON number of epoch seconds");
        }
        Instant time = Json.epochSecondsToInstant(node.decimalValue());
        if (time == null) {
            throw AwsServiceError.serialization("Member Time is not a representable timestamp: " + node);
        }
        return time;
    }

    /** Whether {@code text} is exactly one JSON object. */
    static boolean isJsonObject(String text) {
        try (JsonParser p = Json.FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** One request entry as sent. */
    private static final class Entry {
        String source;
        String detailType;
        String detail;
        List<String> resources;
        Instant time;
        String eventBusName;
        String errorCode;

        /** The first required member that is absent or empty, or null. */
        String missingMember() {
            if (source == null) {
                return "Source";
            }
            if (detailType == null || detailType.isEmpty()) {
                return "DetailType";
            }
            if (detail == null || detail.isEmpty()) {
                return "Detail";
            }
            return null;
        }

        /** Bytes this entry counts in the entry-size rule. */
        long size() {
            long size = time != null ? TIME_BYTES : 0;
            if (source != null) {
                size += Utf8.byteLength(source);
            }
            if (detailType != null) {
                size += Utf8.byteLength(detailType);
            }
            if (detail != null) {
                size += Utf8.byteLength(detail);
            }
            for (String r : resources) {
                size += Utf8.byteLength(r);
            }
            return size;
        }
    }
}
