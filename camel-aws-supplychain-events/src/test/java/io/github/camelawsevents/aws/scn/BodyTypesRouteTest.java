package io.github.camelawsevents.aws.scn;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.core.Json;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.converter.stream.InputStreamCache;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventRequest;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/** Every body kind goes through a real route to the emulator and arrives as the documented data. */
class BodyTypesRouteTest extends EmulatorRouteTestSupport {


    private static final String TO = SCN + "?eventType=scn.data.inboundorder&eventGroupId=orders";
    private static final Path INBOX = Path.of("target/inbox-" + BodyTypesRouteTest.class.getSimpleName());

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(TO);
                from("file:" + INBOX + "?delete=true&antInclude=*.json").routeId("files").to(TO);
            }
        };
    }

    /** A POJO record with the entity's column names. */
    public record InboundOrder(String id, String tpartner_id) {
    }

    private ScnEvent sendOne(Object body) {
        Exchange out = send("direct:send", body, Map.of());
        assertThat(out.getException()).isNull();
        List<ScnEvent> events = stored();
        assertThat(events).hasSize(1);
        assertThat(out.getMessage().getHeader(AwsScnEventConstants.EVENT_ID)).isEqualTo(events.get(0).eventId());
        assertThat(out.getMessage().getHeader(AwsScnEventConstants.EVENT_IDS)).isEqualTo(List.of(events.get(0).eventId()));
        return events.get(0);
    }

    @Test
    void aJsonObjectStringIsSentExactlyAsItIs() {
        String text = "{\"id\": \"inbound-order-id-test-123\", \"tpartner_id\": \"partner-id-test-123\" }";
        ScnEvent e = sendOne(text);
        assertThat(e.data()).isEqualTo(text);
        assertThat(e.instanceId()).isEqualTo(INSTANCE);
        assertThat(e.eventType()).isEqualTo("scn.data.inboundorder");
        assertThat(e.eventGroupId()).isEqualTo("orders");
        assertThat(e.clientToken()).hasSizeBetween(33, 126);
        assertThat(e.eventTimestamp()).isNull();
    }

    @Test
    void aJsonArrayStringIsManyRecordsInOneEvent() {
        String text = "[{\"id\":\"o-1\",\"tpartner_id\":\"p\"}, {\"id\":\"o-2\",\"tpartner_id\":\"p\"}]";
        assertThat(sendOne(text).data()).isEqualTo(text);
    }

    @Test
    void bytesAndStreamsAreUtf8JsonText() {
        String text = "{\"id\":\"o-é-\uD83D\uDE00\",\"tpartner_id\":\"p\"}";
        assertThat(sendOne(text.getBytes(StandardCharsets.UTF_8)).data()).isEqualTo(text);
        emulator().reset();
        assertThat(sendOne(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).data()).isEqualTo(text);
        emulator().reset();
        assertThat(sendOne(new StringReader(text)).data()).isEqualTo(text);
    }

    @Test
    void aStreamCacheIsReadAgainOnRedelivery() throws Exception {
        String text = "{\"id\":\"o-1\",\"tpartner_id\":\"p\"}";
        InputStreamCache cache = new InputStreamCache(text.getBytes(StandardCharsets.UTF_8));
        emulator().faults().set(FaultSettings.builder().serverErrorRate(1.0).build());
        Exchange failed = send(TO + "&maxAttempts=1", cache, Map.of());
        assertThat(failed.getException()).isInstanceOf(ScnEventDeliveryException.class);
        emulator().faults().clear();
        // the same body object, as a redelivery sends it
        assertThat(sendOne(cache).data()).isEqualTo(text);
    }

    @Test
    void aMapIsOneRecord() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", "o-1");
        record.put("tpartner_id", "p");
        assertThat(sendOne(record).data()).isEqualTo("{\"id\":\"o-1\",\"tpartner_id\":\"p\"}");
    }

    @Test
    void aPojoIsOneRecord() {
        assertThat(sendOne(new InboundOrder("o-1", "p")).data()).isEqualTo("{\"id\":\"o-1\",\"tpartner_id\":\"p\"}");
    }

    @Test
    void aJsonNodeIsOneRecordAndAnArrayNodeMany() {
        assertThat(sendOne(Json.parse("{\"id\":\"o-1\"}", "t", -1)).data()).isEqualTo("{\"id\":\"o-1\"}");
        emulator().reset();
        assertThat(sendOne(Json.parse("[{\"id\":\"o-1\"},{\"id\":\"o-2\"}]", "t", -1)).data())
                .isEqualTo("[{\"id\":\"o-1\"},{\"id\":\"o-2\"}]");
    }

    @Test
    void aCollectionOfMixedRecordsIsOneArray() {
        List<Object> records = List.of(Map.of("id", "o-1"), new InboundOrder("o-2", "p"), "{\"id\":\"o-3\"}",
                Json.parse("{\"id\":\"o-4\"}", "t", -1), "{\"id\":\"o-5\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(sendOne(records).data()).isEqualTo(
                "[{\"id\":\"o-1\"},{\"id\":\"o-2\",\"tpartner_id\":\"p\"},{\"id\":\"o-3\"},{\"id\":\"o-4\"},{\"id\":\"o-5\"}]");
        emulator().reset();
        assertThat(sendOne(new Object[] { Map.of("id", "o-1"), Map.of("id", "o-2") }).data())
                .isEqualTo("[{\"id\":\"o-1\"},{\"id\":\"o-2\"}]");
    }

    @Test
    void eventDataFromTheConverterIsSentAsItsRecords() {
        assertThat(sendOne(ScnEventData.of("[{\"id\":\"o-1\"}]")).data()).isEqualTo("[{\"id\":\"o-1\"}]");
    }

    @Test
    void aReadyRequestIsSentAsItIsWithTheEndpointInstanceWhenItHasNone() {
        SendDataIntegrationEventRequest request = SendDataIntegrationEventRequest.builder()
                .eventType("scn.data.shipment").eventGroupId("shipmentId").data("{\"id\":\"s-1\"}")
                .eventTimestamp(Instant.ofEpochSecond(1515531081, 123_000_000))
                .clientToken("request-token-0123456789-0123456789-01").build();
        ScnEvent e = sendOne(request);
        assertThat(e.instanceId()).isEqualTo(INSTANCE);
        assertThat(e.eventType()).isEqualTo("scn.data.shipment");
        assertThat(e.eventGroupId()).isEqualTo("shipmentId");
        assertThat(e.data()).isEqualTo("{\"id\":\"s-1\"}");
        assertThat(e.eventTimestamp()).isEqualTo(Instant.ofEpochSecond(1515531081, 123_000_000));
        assertThat(e.clientToken()).isEqualTo("request-token-0123456789-0123456789-01");
    }

    @Test
    void aReadyRequestWithoutATokenGetsAStableOne() {
        SendDataIntegrationEventRequest request = SendDataIntegrationEventRequest.builder()
                .instanceId(INSTANCE).eventType("scn.data.shipment").eventGroupId("g").data("{\"id\":\"s-1\"}")
                .build();
        assertThat(sendOne(request).clientToken()).hasSize(64);
    }

    @Test
    void cliInputJsonTextIsARequest() {
        String cli = """
                {"instanceId": "8928ae12-15e5-4441-825d-ec2184f0a43a", "eventType": "scn.data.forecast",
                 "data": "{\\"snapshot_date\\": \\"1672470400000\\", \\"product_id\\": \\"product-id-test-123\\"}",
                 "eventGroupId": "forecastId", "eventTimestamp": 1515531081.123}""";
        ScnEvent e = sendOne(cli);
        assertThat(e.eventType()).isEqualTo("scn.data.forecast");
        assertThat(e.eventGroupId()).isEqualTo("forecastId");
        assertThat(e.data()).isEqualTo("{\"snapshot_date\": \"1672470400000\", \"product_id\": \"product-id-test-123\"}");
        assertThat(e.eventTimestamp()).isEqualTo(Instant.ofEpochSecond(1515531081, 123_000_000));
    }

    @Test
    void aRequestShapedMapIsARequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("eventType", "scn.data.dataset");
        request.put("data", List.of(Map.of("id", "1"), Map.of("id", "2")));
        request.put("eventGroupId", "batch-7");
        request.put("datasetTarget", Map.of("datasetIdentifier", DEFAULT_DATASET, "operationType", "APPEND"));
        ScnEvent e = sendOne(request);
        assertThat(e.eventType()).isEqualTo("scn.data.dataset");
        assertThat(e.data()).isEqualTo("[{\"id\":\"1\"},{\"id\":\"2\"}]");
        assertThat(e.datasetIdentifier()).isEqualTo(DEFAULT_DATASET);
        assertThat(e.operationType()).isEqualTo("APPEND");
    }

    @Test
    void aFileOfOrdersIsRead() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("files").whenDone(1).create();
        Files.createDirectories(INBOX);
        String text = "[{\"id\":\"o-1\",\"tpartner_id\":\"p\"},{\"id\":\"o-2\",\"tpartner_id\":\"p\"}]";
        Files.writeString(INBOX.resolve("orders.json.tmp"), text);
        Files.move(INBOX.resolve("orders.json.tmp"), INBOX.resolve("orders.json"));
        assertThat(done.matches(20, SECONDS)).isTrue();
        assertThat(stored()).singleElement().satisfies(e -> assertThat(e.data()).isEqualTo(text));
    }
}
