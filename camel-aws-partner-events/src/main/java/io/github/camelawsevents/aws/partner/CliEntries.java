package io.github.camelawsevents.aws.partner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.EventTimestamps;
import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.core.Json;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

/**
 * Entries in the shape of the AWS CLI's {@code put-partner-events --entries} JSON: one object or an array of objects
 * with the keys {@code Time} (epoch seconds as a number, or ISO-8601 text), {@code Source}, {@code Resources} (array
 * of ARNs), {@code DetailType} and {@code Detail} (JSON text; an object is accepted too and written as JSON text).
 * Maps with the same keys are read the same way.
 */
final class CliEntries {

    /** The keys of one entry. */
    public static final Set<String> KEYS = Set.of("Time", "Source", "Resources", "DetailType", "Detail");

    private CliEntries() {
    }

    /** The entries of CLI entries JSON (one object or an array). */
    public static List<PutPartnerEventsRequestEntry> entries(JsonNode node) {
        if (node == null) {
            throw new FieldValidationException("entries", "an entry object or an array of them", "nothing", -1);
        }
        if (node.isObject()) {
            return List.of(entry(node, -1));
        }
        if (!node.isArray()) {
            throw new FieldValidationException("entries", "an entry object or an array of them",
                    "a JSON " + node.getNodeType().name().toLowerCase(), -1);
        }
        List<PutPartnerEventsRequestEntry> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(entry(node.get(i), i));
        }
        return out;
    }

    /** Exactly one entry: an entry object, or an array holding exactly one. */
    public static PutPartnerEventsRequestEntry single(JsonNode node) {
        List<PutPartnerEventsRequestEntry> entries = entries(node);
        if (entries.size() != 1) {
            throw new FieldValidationException("entries", "exactly one entry", entries.size() + " entries", -1);
        }
        return entries.get(0);
    }

    /** One entry from a JSON object with the CLI's keys. */
    public static PutPartnerEventsRequestEntry entry(JsonNode node, int index) {
        if (node == null || !node.isObject()) {
            throw new FieldValidationException("entry", "a JSON object with the keys " + KEYS,
                    node == null ? "nothing" : "a JSON " + node.getNodeType().name().toLowerCase(), index);
        }
        PutPartnerEventsRequestEntry.Builder builder = PutPartnerEventsRequestEntry.builder();
        var fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            switch (field.getKey()) {
                case "Time" -> builder.time(timeOf(value, index));
                case "Source" -> builder.source(text(value, "Source", index));
                case "DetailType" -> builder.detailType(text(value, "DetailType", index));
                case "Detail" -> builder.detail(value.isTextual() ? value.textValue() : value.toString());
                case "Resources" -> builder.resources(resourcesOf(value, index));
                default -> throw unknownKey(field.getKey(), index);
            }
        }
        return builder.build();
    }

    /** One entry from a Map with the CLI's keys (values as Java objects: String, Number, Instant, List, Map...). */
    public static PutPartnerEventsRequestEntry entry(Map<?, ?> map, int index) {
        PutPartnerEventsRequestEntry.Builder builder = PutPartnerEventsRequestEntry.builder();
        for (Map.Entry<?, ?> field : map.entrySet()) {
            String key = String.valueOf(field.getKey());
            Object value = field.getValue();
            if (value == null) {
                if (!KEYS.contains(key)) {
                    throw unknownKey(key, index);
                }
                continue;
            }
            switch (key) {
                case "Time" -> builder.time(timeOf(value, index));
                case "Source" -> builder.source(value.toString());
                case "DetailType" -> builder.detailType(value.toString());
                case "Detail" -> builder.detail(EntryReader.detailOf(value, index));
                case "Resources" -> builder.resources(value instanceof JsonNode node ? resourcesOf(node, index)
                        : ResourceList.fromHeader(value));
                default -> throw unknownKey(key, index);
            }
        }
        return builder.build();
    }

    /** Entries from a collection of entry Maps, entry JSON objects/text, or entries. */
    public static List<PutPartnerEventsRequestEntry> entries(Collection<?> items) {
        List<PutPartnerEventsRequestEntry> out = new ArrayList<>(items.size());
        int index = 0;
        for (Object item : items) {
            out.add(entry(item, index++));
        }
        return out;
    }

    private static PutPartnerEventsRequestEntry entry(Object item, int index) {
        if (item instanceof PutPartnerEventsRequestEntry entry) {
            return entry;
        }
        if (item instanceof Map<?, ?> map) {
            return entry(map, index);
        }
        if (item instanceof JsonNode node) {
            return entry(node, index);
        }
        if (item instanceof CharSequence text) {
            return entry(Json.parse(text.toString(), "entry", index), index);
        }
        throw new FieldValidationException("entry", "a Map, JSON object or PutPartnerEventsRequestEntry",
                item == null ? "null" : "a " + item.getClass().getName(), index);
    }

    private static Instant timeOf(JsonNode value, int index) {
        return EventTimestamps.fromCliJson(value, "Time", index);
    }

    private static Instant timeOf(Object value, int index) {
        if (value instanceof Number number) {
            return EventTimestamps.ofEpochSeconds(number, "Time", index);
        }
        if (value instanceof CharSequence text) {
            return EventTimestamps.fromCliText(text.toString(), "Time", index);
        }
        if (value instanceof JsonNode node) {
            return timeOf(node, index);
        }
        // Instant, Date, Calendar, OffsetDateTime, ZonedDateTime; anything else is refused there, naming Time
        return EventTimestamps.fromHeader(value, "Time");
    }

    private static List<String> resourcesOf(JsonNode value, int index) {
        if (value.isTextual()) {
            return ResourceList.parse(value.textValue());
        }
        if (!value.isArray()) {
            throw new FieldValidationException("Resources", "an array of ARNs",
                    "a JSON " + value.getNodeType().name().toLowerCase(), index);
        }
        List<String> out = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            out.add(text(element, "Resources", index));
        }
        return out;
    }

    private static String text(JsonNode value, String field, int index) {
        if (!value.isTextual()) {
            throw new FieldValidationException(field, "a JSON string",
                    "a JSON " + value.getNodeType().name().toLowerCase(), index);
        }
        return value.textValue();
    }

    private static FieldValidationException unknownKey(String key, int index) {
        return new FieldValidationException("entry key '" + key + "'", "one of " + KEYS, "an unknown key", index);
    }
}
