package io.github.camelawsevents.aws.scn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.camelawsevents.aws.core.BatchLimits;
import io.github.camelawsevents.aws.core.Batches;
import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.core.Json;

/**
 * The records of one message as JSON text: one record (a JSON object) or many (a JSON array of objects, or separate
 * object texts), found with one streaming pass and without building a tree. Knows whether a record carries
 * {@code connection_id}, whether a single object looks like a whole request (CLI input), and how to put the records
 * into the fewest {@code data} texts of at most a given length, in order. Given a {@link RecordCheck}, the same pass
 * checks every record against its schema (see {@link #check(RecordCheck)}).
 * <p>
 * Size rule of a split: a {@code data} text made of records {@code r1..rn} is {@code [r1,...,rn]}, so its length is
 * {@code 2 + len(r1) + ... + len(rn) + (n - 1)}. Records are copied exactly as given (their inner whitespace
 * included); whitespace between array elements is dropped. Text that already fits is sent as it is.
 */
final class DataRecords {

    /** The top-level keys that make an object a request rather than a record (see {@link #isRequestShaped()}). */
    static final String EVENT_TYPE_KEY = "eventType";
    static final String DATA_KEY = "data";

    private static final String SHAPE = "a JSON object (one record) or an array of JSON objects (many records)";

    /** The whole JSON text when the records came as one text; null when they came as separate texts. */
    private final String source;
    /** Start and end (exclusive) of each record in {@link #source}: {@code [s0, e0, s1, e1, ...]}. */
    private final int[] spans;
    /** The records when they came as separate texts; null otherwise. */
    private final List<String> texts;
    private final boolean array;
    private final int connectionIdRecord;
    private final boolean requestShaped;
    /** The check made during the scan, or null. */
    private final RecordCheck check;
    /** What that check found; null without a check. */
    private final RecordCheck.Result checked;

    private DataRecords(String source, int[] spans, List<String> texts, boolean array, int connectionIdRecord,
                        boolean requestShaped, RecordCheck check, RecordCheck.Result checked) {
        this.source = source;
        this.spans = spans;
        this.texts = texts;
        this.array = array;
        this.connectionIdRecord = connectionIdRecord;
        this.requestShaped = requestShaped;
        this.check = check;
        this.checked = checked;
    }

    /**
     * Reads JSON text holding one record (an object) or many (an array of objects).
     *
     * @throws FieldValidationException (field {@code data}) when the text is not well-formed JSON of that shape
     */
    public static DataRecords scan(String text) {
        return scan(text, null);
    }

    /**
     * Reads JSON text holding one record (an object) or many (an array of objects) and, in the same pass, checks
     * every record; what the check found is kept for {@link #check(RecordCheck)}, which throws it (a check failure
     * never hides a malformed text, nor the checks the reader makes before the record check).
     *
     * @param check the record check, or null for none
     * @throws FieldValidationException (field {@code data}) when the text is not well-formed JSON of that shape
     */
    public static DataRecords scan(String text, RecordCheck check) {
        RecordCheck.Pass pass = check != null ? check.pass() : null;
        DataRecords records = scan(text, pass, 0);
        return pass != null ? records.withCheck(check, pass.result()) : records;
    }

