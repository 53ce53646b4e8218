package io.github.camelawsevents.aws.scn;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.EventTimestamps;
import io.github.camelawsevents.aws.core.FieldValidationException;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEventDatasetTargetConfiguration;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventRequest;

/**
 * Requests from their JSON form (the AWS CLI's {@code --cli-input-json} of {@code send-data-integration-event}, or a
 * Map with the same keys), and event timestamps from the values a route may carry. Pure functions.
 */
final class ScnRequests {

    /** The members of the request's JSON form, as the CLI skeleton names them. */
    public static final Set<String> MEMBERS = Set.of("instanceId", "eventType", "data", "eventGroupId",
            "eventTimestamp", "clientToken", "datasetTarget");

    private static final Set<String> TARGET_MEMBERS = Set.of("datasetIdentifier", "operationType");

    private ScnRequests() {
    }

    /**
     * A request builder with the members the JSON gives; members it lacks stay unset (the producer fills them from
     * headers and endpoint options). {@code data} may be JSON text (as the CLI has it) or, for convenience, the JSON
     * object or array itself. {@code eventTimestamp} is epoch seconds (fractions allowed) or ISO-8601 text.
     *
     * @throws FieldValidationException for an unknown member or a member of the wrong JSON type
     */
    public static SendDataIntegrationEventRequest.Builder fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new FieldValidationException("request", "a JSON object with the members of SendDataIntegrationEvent",
                    json == null ? "nothing" : "JSON " + json.getNodeType(), -1);
        }
        SendDataIntegrationEventRequest.Builder b = SendDataIntegrationEventRequest.builder();
        for (Map.Entry<String, JsonNode> member : json.properties()) {
            JsonNode value = member.getValue();
            if (value.isNull()) {
                continue;
            }
            switch (member.getKey()) {
                case "instanceId" -> b.instanceId(text(member.getKey(), value));
                case "eventType" -> b.eventType(text(member.getKey(), value));
                case "eventGroupId" -> b.eventGroupId(text(member.getKey(), value));
                case "clientToken" -> b.clientToken(text(member.getKey(), value));
                case "data" -> b.data(data(value));
                case "eventTimestamp" -> b.eventTimestamp(timestamp(value));
                case "datasetTarget" -> b.datasetTarget(datasetTarget(value));
                default -> throw new FieldValidationException(member.getKey(),
                        "a member of SendDataIntegrationEvent: " + String.join(", ", MEMBERS.stream().sorted().toList()),
                        "an unknown member", -1);
            }
        }
        return b;
    }

    /**
     * The event timestamp a header value stands for: {@link Instant}, {@link java.util.Date}, Calendar,
     * OffsetDateTime, ZonedDateTime, a number of epoch milliseconds, or ISO-8601 text; null for null.
     *
     * @throws FieldValidationException for any other value
     */
    public static Instant toInstant(Object value) {
        return EventTimestamps.fromHeader(value, "eventTimestamp");
    }

    private static String text(String member, JsonNode value) {
        if (!value.isTextual()) {
            throw new FieldValidationException(member, "a JSON string", "JSON " + value.getNodeType(), -1);
        }
        return value.textValue();
    }

    private static String data(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isObject() || value.isArray()) {
            return value.toString();
        }
        throw new FieldValidationException("data", "JSON text, or a JSON object or array",
                "JSON " + value.getNodeType(), -1);
    }

    private static Instant timestamp(JsonNode value) {
        return EventTimestamps.fromCliJson(value, "eventTimestamp", -1);
    }

    private static DataIntegrationEventDatasetTargetConfiguration datasetTarget(JsonNode value) {
        if (!value.isObject()) {
            throw new FieldValidationException("datasetTarget", "a JSON object", "JSON " + value.getNodeType(), -1);
        }
        DataIntegrationEventDatasetTargetConfiguration.Builder t = DataIntegrationEventDatasetTargetConfiguration
                .builder();
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            String name = "datasetTarget." + member.getKey();
            if (!TARGET_MEMBERS.contains(member.getKey())) {
                throw new FieldValidationException(name, "datasetIdentifier or operationType", "an unknown member",
                        -1);
            }
            if (member.getValue().isNull()) {
                continue;
            }
            if ("datasetIdentifier".equals(member.getKey())) {
                t.datasetIdentifier(text(name, member.getValue()));
            } else {
                t.operationType(text(name, member.getValue()));
            }
        }
        return t.build();
    }
}
