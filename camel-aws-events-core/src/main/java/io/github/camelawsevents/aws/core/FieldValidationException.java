package io.github.camelawsevents.aws.core;

/**
 * Input that the AWS API would reject (or that could never be sent), found before any request left the process. The
 * message names the field, the limit and the actual value's size; the fields are also available one by one.
 */
public class FieldValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String limit;
    private final String actual;
    private final int index;

    /**
     * @param field  the API member or option at fault, e.g. {@code DetailType}
     * @param limit  what the API allows, e.g. {@code at most 128 characters}; may be null
     * @param actual what was given, e.g. {@code 130 characters}; never the value itself when it may be sensitive
     * @param index  position of the entry/record in the message body, or -1 when the whole message is at fault
     */
    public FieldValidationException(String field, String limit, String actual, int index) {
        super(buildMessage(field, limit, actual, index));
        this.field = field;
        this.limit = limit;
        this.actual = actual;
        this.index = index;
    }

    public static FieldValidationException missing(String field, int index) {
        return new FieldValidationException(field, "required", "missing", index);
    }

    public static FieldValidationException tooLong(String field, long max, long actual, String unit, int index) {
        return new FieldValidationException(field, "at most " + max + " " + unit, actual + " " + unit, index);
    }

    /** The API member or option at fault. */
    public String getField() {
        return field;
    }

    /** What the API allows. */
    public String getLimit() {
        return limit;
    }

    /** What was given (a size or a short description, never a payload). */
    public String getActual() {
        return actual;
    }

    /** Position of the offending entry in the message body, or -1. */
    public int getIndex() {
        return index;
    }

    private static String buildMessage(String field, String limit, String actual, int index) {
        StringBuilder sb = new StringBuilder("Invalid ").append(field);
        if (index >= 0) {
            sb.append(" (entry ").append(index).append(')');
        }
        sb.append(": ");
        if (limit != null) {
            sb.append(limit).append(", ");
        }
        sb.append("got ").append(actual);
        return sb.toString();
    }
}
