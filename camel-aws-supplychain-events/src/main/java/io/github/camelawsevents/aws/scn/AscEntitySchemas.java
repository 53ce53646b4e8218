package io.github.camelawsevents.aws.scn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.Json;

/**
 * The record schemas of the 15 fixed event types, shipped with the component
 * ({@code asc-entity-schemas.json}, written from the AWS Supply Chain data model as of {@link #asOf()}).
 */
public final class AscEntitySchemas {

    static final String RESOURCE = "asc-entity-schemas.json";

    private static final AscEntitySchemas INSTANCE = load();

    private final String asOf;
    private final Map<String, RecordSchema> byEventType;
    private final Map<String, String> datasetByEventType;

    private AscEntitySchemas(String asOf, Map<String, RecordSchema> byEventType, Map<String, String> datasets) {
        this.asOf = asOf;
        this.byEventType = Map.copyOf(byEventType);
        this.datasetByEventType = Map.copyOf(datasets);
    }

    /** The schemas shipped with the component. */
    public static AscEntitySchemas shipped() {
        return INSTANCE;
    }

    /** The date of the data model the schemas were written from (yyyy-MM-dd). */
    public String asOf() {
        return asOf;
    }

    /** The schema of a fixed event type (e.g. scn.data.inboundorder), or null for scn.data.dataset and unknown types. */
    public RecordSchema forEventType(String eventType) {
        return byEventType.get(eventType);
    }

    /** The asc dataset an event type writes to (e.g. inbound_order), or null. */
    public String datasetOf(String eventType) {
        return datasetByEventType.get(eventType);
    }

    /** The event types with a schema. */
    public Set<String> eventTypes() {
        return byEventType.keySet();
    }

    private static AscEntitySchemas load() {
        try (InputStream in = AscEntitySchemas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + RESOURCE + " is missing from the component jar");
            }
            JsonNode root = Json.mapper().readTree(in);
            Set<String> internal = Set.copyOf(texts(root.get("internalFields")));
            Map<String, RecordSchema> schemas = new HashMap<>();
            Map<String, String> datasets = new HashMap<>();
            root.get("entities").fields().forEachRemaining(entry -> {
                JsonNode entity = entry.getValue();
                Map<String, ColumnType> columns = new LinkedHashMap<>();
                for (ColumnType type : ColumnType.values()) {
                    for (String column : texts(entity.get(type.name()))) {
                        if (columns.put(column, type) != null) {
                            throw new IllegalStateException(RESOURCE + ": column " + column + " of " + entry.getKey()
                                                            + " has two types");
                        }
                    }
                }
                List<String> required = texts(entity.get("required"));
                schemas.put(entry.getKey(), new RecordSchema(entry.getKey(), columns, required, required, internal));
                datasets.put(entry.getKey(), entity.get("dataset").asText());
            });
            return new AscEntitySchemas(root.get("asOf").asText(), schemas, datasets);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
