package io.github.camelawsevents.aws.scn;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import io.github.camelawsevents.aws.core.FieldValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventRequest;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule: the message is refused with a FieldValidationException naming the field, nothing reaches AWS, the
 * route's error handling gets it, and the next message goes through.
 */
class ValidationRouteTest extends EmulatorRouteTestSupport {


    private static final String GOOD = "{\"id\":\"o-1\",\"tpartner_id\":\"p\"}";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(FieldValidationException.class).handled(true).to("mock:invalid");
                from("direct:orders")
                        .to(SCN + "?eventType=scn.data.inboundorder")
                        .to("mock:sent");
            }
        };
    }

    static Stream<Arguments> invalidMessages() {
        return Stream.of(
                Arguments.of("no event group", GOOD, Map.of(), "eventGroupId"),
                Arguments.of("empty event group", GOOD, Map.of(AwsScnEventConstants.EVENT_GROUP_ID, ""), "eventGroupId"),
                Arguments.of("event group of 256", GOOD, group("g".repeat(256)), "eventGroupId"),
                Arguments.of("unknown event type", GOOD, with(AwsScnEventConstants.EVENT_TYPE, "scn.data.order"),
                        "eventType"),
                Arguments.of("malformed JSON", "{\"id\":", group("g"), "data"),
                Arguments.of("a JSON string", "\"o-1\"", group("g"), "data"),
                Arguments.of("array with a number", "[{\"id\":\"1\"},7]", group("g"), "data"),
                Arguments.of("empty array", "[]", group("g"), "data"),
                Arguments.of("no body", null, group("g"), "data"),
                Arguments.of("connection_id", "{\"id\":\"1\",\"connection_id\":\"c\"}", group("g"), "data"),
                Arguments.of("record over the limit", "{\"k\":\"" + "v".repeat(ScnConstraints.DATA_MAX_LENGTH) + "\"}",
                        group("g"), "data"),
                Arguments.of("dataset target on a fixed type", GOOD,
                        with(AwsScnEventConstants.DATASET_OPERATION_TYPE, "APPEND"), "datasetTarget"),
                Arguments.of("client token of 127", GOOD, with(AwsScnEventConstants.CLIENT_TOKEN, "t".repeat(127)),
                        "clientToken"),
                Arguments.of("timestamp of a wrong type", GOOD, with(AwsScnEventConstants.EVENT_TIMESTAMP, new Object()),
                        "eventTimestamp"),
                Arguments.of("unknown operation", GOOD, with(AwsScnEventConstants.OPERATION, "deleteEvent"),
                        AwsScnEventConstants.OPERATION),
                Arguments.of("read-back without an event id", GOOD,
                        with(AwsScnEventConstants.OPERATION, "getDataIntegrationEvent"), AwsScnEventConstants.EVENT_ID),
                Arguments.of("request JSON with an unknown member",
                        "{\"eventType\":\"scn.data.inboundorder\",\"data\":\"{}\",\"evenGroupId\":\"g\"}", Map.of(),
                        "evenGroupId"),
                Arguments.of("request with a short client token",
                        SendDataIntegrationEventRequest.builder().eventType("scn.data.inboundorder").eventGroupId("g")
                                .data(GOOD).clientToken("short").build(),
                        Map.of(), "clientToken"),
                Arguments.of("request for another, invalid instance",
                        SendDataIntegrationEventRequest.builder().instanceId("NOT-A-UUID").eventType("scn.data.inboundorder")
                                .eventGroupId("g").data(GOOD).build(),
                        Map.of(), "instanceId"),
                Arguments.of("request with data that is not a record",
                        SendDataIntegrationEventRequest.builder().eventType("scn.data.inboundorder").eventGroupId("g")
                                .data("[1,2]").build(),
                        Map.of(), "data"),
                Arguments.of("request without data",
                        SendDataIntegrationEventRequest.builder().eventType("scn.data.inboundorder").eventGroupId("g")
                                .build(),
                        Map.of(), "data"));
    }

    private static Map<String, Object> group(String group) {
        return Map.of(AwsScnEventConstants.EVENT_GROUP_ID, group);
    }

    private static Map<String, Object> with(String header, Object value) {
        Map<String, Object> headers = new HashMap<>(group("g"));
        headers.put(header, value);
        return headers;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMessages")
    void anInvalidMessageIsRefusedBeforeSendingAndTheNextOneGoesThrough(String what, Object body,
            Map<String, Object> headers, String field) throws Exception {
        MockEndpoint invalid = getMockEndpoint("mock:invalid");
        MockEndpoint sent = getMockEndpoint("mock:sent");
        invalid.expectedMessageCount(1);
        sent.expectedMessageCount(1);

        send("direct:orders", body, headers);
        invalid.assertIsSatisfied();
        Exception refused = invalid.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(refused).isInstanceOfSatisfying(FieldValidationException.class,
                e -> assertThat(e.getField()).isEqualTo(field));
        assertThat(refused.getMessage()).doesNotContain("tpartner_id").doesNotContain("vvvvvvvv");
        assertThat(emulator().stats().totalRequests()).isZero();

        Exchange next = send("direct:orders", GOOD, Map.of(AwsScnEventConstants.EVENT_GROUP_ID, "g",
                AwsScnEventConstants.EVENT_TIMESTAMP, new Date()));
        assertThat(next.getException()).isNull();
        sent.assertIsSatisfied();
        assertThat(stored()).hasSize(1);
        assertThat(scnEndpoint(SCN + "?eventType=scn.data.inboundorder").getMessagesPending()).isZero();
    }
}
