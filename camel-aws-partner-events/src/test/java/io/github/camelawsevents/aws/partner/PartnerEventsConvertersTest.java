package io.github.camelawsevents.aws.partner;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.Json;
import org.apache.camel.CamelContext;
import org.apache.camel.TypeConversionException;
import org.apache.camel.TypeConverter;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The converters as a route uses them: through the CamelContext's type converter, loaded by the generated loader. */
class PartnerEventsConvertersTest {

    /** The example of the CLI page, one entry. */
    private static final String CLI_ENTRY = """
            {
              "Time": 1714558530,
              "Source": "aws.partner/example.com/orders/created",
              "Resources": ["arn:aws:s3:::bucket-a", "arn:aws:s3:::bucket-b"],
              "DetailType": "OrderCreated",
              "Detail": "{\\"orderId\\":\\"o-1\\"}"
            }""";

    private static CamelContext context;
    private static TypeConverter converter;

    /** A record type as users would send. */
    public record Order(String orderId, int quantity) {
    }

    @BeforeAll
    static void start() {
        context = new DefaultCamelContext();
        context.start();
        converter = context.getTypeConverter();
    }

    @AfterAll
    static void stop() throws Exception {
        context.close();
    }

    @Test
    void cliEntryJsonBecomesAnEntryWithEveryMember() throws Exception {
        PutPartnerEventsRequestEntry entry = converter.convertTo(PutPartnerEventsRequestEntry.class, CLI_ENTRY);
        assertThat(entry.time()).isEqualTo(Instant.ofEpochSecond(1714558530));
        assertThat(entry.source()).isEqualTo("aws.partner/example.com/orders/created");
        assertThat(entry.resources()).containsExactly("arn:aws:s3:::bucket-a", "arn:aws:s3:::bucket-b");
        assertThat(entry.detailType()).isEqualTo("OrderCreated");
        assertThat(entry.detail()).isEqualTo("{\"orderId\":\"o-1\"}");
    }

    @Test
    void cliEntriesArrayBecomesAListInOrder() throws Exception {
        String json = "[" + CLI_ENTRY + ", {\"Source\":\"aws.partner/example.com/orders/created\","
                      + "\"DetailType\":\"Second\",\"Detail\":\"{}\",\"Time\":\"2024-05-01T10:15:30.5Z\"}]";
        @SuppressWarnings("unchecked")
        List<PutPartnerEventsRequestEntry> entries = converter.convertTo(List.class, json);
        assertThat(entries).extracting(PutPartnerEventsRequestEntry::detailType).containsExactly("OrderCreated", "Second");
        assertThat(entries.get(1).time()).isEqualTo(Instant.parse("2024-05-01T10:15:30.5Z"));
        assertThat(entries.get(1).hasResources()).isFalse();

        PutPartnerEventsRequestEntry[] array = converter.convertTo(PutPartnerEventsRequestEntry[].class, json);
        assertThat(array).containsExactlyElementsOf(entries);
        @SuppressWarnings("unchecked")
        List<PutPartnerEventsRequestEntry> fromBytes = converter.convertTo(List.class,
                json.getBytes(StandardCharsets.UTF_8));
        assertThat(fromBytes).isEqualTo(entries);
    }

    @Test
    void timeTakesEpochSecondsWithFractionsAndIsoTextAsTheCliDoes() throws Exception {
        assertThat(time("1714558530.25")).isEqualTo(Instant.ofEpochSecond(1714558530, 250_000_000));
        assertThat(time("\"1714558530\"")).isEqualTo(Instant.ofEpochSecond(1714558530));
        assertThat(time("\"2024-05-01T12:15:30+02:00\"")).isEqualTo(Instant.parse("2024-05-01T10:15:30Z"));
        assertThatThrownBy(() -> time("\"next tuesday\""))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("Time");
    }

    private static Instant time(String jsonValue) throws Exception {
        return converter.mandatoryConvertTo(PutPartnerEventsRequestEntry.class,
                "{\"Time\":" + jsonValue + ",\"Detail\":\"{}\"}").time();
    }

    @Test
    void aDetailGivenAsAnObjectIsWrittenAsJsonText() throws Exception {
        PutPartnerEventsRequestEntry entry = converter.convertTo(PutPartnerEventsRequestEntry.class,
                "{\"Detail\":{\"orderId\":\"o-1\"}}");
        assertThat(entry.detail()).isEqualTo("{\"orderId\":\"o-1\"}");
    }

    @Test
    void entryShapedMapsBecomeEntries() throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Source", "aws.partner/example.com/orders/created");
        map.put("DetailType", "OrderCreated");
        map.put("Detail", Map.of("orderId", "o-1"));
        map.put("Resources", List.of("arn:aws:s3:::a"));
        map.put("Time", Instant.parse("2024-05-01T10:15:30Z"));
        PutPartnerEventsRequestEntry entry = converter.convertTo(PutPartnerEventsRequestEntry.class, map);
        assertThat(entry.detail()).isEqualTo("{\"orderId\":\"o-1\"}");
        assertThat(entry.resources()).containsExactly("arn:aws:s3:::a");
        assertThat(entry.time()).isEqualTo(Instant.parse("2024-05-01T10:15:30Z"));

