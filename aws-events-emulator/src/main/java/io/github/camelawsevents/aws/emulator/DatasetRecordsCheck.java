package io.github.camelawsevents.aws.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * What the load of a {@code scn.data.dataset} event checks against the dataset's schema: every required field filled
 * (the {@code asc} namespace's internal fields are filled by the service), no field the schema lacks, no internal
 * field sent, and every value castable to its field's type. Returns the load's failure message, which names the record,
 * the field and the problem, never a value.
 */
final class DatasetRecordsCheck {

    private static final Set<String> ASC_INTERNAL = Set.of("connection_id", "db_creation_dttm", "db_updation_dttm");
    private static final DateTimeFormatter SPACED = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd().toFormatter();

    private DatasetRecordsCheck() {
    }

    /** The failure message of the load of {@code data} into {@code dataset}, or null when it loads. */
    static String problem(String data, EmulatedDataset dataset) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(data);
        } catch (IOException e) {
            return "The data is not valid JSON";
        }
        boolean asc = SupplyChainApi.ASC_NAMESPACE.equals(dataset.namespace());
        int index = 0;
        for (JsonNode record : root.isArray() ? root : java.util.List.of(root)) {
            String problem = recordProblem(record, index++, dataset, asc);
            if (problem != null) {
                return "Failed to load the records into dataset " + dataset.namespace() + "/" + dataset.name() + ": "
                        + problem;
            }
        }
        return null;
    }

    private static String recordProblem(JsonNode record, int index, EmulatedDataset dataset, boolean asc) {
        for (var member : record.properties()) {
            String name = member.getKey();
            if (asc && ASC_INTERNAL.contains(name)) {
                return "record " + index + " carries " + name + ", which the service fills";
            }
            EmulatedDataset.Field field = dataset.field(name);
            if (field == null) {
                return "record " + index + " has the column " + name + ", which is not in the schema "
                        + dataset.schemaName();
            }
            JsonNode value = member.getValue();
            if (!value.isNull() && !castable(value, field.type())) {
                return "record " + index + ": the value of column " + name + " (" + jsonType(value)
                        + ") cannot be cast to " + field.type();
            }
        }
        for (EmulatedDataset.Field field : dataset.fields()) {
            if (!field.isRequired() || (asc && ASC_INTERNAL.contains(field.name()))) {
                continue;
            }
            JsonNode value = record.get(field.name());
            if (value == null || value.isNull() || (value.isTextual() && value.textValue().isBlank())) {
                return "record " + index + " lacks the required column " + field.name();
            }
        }
        return null;
    }

    private static boolean castable(JsonNode value, String type) {
        if (value.isContainerNode() || value.isBoolean()) {
            return false;
        }
        String text = value.asText();
        if (value.isTextual() && text.isBlank()) {
            return true;
        }
        try {
            switch (type) {
                case "STRING":
                    return value.isTextual();
                case "INT":
                    Integer.parseInt(value.isIntegralNumber() ? value.asText() : text.trim());
                    return true;
                case "LONG":
                    Long.parseLong(value.isIntegralNumber() ? value.asText() : text.trim());
                    return true;
                case "DOUBLE":
                    return Double.isFinite(Double.parseDouble(text.trim()));
                case "TIMESTAMP":
                    return timestamp(value, text.trim());
                default:
                    return false;
            }
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean timestamp(JsonNode value, String text) {
        if (value.isIntegralNumber() || text.matches("\\d{1,13}")) {
            return true;
        }
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            LocalDateTime.parse(text, SPACED);
            return true;
        } catch (DateTimeParseException ignored) {
            return false;
        }
    }

    private static String jsonType(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        return value.isArray() ? "an array" : "an object";
    }
}
