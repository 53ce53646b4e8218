package io.github.camelawsevents.aws.scn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.camelawsevents.aws.core.Json;

/**
 * Checks records against a {@link RecordSchema} before they are sent, in one streaming pass per record and without
 * building a tree: required columns present and non-empty, values of their column's type, timestamps in a form the
 * service takes, no internal fields, and, with {@link RecordCheckMode#STRICT}, no column the schema does not know.
 * A pure function: no I/O, no logging; the first record that fails throws, naming its index, the column, the rule and
 * the JSON type of the value (never the value).
 * <p>
 * What a type takes, as AWS's own examples and its load do: numbers as JSON numbers or as numeric text
 * ({@code "100.0"}); timestamps as ISO-8601 ({@code 2024-01-31T08:15:00Z}, with an offset, a local date-time, a date),
 * {@code yyyy-MM-dd HH:mm:ss} or epoch milliseconds (a JSON integer, or text of digits as in AWS's examples). JSON
 * null, and an empty string in a non-string column, count as no value: accepted in optional columns, refused in
 * required ones.
 */
public final class RecordCheck {

    private RecordCheck() {
    }

    /**
     * Checks every record.
     *
     * @param records the records of one message
     * @param schema  their target's schema
     * @param mode    how unknown columns are treated; must not be {@link RecordCheckMode#OFF}
     * @param delete  whether the records delete (UPSERT and APPEND fill every required column; DELETE only the keys)
     * @return the columns the schema does not know that the records carry (always empty with STRICT)
     * @throws RecordCheckException for the first record that breaks a rule
     */
    public static Set<String> check(DataRecords records, RecordSchema schema, RecordCheckMode mode, boolean delete) {
        if (mode == RecordCheckMode.OFF) {
            throw new IllegalArgumentException("nothing to check with recordCheck=OFF");
        }
        Set<String> unknown = new LinkedHashSet<>();
        String source = records.sourceText();
        try {
            if (source != null) {
                try (JsonParser p = Json.mapper().getFactory().createParser(source)) {
                    JsonToken root = p.nextToken();
                    if (root == JsonToken.START_OBJECT) {
                        record(p, 0, schema, mode, delete, unknown);
                    } else {
                        int index = 0;
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            record(p, index++, schema, mode, delete, unknown);
                        }
                    }
                }
            } else {
                for (int i = 0; i < records.count(); i++) {
                    try (JsonParser p = Json.mapper().getFactory().createParser(records.record(i))) {
                        p.nextToken();
                        record(p, i, schema, mode, delete, unknown);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            // DataRecords has read these texts already; this cannot happen unless they changed
            throw Json.malformed(e, "data", -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return unknown;
    }

    /** Checks one record given as JSON text (an object); see {@link #check}. */
    public static Set<String> checkRecord(String record, int index, RecordSchema schema, RecordCheckMode mode,
                                          boolean delete) {
        Set<String> unknown = new LinkedHashSet<>();
        try (JsonParser p = Json.mapper().getFactory().createParser(record)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a record is a JSON object");
            }
            record(p, index, schema, mode, delete, unknown);
        } catch (JsonProcessingException e) {
            throw Json.malformed(e, "data", index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return unknown;
    }

    /** The parser is on the record's START_OBJECT; leaves it on its END_OBJECT. */
    private static void record(JsonParser p, int index, RecordSchema schema, RecordCheckMode mode, boolean delete,
                               Set<String> unknown) throws IOException {
        int requiredCount = schema.required(delete).size();
        // per required column: 0 absent, 1 present without a value (null, empty), 2 filled
        byte[] filled = new byte[requiredCount];
        String[] emptyAs = new String[requiredCount];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String column = p.currentName();
            JsonToken value = p.nextToken();
            if (schema.isInternal(column)) {
                throw new RecordCheckException(schema.name(), index, column, RecordRule.INTERNAL_FIELD,
                        "not sent by clients: AWS Supply Chain fills it", describe(p, value));
            }
            ColumnType type = schema.typeOf(column);
            if (type == null) {
                if (mode == RecordCheckMode.STRICT) {
                    throw new RecordCheckException(schema.name(), index, column, RecordRule.UNKNOWN_COLUMN,
                            "only the schema's columns with recordCheck=STRICT", describe(p, value));
                }
                unknown.add(column);
                p.skipChildren();
                continue;
            }
            boolean hasValue = value(p, value, type, index, schema.name(), column);
            int r = schema.requiredIndex(column, delete);
            if (r >= 0) {
                if (hasValue) {
                    filled[r] = 2;
                } else if (filled[r] == 0) {
                    filled[r] = 1;
                    emptyAs[r] = describe(p, value);
                }
            }
        }
        for (int r = 0; r < requiredCount; r++) {
            if (filled[r] != 2) {
                throw new RecordCheckException(schema.name(), index, schema.required(delete).get(r),
                        RecordRule.REQUIRED, delete ? "a primary key, which a DELETE record must fill"
                                : "required, with a non-empty value", filled[r] == 0 ? "missing" : emptyAs[r]);
            }
        }
    }

    /**
     * Checks one value against its column type.
     *
     * @return whether it is a value (false for null and for an empty or blank string)
     */
    private static boolean value(JsonParser p, JsonToken value, ColumnType type, int index, String schema,
                                 String column) throws IOException {
        switch (value) {
            case VALUE_NULL:
                return false;
            case START_OBJECT:
            case START_ARRAY:
                throw typeError(schema, index, column, type, describe(p, value));
            case VALUE_STRING:
                // the parser's buffer, not a String per value: most values are strings
                if (isBlank(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
                    return false;
                }
                if (type == ColumnType.STRING) {
                    return true;
                }
                String text = p.getText();
                boolean ok = switch (type) {
                    case INT -> isInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
                    case LONG -> isInteger(text, Long.MIN_VALUE, Long.MAX_VALUE);
                    case DOUBLE -> isDecimal(text);
                    case TIMESTAMP -> isTimestamp(text);
                    default -> true;
                };
                if (!ok) {
                    String what = "a JSON string of " + text.length() + " characters that is not "
                                  + (type == ColumnType.TIMESTAMP ? "a timestamp" : "a number of that type");
                    if (type == ColumnType.TIMESTAMP) {
                        throw new RecordCheckException(schema, index, column, RecordRule.TIMESTAMP_FORMAT,
                                "TIMESTAMP: " + type.accepts(), what);
                    }
                    throw typeError(schema, index, column, type, what);
                }
                return true;
            case VALUE_NUMBER_INT:
                boolean fits = switch (type) {
                    case STRING -> false;
                    case INT -> p.getNumberType() == JsonParser.NumberType.INT;
                    case LONG, TIMESTAMP -> p.getNumberType() == JsonParser.NumberType.INT
                                            || p.getNumberType() == JsonParser.NumberType.LONG;
                    case DOUBLE -> true;
                };
                if (!fits) {
                    throw typeError(schema, index, column, type, p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            ? "a JSON integer beyond 64 bits" : describe(p, value));
                }
                return true;
            case VALUE_NUMBER_FLOAT:
                if (type != ColumnType.DOUBLE) {
                    throw typeError(schema, index, column, type, "a JSON number with a fraction or exponent");
                }
                return true;
            default:
                throw typeError(schema, index, column, type, describe(p, value));
        }
    }

    private static RecordCheckException typeError(String schema, int index, String column, ColumnType type,
                                                  String valueType) {
        return new RecordCheckException(schema, index, column, RecordRule.TYPE, type + ": " + type.accepts(),
                valueType);
    }

    /** The JSON type of a value, never the value itself. */
    private static String describe(JsonParser p, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_STRING -> p.getTextLength() == 0 ? "an empty JSON string"
                    : p.getText().isBlank() ? "a blank JSON string" : "a JSON string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
            case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
            case VALUE_NULL -> "JSON null";
            case START_OBJECT -> "a JSON object";
            case START_ARRAY -> "a JSON array";
            default -> "JSON " + value;
        };
    }

    /** Optional sign, then 1 to 19 digits, within [min, max]. */
    static boolean isInteger(String text, long min, long max) {
        int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > 19) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        try {
            long v = Long.parseLong(text);
            return v >= min && v <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A decimal number: optional sign, digits with an optional fraction, an optional exponent; finite. */
    static boolean isDecimal(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n && Double.isFinite(Double.parseDouble(text));
    }

    /**
     * The timestamp forms the service takes: epoch milliseconds (1 to 13 digits), {@code yyyy-MM-dd},
     * {@code yyyy-MM-dd HH:mm[:ss[.fraction]]} and {@code yyyy-MM-ddTHH:mm[:ss[.fraction]]}, each date-time optionally
     * with {@code Z} or an offset {@code +hh:mm}/{@code +hhmm}; every field in its calendar range.
     */
    static boolean isTimestamp(String text) {
        int n = text.length();
        if (n >= 1 && n <= 13 && allDigits(text, 0, n)) {
            return true;
        }
        if (n < 10 || !digitsAt(text, 0, 4) || text.charAt(4) != '-' || !digitsAt(text, 5, 2)
            || text.charAt(7) != '-' || !digitsAt(text, 8, 2)) {
            return false;
        }
        try {
            LocalDate.of(num(text, 0, 4), num(text, 5, 2), num(text, 8, 2));
            if (n == 10) {
                return true;
            }
            char separator = text.charAt(10);
            if ((separator != 'T' && separator != ' ') || n < 16 || !digitsAt(text, 11, 2) || text.charAt(13) != ':'
                || !digitsAt(text, 14, 2)) {
                return false;
            }
            int hour = num(text, 11, 2);
            int minute = num(text, 14, 2);
            int second = 0;
            int i = 16;
            if (i < n && text.charAt(i) == ':') {
                if (!digitsAt(text, i + 1, 2)) {
                    return false;
                }
                second = num(text, i + 1, 2);
                i += 3;
                if (i < n && text.charAt(i) == '.') {
                    int start = ++i;
                    while (i < n && isDigit(text.charAt(i))) {
                        i++;
                    }
                    if (i == start || i - start > 9) {
                        return false;
                    }
                }
            }
            LocalTime.of(hour, minute, second);
            if (i == n) {
                return true;
            }
            char zone = text.charAt(i);
            if (zone == 'Z') {
                return i + 1 == n;
            }
            if (zone != '+' && zone != '-') {
                return false;
            }
            String offset = text.substring(i + 1);
            int offsetHours;
            int offsetMinutes;
            if (offset.length() == 5 && offset.charAt(2) == ':' && digitsAt(offset, 0, 2) && digitsAt(offset, 3, 2)) {
                offsetHours = num(offset, 0, 2);
                offsetMinutes = num(offset, 3, 2);
            } else if (offset.length() == 4 && allDigits(offset, 0, 4)) {
                offsetHours = num(offset, 0, 2);
                offsetMinutes = num(offset, 2, 2);
            } else if (offset.length() == 2 && allDigits(offset, 0, 2)) {
                offsetHours = num(offset, 0, 2);
                offsetMinutes = 0;
            } else {
                return false;
            }
            return offsetHours <= 18 && offsetMinutes <= 59;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean isBlank(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean digitsAt(String text, int start, int count) {
        return start + count <= text.length() && allDigits(text, start, start + count);
    }

    private static boolean allDigits(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int num(String text, int start, int count) {
        int v = 0;
        for (int i = start; i < start + count; i++) {
            v = v * 10 + (text.charAt(i) - '0');
        }
        return v;
    }
}