        map.put("Time", 1714558530);
        assertThat(converter.convertTo(PutPartnerEventsRequestEntry.class, map).time())
                .as("a number is epoch seconds, as in the CLI JSON").isEqualTo(Instant.ofEpochSecond(1714558530));

        PutPartnerEventsRequestEntry[] array = converter.convertTo(PutPartnerEventsRequestEntry[].class,
                List.of(map, CLI_ENTRY));
        assertThat(array).hasSize(2);
        assertThat(array[1].detailType()).isEqualTo("OrderCreated");
    }

    @Test
    void anUnknownKeyIsRefusedNamingIt() throws Exception {
        assertThatThrownBy(() -> converter.mandatoryConvertTo(PutPartnerEventsRequestEntry.class,
                "{\"Detail\":\"{}\",\"EventBusName\":\"x\"}"))
                .isInstanceOf(TypeConversionException.class)
                .hasStackTraceContaining("EventBusName");
        assertThatThrownBy(() -> converter.mandatoryConvertTo(PutPartnerEventsRequestEntry.class,
                Map.of("detail", "{}")))
                .hasStackTraceContaining("'detail'");
    }

    @Test
    void textThatIsNotCliEntriesFailsToConvertToAListAndTheNextConversionStillWorks() throws Exception {
        for (String notEntries : List.of("{\"orderId\":\"o-1\"}", "not json at all", "[1,2]")) {
            assertThatThrownBy(() -> converter.mandatoryConvertTo(List.class, notEntries))
                    .as(notEntries).isInstanceOf(TypeConversionException.class);
        }
        // Camel caches conversions per pair of types: a failure must not turn String -> List into a miss
        @SuppressWarnings("unchecked")
        List<PutPartnerEventsRequestEntry> entries = converter.convertTo(List.class, CLI_ENTRY);
        assertThat(entries).singleElement().satisfies(e -> assertThat(e.detailType()).isEqualTo("OrderCreated"));
    }

    @Test
    void camelsOwnConversionsToListAreUntouched() throws Exception {
        JsonNode array = Json.mapper().readTree("[1,2]");
        assertThat(converter.convertTo(List.class, array)).hasSize(2);
        assertThat(converter.convertTo(List.class, java.util.Set.of("a"))).containsExactly("a");
    }

    @Test
    void jsonNodesOfEntriesBecomeAnEntryArray() throws Exception {
        JsonNode node = Json.mapper().readTree("[" + CLI_ENTRY + "]");
        assertThat(converter.convertTo(PutPartnerEventsRequestEntry[].class, node)).singleElement()
                .satisfies(e -> assertThat(e.source()).isEqualTo("aws.partner/example.com/orders/created"));
    }

    @Test
    void aStreamOfOneCliEntryBecomesAnEntry() throws Exception {
        PutPartnerEventsRequestEntry fromStream = converter.convertTo(PutPartnerEventsRequestEntry.class,
                new ByteArrayInputStream(CLI_ENTRY.getBytes(StandardCharsets.UTF_8)));
        assertThat(fromStream.detailType()).isEqualTo("OrderCreated");
    }

    @Test
    void recordsBecomeTheDetailJsonText() throws Exception {
        assertThat(converter.convertTo(PartnerEventDetail.class, Map.of("orderId", "o-1")).json())
                .isEqualTo("{\"orderId\":\"o-1\"}");
        assertThat(Json.mapper().readTree(converter.convertTo(PartnerEventDetail.class, new Order("o-2", 3)).json()))
                .isEqualTo(Json.mapper().readTree("{\"orderId\":\"o-2\",\"quantity\":3}"));
        JsonNode node = Json.mapper().readTree("{\"a\":1}");
        assertThat(converter.convertTo(PartnerEventDetail.class, node).json()).isEqualTo("{\"a\":1}");
        assertThat(converter.convertTo(PartnerEventDetail.class, "{\"a\":1}").json())
                .as("text is JSON text already").isEqualTo("{\"a\":1}");
        PartnerEventDetail detail = new PartnerEventDetail("{\"b\":2}");
        assertThat(converter.convertTo(String.class, detail)).isEqualTo("{\"b\":2}");
        assertThat(converter.convertTo(byte[].class, detail)).isEqualTo("{\"b\":2}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void mapsStillConvertToStringAsCamelDoesWithoutThisComponent() throws Exception {
        assertThat(converter.convertTo(String.class, Map.of("a", 1))).isEqualTo("{a=1}");
    }
}
