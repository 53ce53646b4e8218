package io.github.camelawsevents.aws.scn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import software.amazon.awssdk.services.supplychain.model.DataLakeDataset;
import software.amazon.awssdk.services.supplychain.model.DataLakeDatasetPrimaryKeyField;
import software.amazon.awssdk.services.supplychain.model.DataLakeDatasetSchemaField;

/**
 * What the records of one target may hold: the type of each column, the columns every record must fill, the primary
 * keys (what a DELETE record must fill), and the internal columns a client must never send. Immutable.
 */
public final class RecordSchema {

    /** The columns AWS Supply Chain fills itself in datasets of the {@code asc} namespace. */
    public static final Set<String> ASC_INTERNAL_FIELDS = Set.of("connection_id", "db_creation_dttm",
            "db_updation_dttm");

    private final String name;
    private final Map<String, ColumnType> columns;
    private final List<String> required;
    private final List<String> primaryKeys;
    private final Set<String> internal;
    private final Map<String, Integer> requiredIndex;
    private final Map<String, Integer> primaryKeyIndex;

    /**
     * @param name        what the schema belongs to (an event type or a dataset ARN), for messages
     * @param columns     the type of each column a record may carry (internal ones may be listed too)
     * @param required    the columns every record must fill (internal ones are left out)
     * @param primaryKeys the primary-key columns (internal ones are left out); what a DELETE record must fill
     * @param internal    the columns a client must not send
     */
    public RecordSchema(String name, Map<String, ColumnType> columns, List<String> required, List<String> primaryKeys,
                        Set<String> internal) {
        this.name = Objects.requireNonNull(name, "name");
        this.columns = Collections.unmodifiableMap(new HashMap<>(columns));
        this.internal = Set.copyOf(internal);
        this.required = without(required, this.internal);
        this.primaryKeys = without(primaryKeys, this.internal);
        for (String column : this.required) {
            if (!this.columns.containsKey(column)) {
                throw new IllegalArgumentException("required column " + column + " has no type in " + name);
            }
        }
        this.requiredIndex = index(this.required);
        this.primaryKeyIndex = index(this.primaryKeys);
    }

    /**
     * The schema of a data lake dataset as {@code GetDataLakeDataset} returns it. In the {@code asc} namespace the
     * fields the service fills ({@link #ASC_INTERNAL_FIELDS}) are internal: never required, never to be sent.
     *
     * @throws IllegalArgumentException when the dataset has no schema, or a field has a type this client does not
     *                                  know (the check cannot be trusted then)
     */
    public static RecordSchema ofDataset(DataLakeDataset dataset) {
        if (dataset.schema() == null || !dataset.schema().hasFields()) {
            throw new IllegalArgumentException("the dataset " + dataset.arn() + " has no schema");
        }
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (DataLakeDatasetSchemaField field : dataset.schema().fields()) {
            ColumnType type = ColumnType.ofServiceName(field.typeAsString());
            if (type == null) {
                throw new IllegalArgumentException("field " + field.name() + " of dataset " + dataset.arn()
                                                   + " has a type this client does not know: " + field.typeAsString());
            }
            columns.put(field.name(), type);
            if (Boolean.TRUE.equals(field.isRequired())) {
                required.add(field.name());
            }
        }
        List<String> keys = dataset.schema().hasPrimaryKeys()
                ? dataset.schema().primaryKeys().stream().map(DataLakeDatasetPrimaryKeyField::name).toList()
                : List.of();
        Set<String> internal = ScnConstraints.ASC_NAMESPACE.equals(dataset.namespace()) ? ASC_INTERNAL_FIELDS : Set.of();
        String name = dataset.arn() != null ? dataset.arn() : dataset.namespace() + "/" + dataset.name();
        return new RecordSchema(name, columns, required, keys, internal);
    }

    public String name() {
        return name;
    }

    /** The type of a column, or null when the schema does not know it. */
    public ColumnType typeOf(String column) {
        return columns.get(column);
    }

    /** The columns a record must fill: all required ones, or for DELETE only the primary keys. */
    public List<String> required(boolean delete) {
        return delete ? primaryKeys : required;
    }

    /** Position of a column in {@link #required(boolean)}, or -1. */
    int requiredIndex(String column, boolean delete) {
        Integer i = (delete ? primaryKeyIndex : requiredIndex).get(column);
        return i == null ? -1 : i;
    }

    public boolean isInternal(String column) {
        return internal.contains(column);
    }

    /** The columns the schema knows, internal ones included. */
    public Set<String> columns() {
        return columns.keySet();
    }

    @Override
    public String toString() {
        return "RecordSchema[" + name + ", " + columns.size() + " columns, required " + required + "]";
    }

    private static List<String> without(List<String> columns, Set<String> internal) {
        Set<String> kept = new LinkedHashSet<>(columns);
        kept.removeAll(internal);
        return List.copyOf(kept);
    }

    private static Map<String, Integer> index(List<String> columns) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        return Map.copyOf(index);
    }
}
