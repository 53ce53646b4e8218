package io.github.camelawsevents.aws.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A data lake dataset of the emulator, as {@code CreateDataLakeDataset} made it and {@code GetDataLakeDataset}
 * returns it.
 *
 * @param instanceId  the instance it belongs to
 * @param namespace   its namespace ({@code asc}, {@code default} or a custom one)
 * @param name        its name
 * @param arn         its ARN
 * @param schemaName  the schema's name
 * @param fields      the schema's fields, in order
 * @param primaryKeys the primary-key field names (may be empty)
 * @param description its description, or null
 * @param createdTime when it was created
 */
public record EmulatedDataset(String instanceId, String namespace, String name, String arn, String schemaName,
        List<Field> fields, List<String> primaryKeys, String description, Instant createdTime) {

    /** The field types of the model's {@code DataLakeDatasetSchemaFieldType}. */
    public static final List<String> FIELD_TYPES = List.of("INT", "DOUBLE", "STRING", "TIMESTAMP", "LONG");

    public EmulatedDataset {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
        primaryKeys = List.copyOf(primaryKeys);
    }

    /** One field of a dataset schema ({@code DataLakeDatasetSchemaField}). */
    public record Field(String name, String type, boolean isRequired) {
        public Field {
            Objects.requireNonNull(name, "name");
            if (!FIELD_TYPES.contains(type)) {
                throw new IllegalArgumentException("type must be one of " + FIELD_TYPES + ", was " + type);
            }
        }
    }

    /** The field of this name, or null. */
    public Field field(String fieldName) {
        for (Field f : fields) {
            if (f.name().equals(fieldName)) {
                return f;
            }
        }
        return null;
    }
}
