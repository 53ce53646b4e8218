package io.github.camelawsevents.aws.scn;

import java.util.Objects;

/**
 * The {@code data} of Supply Chain events: records as checked JSON text (one object, or an array of objects). What
 * the type converters turn records (Map, POJO, {@code JsonNode}, Collection, JSON text) into; a body of this type is
 * sent like the records it holds. {@link #json()} (and the type converter to String) gives the JSON text;
 * {@link #toString()} does not, as the API marks {@code data} sensitive and bodies end up in logs.
 */
public final class ScnEventData {

    private final DataRecords records;

    ScnEventData(DataRecords records) {
        this.records = Objects.requireNonNull(records);
    }

    /** Records from JSON text of one object or an array of objects. */
    public static ScnEventData of(String json) {
        return new ScnEventData(DataRecords.scan(json));
    }

    /** The JSON text: one object, or an array when there are several records. */
    public String json() {
        return records.text();
    }

    /** How many records. */
    public int recordCount() {
        return records.count();
    }

    DataRecords records() {
        return records;
    }

    @Override
    public String toString() {
        return "ScnEventData[records=" + records.count() + "]";
    }
}
