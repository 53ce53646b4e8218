package io.github.camelawsevents.aws.scn;

import io.github.camelawsevents.aws.core.FieldValidationException;

/**
 * A record that does not fit its target's schema, found before anything was sent: which record (its index in the
 * message), which column, which rule, and the JSON type of the value (never the value: records are payload).
 */
public class RecordCheckException extends FieldValidationException {

    private static final long serialVersionUID = 1L;

    private final String schema;
    private final String column;
    private final RecordRule rule;
    private final String valueType;

    public RecordCheckException(String schema, int index, String column, RecordRule rule, String expected,
                                String valueType) {
        super("data", "record for " + schema + ", column " + column + " breaks rule " + rule + " (" + expected + ")",
                valueType, index);
        this.schema = schema;
        this.column = column;
        this.rule = rule;
        this.valueType = valueType;
    }

    /** The schema the record was checked against: an event type, or a dataset ARN. */
    public String getSchema() {
        return schema;
    }

    /** The column at fault. */
    public String getColumn() {
        return column;
    }

    /** The rule the record broke. */
    public RecordRule getRule() {
        return rule;
    }

    /** What the record held in the column, as a JSON type ("a JSON number", "missing", ...). */
    public String getValueType() {
        return valueType;
    }
}
