package io.github.camelawsevents.aws.emulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.List;

/**
 * Checks the {@code data} member of SendDataIntegrationEvent in one streaming pass: JSON text holding one
 * record (object) or a non-empty array of records (objects), optionally without a top-level
 * {@code connection_id} and optionally with required columns non-empty. Never echoes record content.
 */
final class DataRecordsCheck {

    private DataRecordsCheck() {
    }

    /**
     * @param data                 the data member
     * @param rejectConnectionId   whether a record may not carry {@code connection_id}
     * @param requiredColumns      columns each record must have with a non-empty value, or {@code null}
     * @return the problem, or {@code null} when the data is acceptable
     */
    static String check(String data, boolean rejectConnectionId, List<String> requiredColumns) {
        try (JsonParser p = Json.FACTORY.createParser(data)) {
            JsonToken first = p.nextToken();
            int records = 0;
            if (first == JsonToken.START_OBJECT) {
                String problem = checkRecord(p, 0, rejectConnectionId, requiredColumns);
                if (problem != null) {
                    return problem;
                }
                records = 1;
            } else if (first == JsonToken.START_ARRAY) {
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.START_OBJECT) {
                        return "data must be a JSON object (one record) or a JSON array of objects (many records); "
                                + "element " + records + " of the array is " + describe(t);
                    }
                    String problem = checkRecord(p, records, rejectConnectionId, requiredColumns);
                    if (problem != null) {
                        return problem;
                    }
                    records++;
                }
                if (records == 0) {
                    return "data must hold at least one record; the JSON array is empty";
                }
            } else {
                return "data must be a JSON object (one record) or a JSON array of objects (many records), not "
                        + describe(first);
            }
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                return "data must hold exactly one JSON value; found " + describe(trailing) + " after it";
            }
            return null;
        } catch (JsonProcessingException e) {
            return "data is not valid JSON: " + e.getOriginalMessage();
        } catch (IOException e) {
            return "data could not be read: " + e.getMessage();
        }
    }

    private static String checkRecord(JsonParser p, int index, boolean rejectConnectionId, List<String> requiredColumns)
            throws IOException {
        boolean[] present = requiredColumns == null ? null : new boolean[requiredColumns.size()];
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (rejectConnectionId && AscRecordRules.CONNECTION_ID.equals(name)) {
                return "record " + index + " carries connection_id, which the service fills for datasets in the asc "
                        + "namespace and a client must not send";
            }
            if (present != null) {
                int i = requiredColumns.indexOf(name);
                if (i >= 0) {
                    present[i] = value != JsonToken.VALUE_NULL
                            && !(value == JsonToken.VALUE_STRING && p.getText().isBlank());
                }
            }
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IllegalStateException("unexpected token " + t);
        }
        if (present != null) {
            for (int i = 0; i < present.length; i++) {
                if (!present[i]) {
                    return "record " + index + " lacks a non-empty value for required column " + requiredColumns.get(i)
                            + " (required: " + requiredColumns + ")";
                }
            }
        }
        return null;
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }
}
