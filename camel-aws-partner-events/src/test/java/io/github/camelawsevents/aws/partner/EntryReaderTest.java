package io.github.camelawsevents.aws.partner;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.core.Json;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryReaderTest {

    private static final String OPTION_SOURCE = "aws.partner/example.com/orders/created";
    private static final CamelContext CONTEXT = new DefaultCamelContext();

    private final EntryReader reader = new EntryReader(OPTION_SOURCE, "OptionType",
            List.of("arn:aws:s3:::option"), EntryRules.requestLimits(20, 262_144));

    /** A record type as users would send. */
    public record Order(String orderId, int quantity) {
    }

    @AfterAll
    static void close() throws Exception {
        CONTEXT.close();
    }

    private static Message message(Object body) {
        Message message = new DefaultExchange(CONTEXT).getMessage();
        message.setBody(body);
        return message;
    }

    private PutPartnerEventsRequestEntry single(Message message) {
        EntryReader.Entries entries = reader.read(message);
        assertThat(entries.entries()).hasSize(1);
        return entries.entries().get(0);
    }

    @Test
    void aStringBodyIsTheDetailAsItIsWithoutReserialising() {
        String body = "{ \"orderId\" : \"o-1\" }";
        PutPartnerEventsRequestEntry entry = single(message(body));
        assertThat(entry.detail()).isSameAs(body);
        assertThat(entry.source()).isEqualTo(OPTION_SOURCE);
        assertThat(entry.detailType()).isEqualTo("OptionType");
        assertThat(entry.resources()).containsExactly("arn:aws:s3:::option");
        assertThat(entry.time()).isNull();
    }

    @Test
    void bytesAndStreamsAreUtf8JsonText() {
        String json = "{\"name\":\"Müller 😀\"}";
        assertThat(single(message(json.getBytes(StandardCharsets.UTF_8))).detail()).isEqualTo(json);
        assertThat(single(message(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))).detail())
                .isEqualTo(json);
    }

    @Test
    void mapsPojosAndJsonNodesAreWrittenAsJson() throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("orderId", "o-1");
        map.put("quantity", 2);
        assertThat(Json.mapper().readTree(single(message(map)).detail()))
                .isEqualTo(Json.mapper().readTree("{\"orderId\":\"o-1\",\"quantity\":2}"));
        assertThat(Json.mapper().readTree(single(message(new Order("o-2", 3))).detail()))
                .isEqualTo(Json.mapper().readTree("{\"orderId\":\"o-2\",\"quantity\":3}"));
        JsonNode node = Json.mapper().readTree("{\"a\":[1,2,{\"b\":null}]}");
        assertThat(Json.mapper().readTree(single(message(node)).detail())).isEqualTo(node);
        assertThat(single(message(new PartnerEventDetail("{\"x\":1}"))).detail()).isEqualTo("{\"x\":1}");
    }

    @Test
    void aCompleteEntryIsSentAsItIs() {
        PutPartnerEventsRequestEntry entry = PutPartnerEventsRequestEntry.builder()
                .source("aws.partner/example.com/other").detailType("Own").detail("{}")
                .resources(List.of()).time(Instant.EPOCH).build();
        assertThat(single(message(entry))).isSameAs(entry);
    }

    @Test
    void anEntryKeepsWhatItHasAndTakesTheRestFromHeadersThenOptions() {
        PutPartnerEventsRequestEntry entry = PutPartnerEventsRequestEntry.builder()
                .detailType("EntryType").detail("{}").build();
        Message message = message(entry);
        message.setHeader(AwsPartnerEventsConstants.DETAIL_TYPE, "HeaderType");
        message.setHeader(AwsPartnerEventsConstants.RESOURCES, "arn:aws:s3:::h1, arn:aws:s3:::h2");
        PutPartnerEventsRequestEntry read = single(message);
        assertThat(read.detailType()).isEqualTo("EntryType");
        assertThat(read.source()).isEqualTo(OPTION_SOURCE);
        assertThat(read.resources()).containsExactly("arn:aws:s3:::h1", "arn:aws:s3:::h2");
    }

    @Test
    void headersOverrideOptions() {
        Message message = message("{}");
        message.setHeader(AwsPartnerEventsConstants.SOURCE, "aws.partner/example.com/header");
        message.setHeader(AwsPartnerEventsConstants.DETAIL_TYPE, "HeaderType");
        message.setHeader(AwsPartnerEventsConstants.RESOURCES, List.of("arn:aws:s3:::list"));
        message.setHeader(AwsPartnerEventsConstants.TIME, Instant.parse("2024-05-01T10:15:30Z"));
        PutPartnerEventsRequestEntry entry = single(message);
        assertThat(entry.source()).isEqualTo("aws.partner/example.com/header");
        assertThat(entry.detailType()).isEqualTo("HeaderType");
        assertThat(entry.resources()).containsExactly("arn:aws:s3:::list");
        assertThat(entry.time()).isEqualTo(Instant.parse("2024-05-01T10:15:30Z"));
    }

    @Test
    void eachHeaderIsReadOnItsOwnAmongOtherHeadersInAnyCase() throws Exception {
        // the reader skips its look-ups when no header name starts with its prefix (in Camel's sorted header map, which
        // a started context makes on Camel 4.18): each header alone, in another case, among headers that sort around
        // it, is read
        CamelContext started = new DefaultCamelContext();
        started.start();
        java.util.function.Function<Object, Message> messageOf = body -> {
            Message made = new DefaultExchange(started).getIn();
            made.setBody(body);
            return made;
        };
        for (String header : List.of(AwsPartnerEventsConstants.SOURCE, AwsPartnerEventsConstants.DETAIL_TYPE,
                AwsPartnerEventsConstants.RESOURCES, AwsPartnerEventsConstants.TIME)) {
            assertThat(header).startsWith(EntryReader.HEADER_PREFIX);
            Message message = messageOf.apply("{}");
            message.setHeader("CamelAwsPartner", "before");
            message.setHeader("CamelAwsScnEventClientToken", "after");
            message.setHeader("kafka.KEY", "k");
            Object value = header.equals(AwsPartnerEventsConstants.SOURCE) ? "aws.partner/example.com/header"
                    : header.equals(AwsPartnerEventsConstants.DETAIL_TYPE) ? "HeaderType"
                    : header.equals(AwsPartnerEventsConstants.RESOURCES) ? "arn:aws:s3:::h"
                    : Instant.parse("2024-05-01T10:15:30Z");
            message.setHeader(header.toLowerCase(java.util.Locale.ROOT), value);
            PutPartnerEventsRequestEntry entry = single(message);
            assertThat(List.of(entry.source(), entry.detailType(), entry.resources(), String.valueOf(entry.time())))
                    .as("header %s", header)
                    .contains(value instanceof Instant ? value.toString()
                            : header.equals(AwsPartnerEventsConstants.RESOURCES) ? List.of(value) : value);
        }
        Message none = messageOf.apply("{}");
        none.setHeader("CamelAwsPartner", "before");
        PutPartnerEventsRequestEntry entry = single(none);
        assertThat(entry.source()).isEqualTo(OPTION_SOURCE);
        assertThat(entry.detailType()).isEqualTo("OptionType");
        assertThat(entry.resources()).containsExactly("arn:aws:s3:::option");
        assertThat(entry.time()).isNull();
        started.close();
    }

    @Test
    void anEntrysOwnEmptyResourcesWinOverHeaderAndOption() {
        PutPartnerEventsRequestEntry entry = PutPartnerEventsRequestEntry.builder().detail("{}")
                .resources(List.of()).build();
        Message message = message(entry);
        message.setHeader(AwsPartnerEventsConstants.RESOURCES, "arn:aws:s3:::h");
        assertThat(single(message).resources()).isEmpty();
    }

    @Test
    void theTimeHeaderTakesInstantsDatesEpochMillisAndIsoText() {
        Instant t = Instant.parse("2024-05-01T10:15:30.123Z");
        for (Object value : List.of(t, Date.from(t), t.toEpochMilli(), "2024-05-01T12:15:30.123+02:00",
                OffsetDateTime.parse("2024-05-01T10:15:30.123Z"))) {
            Message message = message("{}");
            message.setHeader(AwsPartnerEventsConstants.TIME, value);
            assertThat(single(message).time()).as("from %s", value.getClass()).isEqualTo(t);
        }
    }

    @Test
    void aTimeHeaderOfAnotherTypeIsRefusedNamingTheHeader() {
        Message message = message("{}");
        message.setHeader(AwsPartnerEventsConstants.TIME, new Object());
        assertThatThrownBy(() -> reader.read(message))
                .isInstanceOf(FieldValidationException.class)
                .hasMessageContaining(AwsPartnerEventsConstants.TIME);
        message.setHeader(AwsPartnerEventsConstants.TIME, "yesterday");
        assertThatThrownBy(() -> reader.read(message)).hasMessageContaining("ISO-8601");
    }

    @Test
    void aCollectionIsABatchInInputOrderOfAnyElementTypes() {
        List<Object> body = new ArrayList<>();
        body.add("{\"i\":0}");
        body.add(Map.of("i", 1));
        body.add(PutPartnerEventsRequestEntry.builder().detail("{\"i\":2}").detailType("Own").build());
        body.add("{\"i\":3}".getBytes(StandardCharsets.UTF_8));
        EntryReader.Entries entries = reader.read(message(body));
        assertThat(entries.entries()).extracting(PutPartnerEventsRequestEntry::detail)
                .containsExactly("{\"i\":0}", "{\"i\":1}", "{\"i\":2}", "{\"i\":3}");
        assertThat(entries.entries()).extracting(PutPartnerEventsRequestEntry::detailType)
                .containsExactly("OptionType", "OptionType", "Own", "OptionType");
        assertThat(entries.sizes()).containsExactly(
                Arrays.stream(entries.entries().toArray(PutPartnerEventsRequestEntry[]::new))
                        .mapToLong(EntrySizer::sizeOf).toArray());
        assertThat(entries.totalSize()).isEqualTo(Arrays.stream(entries.sizes()).sum());
    }

    @Test
    void setsArraysAndWholeRequestsAreBatchesToo() {
        assertThat(reader.read(message(Set.of("{}"))).size()).isEqualTo(1);
        assertThat(reader.read(message(new Object[] { "{}", "{}" })).size()).isEqualTo(2);
        PutPartnerEventsRequest request = PutPartnerEventsRequest.builder()
                .entries(PutPartnerEventsRequestEntry.builder().detail("{}").build(),
                        PutPartnerEventsRequestEntry.builder().detail("{\"b\":1}").build())
                .build();
        assertThat(reader.read(message(request)).entries()).extracting(PutPartnerEventsRequestEntry::detail)
                .containsExactly("{}", "{\"b\":1}");
        assertThat(reader.read(message(List.of())).size()).isZero();
    }

    @Test
    void aMissingDetailIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> reader.read(message(null)))
                .isInstanceOf(FieldValidationException.class)
                .hasMessage("Invalid Detail (entry 0): required, got missing");
        assertThatThrownBy(() -> reader.read(message(Arrays.asList("{}", null))))
                .hasMessage("Invalid Detail (entry 1): required, got missing");
    }

    @Test
    void theFirstInvalidEntryIsReported() {
        List<String> body = List.of("{}", "{}", "{oops", "[]");
        assertThatThrownBy(() -> reader.read(message(body)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getField()).isEqualTo("Detail");
                });
    }

    @Test
    void noSourceOrDetailTypeAnywhereIsRefused() {
        EntryReader bare = new EntryReader(null, null, null, EntryRules.requestLimits(20, 262_144));
        assertThatThrownBy(() -> bare.read(message("{}"))).hasMessageContaining("Source");
        Message withSource = message("{}");
        withSource.setHeader(AwsPartnerEventsConstants.SOURCE, OPTION_SOURCE);
        assertThatThrownBy(() -> bare.read(withSource)).hasMessageContaining("DetailType");
    }

    @Test
    void aBadSourceHeaderIsRefused() {
        Message message = message("{}");
        message.setHeader(AwsPartnerEventsConstants.SOURCE, "com.example/orders");
        assertThatThrownBy(() -> reader.read(message)).hasMessageContaining("Invalid Source (entry 0)");
    }

    @Test
    void aBodyJacksonCannotWriteIsRefusedAsDetail() {
        assertThatThrownBy(() -> reader.read(message(new Object() {
            @SuppressWarnings("unused")
            public Object getSelf() {
                return this;
            }
        }))).isInstanceOf(FieldValidationException.class).hasMessageContaining("Detail");
    }
}
