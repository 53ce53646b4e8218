package io.github.camelawsevents.aws.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.supplychain.SupplyChainClient;
import software.amazon.awssdk.services.supplychain.model.ThrottlingException;
import software.amazon.awssdk.services.supplychain.model.ValidationException;

import java.net.http.HttpResponse;

import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.INSTANCE;
import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.inboundOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InspectionEndpointTest {

    @RegisterExtension
    static final AwsEventsEmulatorExtension AWS = new AwsEventsEmulatorExtension();

    static SupplyChainClient scn;
    static EventBridgeClient events;

    @BeforeAll
    static void clients() {
        scn = SdkClients.supplyChain(AWS.emulator());
        events = SdkClients.eventBridge(AWS.emulator());
    }

    @AfterAll
    static void closeClients() {
        scn.close();
        events.close();
    }

    static JsonNode getJson(String path) {
        HttpResponse<String> response = RawHttp.get(AWS.emulator(), path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void describesTheEmulatorWithoutItsSecret() {
        JsonNode info = getJson("/_emulator");
        assertThat(info.get("endpoint").asText()).isEqualTo(AWS.emulator().endpoint().toString());
        assertThat(info.get("region").asText()).isEqualTo("us-east-1");
        assertThat(info.get("accessKey").asText()).isEqualTo(AWS.emulator().accessKey());
        assertThat(info.get("verifySignatures").asBoolean()).isTrue();
        assertThat(info.toString()).doesNotContain(AWS.emulator().secretKey());
    }

    @Test
    void listsAcceptedEventsCountsAndRejections() {
        String a = scn.sendDataIntegrationEvent(inboundOrder().eventGroupId("A").build()).eventId();
        scn.sendDataIntegrationEvent(inboundOrder().eventGroupId("B").build());
        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().eventGroupId("").build()))
                .isInstanceOf(ValidationException.class);
        events.putPartnerEvents(b -> b.entries(PartnerEventsTest.entries(2)));
        events.putEvents(b -> b.entries(PutEventsTest.entries(1)));

        JsonNode scnEvents = getJson("/_emulator/scn/events?eventGroupId=A");
        assertThat(scnEvents.get("count").asLong()).isEqualTo(2);
        assertThat(scnEvents.get("matching").asLong()).isEqualTo(1);
        JsonNode event = scnEvents.get("events").get(0);
        assertThat(event.get("eventId").asText()).isEqualTo(a);
        assertThat(event.get("instanceId").asText()).isEqualTo(INSTANCE);
        assertThat(event.get("sequence").asLong()).isEqualTo(1);
        assertThat(event.get("data").asText()).isEqualTo(SupplyChainSendTest.INBOUND_ORDER);

        assertThat(getJson("/_emulator/scn/events?limit=1&offset=1").get("events")).hasSize(1);
        assertThat(getJson("/_emulator/scn/counts").get("keys")).hasSize(2);

        JsonNode partner = getJson("/_emulator/partner/events");
        assertThat(partner.get("count").asLong()).isEqualTo(2);
        assertThat(partner.get("events").get(1).get("detail").asText()).isEqualTo("{\"order\":1}");
        assertThat(getJson("/_emulator/partner/put-events").get("events").get(0).get("eventBusName").asText())
                .isEqualTo("orders-bus");

        JsonNode rejection = getJson("/_emulator/rejections").get("rejections").get(0);
        assertThat(rejection.get("api").asText()).isEqualTo("SendDataIntegrationEvent");
        assertThat(rejection.get("status").asInt()).isEqualTo(400);
        assertThat(rejection.get("errorType").asText()).isEqualTo("ValidationException");

        JsonNode stats = getJson("/_emulator/stats");
        assertThat(stats.get("requests").get("SUPPLY_CHAIN").asLong()).isEqualTo(3);
        assertThat(stats.get("accepted").get("SUPPLY_CHAIN").asLong()).isEqualTo(2);
        assertThat(stats.get("rejected").get("SUPPLY_CHAIN").asLong()).isEqualTo(1);
        assertThat(stats.get("rejectedByErrorType").get("ValidationException").asLong()).isEqualTo(1);
        assertThat(stats.get("partnerEvents").asLong()).isEqualTo(2);
        assertThat(stats.get("putEvents").asLong()).isEqualTo(1);
        assertThat(stats.get("faults").get("DROPPED_CONNECTION").asLong()).isZero();
    }

    @Test
    void statsShowEntriesPerRequestAndRecordsPerEvent() {
        String order = SupplyChainSendTest.INBOUND_ORDER;
        scn.sendDataIntegrationEvent(inboundOrder().eventGroupId("one").build());
        scn.sendDataIntegrationEvent(inboundOrder().eventGroupId("three").data("[" + order + "," + order + ","
                                                                               + order + "]").build());
        scn.sendDataIntegrationEvent(inboundOrder().eventGroupId("three-again").data("[" + order + "," + order
                                                                                     + "," + order + "]").build());
        events.putPartnerEvents(b -> b.entries(PartnerEventsTest.entries(2)));
        events.putPartnerEvents(b -> b.entries(PartnerEventsTest.entries(20)));
        events.putPartnerEvents(b -> b.entries(PartnerEventsTest.entries(2)));

        JsonNode stats = getJson("/_emulator/stats");
        assertThat(stats.get("entriesPerRequest").toString()).isEqualTo("{\"2\":2,\"20\":1}");
        assertThat(stats.get("recordsPerEvent").toString()).isEqualTo("{\"1\":1,\"3\":2}");
        assertThat(AWS.emulator().stats().recordsPerEvent()).containsExactly(java.util.Map.entry(1, 1L),
                java.util.Map.entry(3, 2L));

        AWS.emulator().reset();
        assertThat(getJson("/_emulator/stats").get("entriesPerRequest").size()).isZero();
        assertThat(getJson("/_emulator/stats").get("recordsPerEvent").size()).isZero();
    }

    @Test
    void setsAndClearsFaultsAtRunTime() {
        HttpResponse<String> set = RawHttp.send(AWS.emulator(), "POST", "/_emulator/faults",
                "{\"requestThrottleRate\":1.0,\"appliesTo\":[\"SUPPLY_CHAIN\"],\"latencyMs\":5}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(AWS.emulator().faults().current().requestThrottleRate()).isEqualTo(1.0);
        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().build())).isInstanceOf(ThrottlingException.class);
        events.putPartnerEvents(b -> b.entries(PartnerEventsTest.entries(1)));

        JsonNode faults = getJson("/_emulator/faults");
        assertThat(faults.get("byApi").get("SUPPLY_CHAIN").get("requestThrottleRate").asDouble()).isEqualTo(1.0);
        assertThat(faults.get("byApi").get("PARTNER_EVENTS").get("requestThrottleRate").asDouble()).isZero();
        assertThat(getJson("/_emulator/stats").get("faults").get("REQUEST_THROTTLED").asLong()).isEqualTo(1);

        assertThat(RawHttp.send(AWS.emulator(), "DELETE", "/_emulator/faults", null).statusCode()).isEqualTo(200);
        scn.sendDataIntegrationEvent(inboundOrder().build());
    }

    @Test
    void switchesTheOversizedRequestAnswerAtRunTimeUntilTheNextReset() {
        JsonNode info = getJson("/_emulator");
        assertThat(info.get("oversizedRequestAnswer").asText()).isEqualTo("VALIDATION_EXCEPTION_400");
        assertThat(info.get("eventBridgeRequestSizeLimit").asInt()).isEqualTo(262_144);

        HttpResponse<String> set = RawHttp.send(AWS.emulator(), "POST", "/_emulator/settings",
                "{\"oversizedRequestAnswer\":\"EMPTY_413\"}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("\"oversizedRequestAnswer\":\"EMPTY_413\"");
        assertThatThrownBy(() -> events.putPartnerEvents(b -> b.entries(PartnerEventsTest.entry(
                PartnerEventsTest.detail(262_145))))).isInstanceOfSatisfying(
                software.amazon.awssdk.services.eventbridge.model.EventBridgeException.class,
                e -> assertThat(e.statusCode()).isEqualTo(413));

        HttpResponse<String> unknown = RawHttp.send(AWS.emulator(), "POST", "/_emulator/settings", "{\"x\":1}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown setting 'x'");
        HttpResponse<String> bad = RawHttp.send(AWS.emulator(), "POST", "/_emulator/settings",
                "{\"oversizedRequestAnswer\":\"500\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("VALIDATION_EXCEPTION_400");

        AWS.emulator().reset();
        assertThat(AWS.emulator().oversizedRequestAnswer()).isEqualTo(OversizedRequestAnswer.VALIDATION_EXCEPTION_400);
    }

    @Test
    void installsPerApiSettingsFromAnArray() {
        HttpResponse<String> set = RawHttp.send(AWS.emulator(), "POST", "/_emulator/faults",
                "[{\"serverErrorRate\":1,\"appliesTo\":[\"PARTNER_EVENTS\"]},"
                        + "{\"throttleBurst\":{\"everyMs\":60000,\"lengthMs\":60000},\"appliesTo\":[\"PUT_EVENTS\"]}]");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(AWS.emulator().faults().current(Api.PARTNER_EVENTS).serverErrorRate()).isEqualTo(1.0);
        assertThat(AWS.emulator().faults().current(Api.PUT_EVENTS).throttleBurst())
                .isEqualTo(new FaultSettings.ThrottleBurst(java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(1)));
        assertThat(AWS.emulator().faults().current(Api.SUPPLY_CHAIN)).isEqualTo(FaultSettings.NONE);
    }

    @Test
    void refusesBadFaultSettingsWithAReason() {
        HttpResponse<String> unknown = RawHttp.send(AWS.emulator(), "POST", "/_emulator/faults", "{\"throttle\":1}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown fault setting 'throttle'");
        HttpResponse<String> outOfRange = RawHttp.send(AWS.emulator(), "POST", "/_emulator/faults",
                "{\"serverErrorRate\":2}");
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("serverErrorRate");
        assertThat(RawHttp.send(AWS.emulator(), "POST", "/_emulator/faults", "{nope").statusCode()).isEqualTo(400);
        assertThat(AWS.emulator().faults().current()).isEqualTo(FaultSettings.NONE);
    }

    @Test
    void resetClearsEverything() {
        scn.sendDataIntegrationEvent(inboundOrder().build());
        assertThat(RawHttp.send(AWS.emulator(), "POST", "/_emulator/reset", null).statusCode()).isEqualTo(200);
        assertThat(AWS.emulator().supplyChain().count()).isZero();
        assertThat(AWS.emulator().stats().totalRequests()).isZero();
    }

    @Test
    void unknownEmulatorPathsAre404AndAwsPathsStayAws() {
        assertThat(RawHttp.get(AWS.emulator(), "/_emulator/nothing").statusCode()).isEqualTo(404);
        HttpResponse<String> unknownAws = RawHttp.get(AWS.emulator(), "/some/aws/path");
        assertThat(unknownAws.statusCode()).isEqualTo(404);
        assertThat(unknownAws.headers().firstValue("X-Amzn-ErrorType")).hasValue("UnknownOperationException");
    }
}
