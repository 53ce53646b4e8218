package io.github.camelawsevents.aws.scn;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelawsevents.aws.emulator.FaultSettings;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A redelivered message never makes a second event: the emulator stores, then answers 5xx (or loses the response),
 * Camel redelivers, and the same client token makes AWS answer with the first event's id.
 */
class IdempotencyRouteTest extends EmulatorRouteTestSupport {


    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the SDK makes one attempt only: every retry is a Camel redelivery of the message
                errorHandler(defaultErrorHandler().maximumRedeliveries(20).redeliveryDelay(0));
                from("direct:camel-redelivery")
                        .to(SCN + "?eventType=scn.data.inboundorder&maxAttempts=1");
                from("direct:sdk-retries")
                        .to(SCN + "?eventType=scn.data.inboundorder&maxAttempts=10&retryMode=STANDARD");
                from("direct:two-attempts")
                        .to(SCN + "?eventType=scn.data.inboundorder&maxAttempts=2");
                from("direct:none-sdk-retries").errorHandler(noErrorHandler())
                        .to(SCN + "?eventType=scn.data.inboundorder&maxAttempts=10&clientTokenSource=NONE");
                from("direct:none")
                        .to(SCN + "?eventType=scn.data.inboundorder&maxAttempts=1&clientTokenSource=NONE");
                from("direct:content")
                        .to(SCN + "?eventType=scn.data.inboundorder&clientTokenSource=CONTENT_HASH");
                from("direct:exchange-id")
                        .to(SCN + "?eventType=scn.data.inboundorder&maxAttempts=1&clientTokenSource=EXCHANGE_ID");
            }
        };
    }

    private static String order(int i) {
        return "{\"id\":\"o-" + i + "\",\"tpartner_id\":\"p\"}";
    }

    private void sendOrders(String uri, int count) {
        for (int i = 0; i < count; i++) {
            Exchange out = send(uri, order(i), Map.of(AwsScnEventConstants.EVENT_GROUP_ID, "g-" + (i % 4)));
            assertThat(out.getException()).as("order %d", i).isNull();
        }
    }

    private void assertEachOrderStoredOnce(int count) {
        List<ScnEvent> events = stored();
        assertThat(events).hasSize(count);
        assertThat(events.stream().map(ScnEvent::data).collect(Collectors.toSet())).hasSize(count);
    }

    @Test
    void camelRedeliveriesAfterAStoredButFailedRequestStoreNothingTwice() {
        emulator().faults().set(FaultSettings.builder().errorAfterStoreRate(0.5).build());
        sendOrders("direct:camel-redelivery", 40);
        assertEachOrderStoredOnce(40);
        assertThat(emulator().supplyChain().idempotentReplays()).isPositive();
    }

    @Test
    void lostResponsesRetriedByTheSdkStoreNothingTwice() {
        emulator().faults().set(FaultSettings.builder().lostResponseRate(0.3).errorAfterStoreRate(0.2).build());
        sendOrders("direct:sdk-retries", 40);
        assertEachOrderStoredOnce(40);
        assertThat(emulator().supplyChain().idempotentReplays()).isPositive();
    }

    @Test
    void theReplayAnswersWithTheFirstEventId() {
        emulator().faults().set(FaultSettings.builder().errorAfterStoreRate(1.0).build());
        Exchange failed = send("direct:two-attempts", order(1), Map.of(AwsScnEventConstants.EVENT_GROUP_ID, "g"));
        assertThat(failed.getException()).isNotNull();
        assertThat(stored()).hasSize(1);
        emulator().faults().clear();
        // the same message again (same message id): AWS recognises the token
        Exchange again = template.send("direct:two-attempts", e -> {
            e.getMessage().setMessageId(failed.getMessage().getMessageId());
            e.getMessage().setBody(order(1));
            e.getMessage().setHeader(AwsScnEventConstants.EVENT_GROUP_ID, "g");
        });
        assertThat(again.getException()).isNull();
        assertThat(stored()).hasSize(1);
        assertThat(again.getMessage().getHeader(AwsScnEventConstants.EVENT_ID)).isEqualTo(stored().get(0).eventId());
    }

    @Test
    void exchangeIdTokensAlsoSurviveCamelRedelivery() {
        emulator().faults().set(FaultSettings.builder().errorAfterStoreRate(0.5).build());
        sendOrders("direct:exchange-id", 20);
        assertEachOrderStoredOnce(20);
    }

    @Test
    void withoutTokensARedeliveryStoresTheEventAgain() {
        emulator().faults().set(FaultSettings.builder().errorAfterStoreRate(0.5).build());
        sendOrders("direct:none", 20);
        assertThat(stored()).hasSizeGreaterThan(20);
        assertThat(emulator().supplyChain().idempotentReplays()).isZero();
    }

    @Test
    void withoutTokensTheSdksOwnRetriesReuseTheTokenItMadeForTheCall() {
        emulator().faults().set(FaultSettings.builder().errorAfterStoreRate(0.5).build());
        sendOrders("direct:none-sdk-retries", 10);
        assertEachOrderStoredOnce(10);
        assertThat(emulator().supplyChain().idempotentReplays()).isPositive();
    }

    @Test
    void aHeaderTokenWinsAndRepeatsAreRecognisedAcrossMessages() {
        Map<String, Object> headers = Map.of(AwsScnEventConstants.EVENT_GROUP_ID, "g",
                AwsScnEventConstants.CLIENT_TOKEN, "order-1-v1");
        Exchange first = send("direct:sdk-retries", order(1), headers);
        Exchange second = send("direct:sdk-retries", order(1), headers);
        assertThat(stored()).singleElement().satisfies(e -> assertThat(e.clientToken())
                .isEqualTo(ClientTokens.pad("order-1-v1")).hasSize(33));
        assertThat(second.getMessage().getHeader(AwsScnEventConstants.EVENT_ID))
                .isEqualTo(first.getMessage().getHeader(AwsScnEventConstants.EVENT_ID));
    }

    @Test
    void contentHashTokensStoreIdenticalContentOnceAndMessageIdTokensTwice() {
        sendOrders("direct:content", 1);
        sendOrders("direct:content", 1);
        assertThat(stored()).hasSize(1);
        emulator().reset();
        sendOrders("direct:sdk-retries", 1);
        sendOrders("direct:sdk-retries", 1);
        assertThat(stored()).hasSize(2);
    }

    @Test
    void theSameMessageSentToTwoEventTypesMakesTwoEvents() {
        Exchange out = template.send("direct:sdk-retries", e -> {
            e.getMessage().setBody(order(1));
            e.getMessage().setHeader(AwsScnEventConstants.EVENT_GROUP_ID, "g");
        });
        out.getMessage().setHeader(AwsScnEventConstants.EVENT_TYPE, "scn.data.shipment");
        template.send("direct:sdk-retries", out);
        assertThat(out.getException()).isNull();
        assertThat(stored()).extracting(ScnEvent::eventType)
                .containsExactly("scn.data.inboundorder", "scn.data.shipment");
        Set<String> tokens = stored().stream().map(ScnEvent::clientToken).collect(Collectors.toSet());
        assertThat(tokens).hasSize(2);
    }

    @Test
    void eachEventOfASplitMessageHasItsOwnTokenAndARedeliveryCompletesOnlyTheMissingOnes() {
        // three events; the second one fails once after being stored
        String big = "{\"k\":\"" + "v".repeat(ScnConstraints.DATA_MAX_LENGTH - 10) + "\"}";
        List<String> records = List.of(big, big, big);
        emulator().faults().set(FaultSettings.builder().errorAfterStoreRate(0.4).build());
        Exchange out = send("direct:camel-redelivery", records, Map.of(AwsScnEventConstants.EVENT_GROUP_ID, "g"));
        assertThat(out.getException()).isNull();
        assertThat(stored()).hasSize(3);
        assertThat(stored().stream().map(ScnEvent::clientToken).collect(Collectors.toSet())).hasSize(3);
        assertThat(out.getMessage().getHeader(AwsScnEventConstants.EVENT_IDS))
                .isEqualTo(stored().stream().map(ScnEvent::eventId).toList());
    }
}
