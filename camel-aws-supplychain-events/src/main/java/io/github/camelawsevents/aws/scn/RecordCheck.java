package io.github.camelawsevents.aws.scn;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Checks records against a {@link RecordSchema} before they are sent: required columns present and non-empty, values
 * of their column's type, timestamps in a form the service takes, no internal fields, and, with
 * {@link RecordCheckMode#STRICT}, no column the schema does not know. The check runs inside the one streaming pass
 * that {@link DataRecords} makes over the records (no second parse, no tree): the scan hands each column to a
 * {@link Pass}, which keeps the columns the schema does not know and the first record that fails. Pure: no I/O, no
 * logging; a failure names the record's index, the column, the rule and the JSON type of the value (never the value).
 * <p>
 * What a type takes, as AWS's own examples and its load do: numbers as JSON numbers or as numeric text
 * ({@code "100.0"}); timestamps as ISO-8601 ({@code 2024-01-31T08:15:00Z}, with an offset, a local date-time, a date),
 * {@code yyyy-MM-dd HH:mm:ss} or epoch milliseconds (a JSON integer, or text of digits as in AWS's examples). JSON
 * null, and an empty string in a non-string column, count as no value: accepted in optional columns, refused in
 * required ones.
 *
 * @param schema the records' target's schema
 * @param mode   how unknown columns are treated; never {@link RecordCheckMode#OFF}
 * @param delete whether the records delete (UPSERT and APPEND fill every required column; DELETE only the keys)
 */
public record RecordCheck(RecordSchema schema, RecordCheckMode mode, boolean delete) {

    public RecordCheck {
        Objects.requireNonNull(schema, "schema");
        if (mode == null || mode == RecordCheckMode.OFF) {
            throw new IllegalArgumentException("nothing to check with recordCheck=OFF");
        }
    }

    /**
     * Checks every record.
     *
     * @return the columns the schema does not know that the records carry (always empty with STRICT)
     * @throws RecordCheckException for the first record that breaks a rule
     */
    public static Set<String> check(DataRecords records, RecordSchema schema, RecordCheckMode mode, boolean delete) {
        return records.check(new RecordCheck(schema, mode, delete));
    }

    /** What a pass found: the unknown columns, or the first record that failed. */
    record Result(Set<String> unknown, RecordCheckException failure) {

        /**
         * @return the columns the schema does not know
         * @throws RecordCheckException for the first record that broke a rule
         */
        Set<String> unknownOrThrow() {
            if (failure != null) {
                throw failure;
            }
            return unknown;
        }
    }

    /** A new pass over the records of one message. */
    Pass pass() {
        return new Pass(this);
    }

    /**
     * The check's state during one scan: the scan calls {@link #startRecord()}, {@link #column} for each top-level
     * column, then {@link #endRecord}. After the first failure the rest is only skipped.
     */
    static final class Pass {
        private final RecordCheck check;
        private final int requiredCount;
        /** Per required column: 0 absent, 1 present without a value (null, empty), 2 filled. */
        private final byte[] filled;
        private final String[] emptyAs;
        private final Set<String> unknown = new LinkedHashSet<>();
        private RecordCheckException failure;

        private Pass(RecordCheck check) {
            this.check = check;
            this.requiredCount = check.schema.required(check.delete).size();
            this.filled = new byte[requiredCount];
            this.emptyAs = new String[requiredCount];
        }

        void startRecord() {
            if (failure == null) {
                Arrays.fill(filled, (byte) 0);
                Arrays.fill(emptyAs, null);
            }
        }

        /** The parser is on the column's FIELD_NAME; leaves it on the value's last token. */
        void column(JsonParser p, String column, int index) throws IOException {
            JsonToken value = p.nextToken();
            if (failure == null) {
                try {
                    check(p, value, column, index);
                } catch (RecordCheckException e) {
                    failure = e;
                }
            }
            p.skipChildren();
        }

        /** The parser is on the record's END_OBJECT. */
        void endRecord(int index) {
            if (failure != null) {
                return;
            }
            for (int r = 0; r < requiredCount; r++) {
                if (filled[r] != 2) {
                    failure = new RecordCheckException(check.schema.name(), index,
                            check.schema.required(check.delete).get(r), RecordRule.REQUIRED,
                            check.delete ? "a primary key, which a DELETE record must fill"
                                    : "required, with a non-empty value", filled[r] == 0 ? "missing" : emptyAs[r]);
                    return;
                }
            }
        }

        Result result() {
            return new Result(failure == null ? unknown : Set.of(), failure);
        }

        private void check(JsonParser p, JsonToken value, String column, int index) throws IOException {
            RecordSchema schema = check.schema;
            if (schema.isInternal(column)) {
                throw new RecordCheckException(schema.name(), index, column, RecordRule.INTERNAL_FIELD,
                        "not sent by clients: AWS Supply Chain fills it", describe(p, value));
            }
            ColumnType type = schema.typeOf(column);
            if (type == null) {
                if (check.mode == RecordCheckMode.STRICT) {
                    throw new RecordCheckException(schema.name(), index, column, RecordRule.UNKNOWN_COLUMN,
                            "only the schema's columns with recordCheck=STRICT", describe(p, value));
                }
                unknown.add(column);
                return;
            }
            boolean hasValue = value(p, value, type, index, schema.name(), column);
            int r = schema.requiredIndex(column, check.delete);
            if (r >= 0) {
                if (hasValue) {
                    filled[r] = 2;
                } else if (filled[r] == 0) {
                    filled[r] = 1;
                    emptyAs[r] = describe(p, value);
                }
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
