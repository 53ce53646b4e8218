package io.github.camelawsevents.aws.partner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.Json;
import org.apache.camel.Converter;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

/**
 * Type converters of the {@code aws-partner-events} component.
 * <ul>
 * <li>The AWS CLI's {@code --entries} JSON (one entry object or an array; keys Time, Source, Resources, DetailType,
 * Detail) and Maps with the same keys, to {@link PutPartnerEventsRequestEntry},
 * {@code List<PutPartnerEventsRequestEntry>} and {@code PutPartnerEventsRequestEntry[]}.</li>
 * <li>Records (Map, POJO, {@code JsonNode}, or JSON text) to {@link PartnerEventDetail}, the Detail JSON text, and that
 * to String.</li>
 * </ul>
 * Every converter either converts or fails with a message naming what it expected (e.g. the unknown key); none answers
 * "no conversion" for some values of a type and converts others, as Camel caches conversions per pair of types. The
 * only {@code List} conversions are from String and byte[] (text that must be CLI entries JSON); JsonNode, Map and
 * Collection bodies convert to {@code PutPartnerEventsRequestEntry[]} instead, so Camel's own Iterable/Collection to
 * List conversions stay as they are.
 */
@Converter(generateLoader = true)
public final class PartnerEventsConverters {

    private PartnerEventsConverters() {
    }

    @Converter
    public static PutPartnerEventsRequestEntry toEntry(String json) {
        return CliEntries.single(Json.parse(json, "entries", -1));
    }

    @Converter
    public static PutPartnerEventsRequestEntry toEntry(byte[] json) {
        return toEntry(Json.utf8(json, "entries", -1));
    }

    @Converter
    public static PutPartnerEventsRequestEntry toEntry(InputStream json) throws IOException {
        return toEntry(Json.utf8(json.readAllBytes(), "entries", -1));
    }

    @Converter
    public static PutPartnerEventsRequestEntry toEntry(JsonNode json) {
        return CliEntries.single(json);
    }

    @Converter
    public static PutPartnerEventsRequestEntry toEntry(Map<?, ?> entry) {
        return CliEntries.entry(entry, -1);
    }

    /**
     * CLI entries JSON (one entry object or an array of them) to entries. Text of another shape fails to convert
     * with a message naming the expected shape: never a null "no conversion", because Camel (4.22 and later) then
     * remembers the String-to-List pair as a miss for the whole CamelContext.
     */
    @Converter
    public static List<PutPartnerEventsRequestEntry> toEntries(String json) {
        return CliEntries.entries(Json.parse(json, "entries", -1));
    }

    /** CLI entries JSON in UTF-8 to entries; see {@link #toEntries(String)}. */
    @Converter
    public static List<PutPartnerEventsRequestEntry> toEntries(byte[] json) {
        return toEntries(Json.utf8(json, "entries", -1));
    }

    @Converter
    public static PutPartnerEventsRequestEntry[] toEntryArray(String json) {
        return CliEntries.entries(Json.parse(json, "entries", -1)).toArray(PutPartnerEventsRequestEntry[]::new);
    }

    @Converter
    public static PutPartnerEventsRequestEntry[] toEntryArray(byte[] json) {
        return toEntryArray(Json.utf8(json, "entries", -1));
    }

    @Converter
    public static PutPartnerEventsRequestEntry[] toEntryArray(JsonNode json) {
        return CliEntries.entries(json).toArray(PutPartnerEventsRequestEntry[]::new);
    }

    /** A collection of entry Maps, entry JSON objects or text, or entries, to entries. */
    @Converter
    public static PutPartnerEventsRequestEntry[] toEntryArray(Collection<?> entries) {
        return CliEntries.entries(entries).toArray(PutPartnerEventsRequestEntry[]::new);
    }

    /**
     * Any record to the Detail JSON text: text (String, byte[], InputStream) is taken as JSON text as it is; a Map,
     * POJO, record or {@code JsonNode} is written as JSON.
     */
    @Converter
    public static PartnerEventDetail toDetail(Object record) {
        if (record instanceof PartnerEventDetail detail) {
            return detail;
        }
        return new PartnerEventDetail(Json.toJsonText(record, "Detail", -1));
    }

    @Converter
    public static String toString(PartnerEventDetail detail) {
        return detail.json();
    }

    @Converter
    public static byte[] toBytes(PartnerEventDetail detail) {
        return detail.json().getBytes(StandardCharsets.UTF_8);
    }
}
