package io.github.camelawsevents.aws.partner;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.Json;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.PartnerEvent;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

import static org.assertj.core.api.Assertions.assertThat;

class BodyTypesRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    /** A record type as users would send. */
    public record Order(String orderId, int quantity) {
    }

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(URI);
                from("direct:cli").convertBodyTo(List.class).to(URI);
            }
        };
    }

    /** Sends one body, checks the one event the emulator stored, and returns it. */
    private PartnerEvent sendOne(Object body) {
        Exchange exchange = template.send("direct:send", e -> e.getMessage().setBody(body));
        assertThat(exchange.getException()).isNull();
        String eventId = exchange.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_ID, String.class);
        assertThat(eventId).isNotBlank();
        assertThat(exchange.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS, List.class))
                .containsExactly(eventId);
        assertThat(exchange.getMessage().getHeader(AwsPartnerEventsConstants.FAILED_ENTRY_COUNT, Integer.class))
                .isZero();
        List<PartnerEvent> events = emulator().partnerEvents().events();
        assertThat(events).hasSize(1);
        PartnerEvent event = events.get(0);
        assertThat(event.eventId()).isEqualTo(eventId);
        assertThat(event.source()).isEqualTo(SOURCE);
        assertThat(event.detailType()).isEqualTo("OrderCreated");
        return event;
    }

    private static JsonNode tree(String json) {
        return Json.parse(json, "json", -1);
    }

    @Test
    void stringBodyIsSentAsTheDetailVerbatim() {
        String json = "{ \"orderId\" : \"o-1\",  \"lines\": [1, 2] }";
        assertThat(sendOne(json).detail()).isEqualTo(json);
    }

    @Test
    void byteArrayBodyIsUtf8JsonText() {
        String json = "{\"customer\":\"Zoë Ωmega 😀\"}";
        assertThat(sendOne(json.getBytes(StandardCharsets.UTF_8)).detail()).isEqualTo(json);
    }

    @Test
    void inputStreamBodyIsUtf8JsonText() {
        String json = "{\"city\":\"Köln\"}";
        assertThat(sendOne(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))).detail()).isEqualTo(json);
    }

    @Test
    void mapBodyIsWrittenAsJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("orderId", "o-3");
        map.put("total", 12.5);
        assertThat(tree(sendOne(map).detail())).isEqualTo(tree("{\"orderId\":\"o-3\",\"total\":12.5}"));
    }

    @Test
    void pojoBodyIsWrittenAsJson() {
        assertThat(tree(sendOne(new Order("o-4", 7)).detail())).isEqualTo(tree("{\"orderId\":\"o-4\",\"quantity\":7}"));
    }

    @Test
    void jsonNodeBodyIsWrittenAsJson() {
        JsonNode node = tree("{\"nested\":{\"a\":[true,null]}}");
        assertThat(tree(sendOne(node).detail())).isEqualTo(node);
    }

    @Test
    void entryBodyKeepsItsOwnMembers() {
        PutPartnerEventsRequestEntry entry = PutPartnerEventsRequestEntry.builder()
                .detail("{\"own\":true}")
                .resources("arn:aws:s3:::own-bucket")
                .time(java.time.Instant.parse("2024-05-01T10:15:30Z"))
                .build();
        PartnerEvent event = sendOne(entry);
        assertThat(event.detail()).isEqualTo("{\"own\":true}");
        assertThat(event.resources()).containsExactly("arn:aws:s3:::own-bucket");
        assertThat(event.time()).isEqualTo(java.time.Instant.parse("2024-05-01T10:15:30Z"));
    }

    @Test
    void aCollectionOfMixedBodiesIsOneBatchInInputOrder() {
        List<Object> batch = List.of(
                "{\"i\":0}",
                Map.of("i", 1),
                new Order("o-2", 2),
                tree("{\"i\":3}"),
                PutPartnerEventsRequestEntry.builder().detail("{\"i\":4}").detailType("Own").build(),
                "{\"i\":5}".getBytes(StandardCharsets.UTF_8));
        Exchange exchange = template.send("direct:send", e -> e.getMessage().setBody(batch));
        assertThat(exchange.getException()).isNull();
        List<?> ids = exchange.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS, List.class);
        assertThat(ids).hasSize(6).doesNotContainNull();
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey(AwsPartnerEventsConstants.EVENT_ID);
        Map<String, PartnerEvent> byId = eventsById();
        assertThat(byId.get((String) ids.get(2)).detail()).contains("o-2");
        assertThat(byId.get((String) ids.get(4)).detailType()).isEqualTo("Own");
        assertThat(byId.get((String) ids.get(5)).detail()).isEqualTo("{\"i\":5}");
        assertThat(emulator().partnerEvents().batchSizes()).containsExactly(6);
    }

    @Test
    void cliEntriesJsonConvertedInTheRouteIsSentAsEntries() {
        String cli = """
                [{"Time": 1714558530, "Source": "aws.partner/example.com/orders/created",
                  "Resources": ["arn:aws:s3:::a"], "DetailType": "FromCli", "Detail": "{\\"n\\":1}"},
                 {"Source": "aws.partner/example.com/orders/created", "DetailType": "FromCli", "Detail": "{\\"n\\":2}"}]
                """;
        Exchange exchange = template.send("direct:cli", e -> e.getMessage().setBody(cli));
        assertThat(exchange.getException()).isNull();
        List<PartnerEvent> events = emulator().partnerEvents().events();
        assertThat(events).extracting(PartnerEvent::detail).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(events).extracting(PartnerEvent::detailType).containsOnly("FromCli");
        assertThat(events.get(0).time()).isEqualTo(java.time.Instant.ofEpochSecond(1714558530));
        assertThat(events.get(0).resources()).containsExactly("arn:aws:s3:::a");
    }

    @Test
    void anEmptyCollectionSendsNothingAndSucceeds() {
        Exchange exchange = template.send("direct:send", e -> e.getMessage().setBody(List.of()));
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS, List.class)).isEmpty();
        assertThat(emulator().stats().totalRequests()).isZero();
    }
}
