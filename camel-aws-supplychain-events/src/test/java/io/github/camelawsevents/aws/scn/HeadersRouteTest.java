package io.github.camelawsevents.aws.scn;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.emulator.ScnEvent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEvent;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEventType;
import software.amazon.awssdk.services.supplychain.model.ResourceNotFoundException;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** What wins: header over option, request member over header; timestamps of every kind; reading an event back. */
class HeadersRouteTest extends EmulatorRouteTestSupport {


    private static final String TO = SCN + "?eventType=scn.data.inboundorder&eventGroupId=option-group";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send-and-verify").routeId("verify")
                        .to(TO)
                        .setHeader(AwsScnEventConstants.OPERATION, constant("getDataIntegrationEvent"))
                        .to(SCN)
                        .removeHeader(AwsScnEventConstants.OPERATION);
            }
        };
    }

    private ScnEvent sendOne(String uri, Object body, Map<String, Object> headers) {
        Exchange out = send(uri, body, headers);
        assertThat(out.getException()).isNull();
        assertThat(stored()).hasSize(1);
        ScnEvent e = stored().get(0);
        emulator().reset();
        return e;
    }

    @Test
    void optionsApplyWhenNoHeaderIsGiven() {
        ScnEvent e = sendOne(TO, "{\"id\":\"1\"}", Map.of());
        assertThat(e.eventType()).isEqualTo("scn.data.inboundorder");
        assertThat(e.eventGroupId()).isEqualTo("option-group");
    }

    @Test
    void headersWinOverOptions() {
        ScnEvent e = sendOne(TO, "{\"id\":\"1\"}", Map.of(
                AwsScnEventConstants.EVENT_TYPE, DataIntegrationEventType.SCN_DATA_SHIPMENT,
                AwsScnEventConstants.EVENT_GROUP_ID, "header-group"));
        assertThat(e.eventType()).isEqualTo("scn.data.shipment");
        assertThat(e.eventGroupId()).isEqualTo("header-group");
        ScnEvent d = sendOne(SCN + "?eventType=scn.data.dataset&eventGroupId=g&datasetIdentifier=" + ASC_DATASET
                             + "&operationType=APPEND",
                "{\"id\":\"1\"}", Map.of(AwsScnEventConstants.DATASET_IDENTIFIER, DEFAULT_DATASET,
                        AwsScnEventConstants.DATASET_OPERATION_TYPE, "DELETE"));
        assertThat(d.datasetIdentifier()).isEqualTo(DEFAULT_DATASET);
        assertThat(d.operationType()).isEqualTo("DELETE");
    }

    @Test
    void aRequestBodyKeepsItsMembersAndTakesOnlyMissingOnesFromHeaders() {
        SendDataIntegrationEventRequest request = SendDataIntegrationEventRequest.builder()
                .eventType("scn.data.supplyplan").data("{\"supply_plan_id\":\"sp-1\"}").build();
        Instant at = Instant.parse("2024-05-01T10:15:30Z");
        ScnEvent e = sendOne(TO, request, Map.of(
                AwsScnEventConstants.EVENT_TYPE, "scn.data.shipment",
                AwsScnEventConstants.EVENT_GROUP_ID, "header-group",
                AwsScnEventConstants.EVENT_TIMESTAMP, at,
                AwsScnEventConstants.CLIENT_TOKEN, "header-token"));
        assertThat(e.eventType()).isEqualTo("scn.data.supplyplan");
        assertThat(e.eventGroupId()).isEqualTo("header-group");
        assertThat(e.eventTimestamp()).isEqualTo(at);
        assertThat(e.clientToken()).isEqualTo(ClientTokens.pad("header-token"));
        // without the header, the option
        assertThat(sendOne(TO, request, Map.of()).eventGroupId()).isEqualTo("option-group");
    }

    @Test
    void theEventTimestampHeaderTakesEveryDocumentedType() {
        Instant at = Instant.parse("2024-05-01T10:15:30.250Z");
        List<Object> values = List.of(at, Date.from(at), at.toEpochMilli(),
                OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(-5)), ZonedDateTime.ofInstant(at, ZoneId.of("Asia/Tokyo")),
                "2024-05-01T10:15:30.250Z");
        for (Object value : values) {
            Map<String, Object> headers = new HashMap<>();
            headers.put(AwsScnEventConstants.EVENT_TIMESTAMP, value);
            assertThat(sendOne(TO, "{\"id\":\"1\"}", headers).eventTimestamp()).as(value.getClass().getName())
                    .isEqualTo(at);
        }
    }

    @Test
    void anEventCanBeReadBackAsProofOfDelivery() {
        Exchange out = send("direct:send-and-verify", "{\"id\":\"1\"}", Map.of());
        assertThat(out.getException()).isNull();
        DataIntegrationEvent event = out.getMessage().getBody(DataIntegrationEvent.class);
        assertThat(event.eventId()).isEqualTo(stored().get(0).eventId());
        assertThat(event.eventGroupId()).isEqualTo("option-group");
        assertThat(event.eventType()).isEqualTo(DataIntegrationEventType.SCN_DATA_INBOUNDORDER);
        assertThat(out.getMessage().getHeader(AwsScnEventConstants.OPERATION)).isNull();
    }

    @Test
    void readingAnUnknownEventFailsWithTheServiceError() {
        Exchange out = send(SCN, null, Map.of(AwsScnEventConstants.OPERATION, "getDataIntegrationEvent",
                AwsScnEventConstants.EVENT_ID, "00000000-0000-0000-0000-000000000000"));
        assertThat(out.getException()).isInstanceOf(ResourceNotFoundException.class);
    }
}