    private static DataRecords scan(String text, RecordCheck.Pass pass, int firstIndex) {
        if (text == null || text.isEmpty()) {
            throw FieldValidationException.missing("data", -1);
        }
        Scanner scanner = new Scanner(pass, firstIndex);
        try (JsonParser p = Json.mapper().getFactory().createParser(text)) {
            JsonToken root = p.nextToken();
            if (root == JsonToken.START_OBJECT) {
                scanner.object(p, 0);
            } else if (root == JsonToken.START_ARRAY) {
                JsonToken t;
                int index = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.START_OBJECT) {
                        throw new FieldValidationException("data", "every array element a JSON object (a record)",
                                describe(t), index);
                    }
                    scanner.object(p, index++);
                }
                if (index == 0) {
                    throw new FieldValidationException("data", "at least one record", "an empty array", -1);
                }
            } else {
                throw new FieldValidationException("data", SHAPE, root == null ? "blank text" : describe(root), -1);
            }
            if (p.nextToken() != null) {
                throw new FieldValidationException("data", "exactly one JSON value", "trailing content", -1);
            }
            return new DataRecords(text, scanner.spans(), null, root == JsonToken.START_ARRAY,
                    scanner.connectionIdRecord, root == JsonToken.START_OBJECT && scanner.requestShaped, null, null);
        } catch (JsonProcessingException e) {
            // the parser's limits (nesting, number length) have no location: Json.malformed says which limit
            throw Json.malformed(e, "data", -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Many records given one by one, each as the JSON text of one object; they are sent as a JSON array.
     *
     * @throws FieldValidationException (field {@code data}, with the record's index) when one is not a JSON object
     */
    public static DataRecords ofRecords(List<String> recordTexts) {
        return ofRecords(recordTexts, null);
    }

    /**
     * {@link #ofRecords(List)}, checking every record in the same pass (see {@link #scan(String, RecordCheck)}).
     *
     * @param check the record check, or null for none
     */
    public static DataRecords ofRecords(List<String> recordTexts, RecordCheck check) {
        if (recordTexts.isEmpty()) {
            throw new FieldValidationException("data", "at least one record", "an empty collection", -1);
        }
        List<String> texts = new ArrayList<>(recordTexts.size());
        int connectionIdRecord = -1;
        RecordCheck.Pass pass = check != null ? check.pass() : null;
        for (int i = 0; i < recordTexts.size(); i++) {
            DataRecords one;
            try {
                one = scan(recordTexts.get(i), pass, i);
            } catch (FieldValidationException e) {
                throw new FieldValidationException("data", e.getLimit(), e.getActual(), i);
            }
            if (one.array) {
                throw new FieldValidationException("data", "each element a JSON object (a record)", "a JSON array", i);
            }
            if (one.connectionIdRecord >= 0 && connectionIdRecord < 0) {
                connectionIdRecord = i;
            }
            texts.add(one.record(0));
        }
        return new DataRecords(null, null, texts, true, connectionIdRecord, false, check,
                pass != null ? pass.result() : null);
    }

    private DataRecords withCheck(RecordCheck check, RecordCheck.Result checked) {
        return new DataRecords(source, spans, texts, array, connectionIdRecord, requestShaped, check, checked);
    }

    /**
     * The record check: what the scan found when it was made with this check; otherwise (records read before their
     * target was known, as in {@link ScnEventData}) one scan of the records with it.
     *
     * @return the columns the schema does not know that the records carry (always empty with STRICT)
     * @throws RecordCheckException for the first record that breaks a rule
     */
    public Set<String> check(RecordCheck check) {
        if (check.equals(this.check)) {
            return checked.unknownOrThrow();
        }
        DataRecords again = source != null ? scan(source, check) : ofRecords(texts, check);
        return again.checked.unknownOrThrow();
    }

    /** All records as one JSON text: the source text as given, or the records joined into an array. */
    public String text() {
        return source != null ? source : join(IntStream.range(0, count()).boxed().toList());
    }

    /** How many records. */
    public int count() {
        return texts != null ? texts.size() : spans.length / 2;
    }

    /** Whether the records form an array (many records) rather than one object. */
    public boolean isArray() {
        return array;
    }

    /** The JSON text of record {@code index}. */
    public String record(int index) {
        return texts != null ? texts.get(index) : source.substring(spans[2 * index], spans[2 * index + 1]);
    }

    /** The length of record {@code index}, as {@link ScnConstraints#length(CharSequence)} counts. */
    public int recordLength(int index) {
        return texts != null ? ScnConstraints.length(texts.get(index)) : spans[2 * index + 1] - spans[2 * index];
    }

    /**
     * True for a single object with both an {@code eventType} and a {@code data} key at the top level: the JSON of a
     * whole request (the AWS CLI's {@code --cli-input-json}), not a record. Record columns of AWS Supply Chain
     * datasets match {@code ^[a-z0-9_]+$}, so no record has an {@code eventType} column.
     */
    public boolean isRequestShaped() {
        return requestShaped;
    }

    /**
     * Refuses records with a top-level {@code connection_id}, which the service fills itself for {@code asc}
     * datasets.
     */
    public void checkNoConnectionId() {
        if (connectionIdRecord >= 0) {
            throw new FieldValidationException("data",
                    "no " + ScnConstraints.CONNECTION_ID + " column in records of an asc dataset (the service fills it)",
                    "a record with " + ScnConstraints.CONNECTION_ID, array ? connectionIdRecord : -1);
        }
    }

    /**
     * The {@code data} texts that carry these records, in order, each at most {@code maxLength} long (see the class
     * comment for the size rule). One text when everything fits.
     *
     * @throws FieldValidationException when one record alone cannot fit ({@code maxLength} for a single object,
     *                                  {@code maxLength - 2} for a record in an array)
     */
    public List<String> eventData(int maxLength) {
        return events(maxLength).stream().map(EventData::data).toList();
    }

    /** The data of one event and how many records it holds. */
    public record EventData(String data, int records) {
    }

    /** {@link #eventData(int)} with each text's record count. */
    public List<EventData> events(int maxLength) {
        if (source != null && ScnConstraints.length(source) <= maxLength) {
            return List.of(new EventData(source, count()));
        }
        if (!array) {
            // one object with surrounding whitespace, or over the limit
            if (recordLength(0) <= maxLength) {
                return List.of(new EventData(record(0), 1));
            }
            throw new FieldValidationException("data", "at most " + maxLength + " characters for one record",
                    recordLength(0) + " characters", -1);
        }
        BatchLimits limits = new BatchLimits(Integer.MAX_VALUE, maxLength, 2, 1);
        for (int i = 0; i < count(); i++) {
            if (recordLength(i) > limits.maxItemSize()) {
                throw new FieldValidationException("data",
                        "at most " + limits.maxItemSize() + " characters for one record in an array (" + maxLength
                                                   + " with the brackets)",
                        recordLength(i) + " characters", i);
            }
        }
        List<Integer> indexes = IntStream.range(0, count()).boxed().toList();
        List<List<Integer>> batches = Batches.split(indexes, this::recordLength, limits);
        List<EventData> data = new ArrayList<>(batches.size());
        for (List<Integer> batch : batches) {
            data.add(new EventData(join(batch), batch.size()));
        }
        return data;
    }

    private String join(List<Integer> batch) {
        int size = 2 + batch.size() - 1;
        for (int i : batch) {
            size += recordLength(i);
        }
        StringBuilder sb = new StringBuilder(size).append('[');
        for (int k = 0; k < batch.size(); k++) {
            int i = batch.get(k);
            if (k > 0) {
                sb.append(',');
            }
            if (texts != null) {
                sb.append(texts.get(i));
            } else {
                sb.append(source, spans[2 * i], spans[2 * i + 1]);
            }
        }
        return sb.append(']').toString();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a JSON array";
            case VALUE_STRING -> "a JSON string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
            case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
            case VALUE_NULL -> "JSON null";
            default -> "JSON " + token;
        };
    }

    /** Collects record spans and key facts while the parser walks the text. */
    private static final class Scanner {
        /** The record check's pass, or null. */
        private final RecordCheck.Pass pass;
        /** The index of the text's first record among the message's records. */
        private final int firstIndex;
        private int[] spans = new int[16];
        private int size;
        private int connectionIdRecord = -1;
        private boolean requestShaped;

        Scanner(RecordCheck.Pass pass, int firstIndex) {
            this.pass = pass;
            this.firstIndex = firstIndex;
        }

        /** Called on START_OBJECT of record {@code index}; leaves the parser on its END_OBJECT. */
        void object(JsonParser p, int index) throws IOException {
            int start = (int) p.currentTokenLocation().getCharOffset();
            boolean hasEventType = false;
            boolean hasData = false;
            if (pass != null) {
                pass.startRecord();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (ScnConstraints.CONNECTION_ID.equals(name) && connectionIdRecord < 0) {
                    connectionIdRecord = index;
                } else if (EVENT_TYPE_KEY.equals(name)) {
                    hasEventType = true;
                } else if (DATA_KEY.equals(name)) {
                    hasData = true;
                }
                if (pass != null) {
                    pass.column(p, name, firstIndex + index);
                } else {
                    p.nextToken();
                    p.skipChildren();
                }
            }
            if (pass != null) {
                pass.endRecord(firstIndex + index);
            }
            int end = (int) p.currentTokenLocation().getCharOffset() + 1;
            requestShaped = hasEventType && hasData;
            if (size + 2 > spans.length) {
                spans = Arrays.copyOf(spans, spans.length * 2);
            }
            spans[size++] = start;
            spans[size++] = end;
        }

        int[] spans() {
            return Arrays.copyOf(spans, size);
        }
    }
}
