package io.github.camelawsevents.aws.scn;

/** The column types of an AWS Supply Chain dataset schema ({@code DataLakeDatasetSchemaFieldType}). */
public enum ColumnType {
    STRING("a JSON string"),
    INT("a JSON integer or a string of one, within 32 bits"),
    LONG("a JSON integer or a string of one, within 64 bits"),
    DOUBLE("a JSON number or a string of a number"),
    TIMESTAMP("ISO-8601 text (2024-01-31T08:15:00Z, with an offset, a local date-time or a date), yyyy-MM-dd HH:mm:ss,"
              + " or epoch milliseconds (a JSON integer or a string of digits)");

    private final String accepts;

    ColumnType(String accepts) {
        this.accepts = accepts;
    }

    /** What a record may carry in a column of this type. */
    public String accepts() {
        return accepts;
    }

    /** The type of a schema field as the service names it, or null when this client does not know the name. */
    static ColumnType ofServiceName(String name) {
        if (name == null) {
            return null;
        }
        for (ColumnType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
