package io.github.camelawsevents.aws.scn;

import java.util.ArrayList;
import java.util.List;

import java.util.concurrent.CompletableFuture;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.core.delivery.ExchangesFailedException;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventRequest;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body that is a batch of exchanges (camel-kafka's batching consumer): each inner exchange goes to its own group in
 * order, gets its own event id, and the batch fails with exactly the inner exchanges that failed.
 */
class BatchOfExchangesRouteTest extends EmulatorRouteTestSupport {

    private static final String TYPE = "scn.data.inboundorder";

    /** A record whose data holds this fails as a request the SDK gave up on (an outage longer than its retries). */
    private static final String UNREACHABLE = "unreachable";
    /** A record whose data holds this is refused by AWS as invalid (400 ValidationException). */
    private static final String REFUSED = "refused";

    private SupplyChainAsyncClient emulatorClient;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        AwsEventsEmulator emu = emulator();
        emulatorClient = SupplyChainAsyncClient.builder().region(Region.of(emu.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emu.accessKey(), emu.secretKey())))
                .endpointOverride(emu.endpoint()).build();
        SupplyChainAsyncClient real = emulatorClient;
        // the emulator's faults are random; this fails exactly the records marked UNREACHABLE, once the SDK gave up
        context.getRegistry().bind("failingSupplyChainClient", SupplyChainAsyncClient.class, new SupplyChainAsyncClient() {
            @Override
            public CompletableFuture<SendDataIntegrationEventResponse> sendDataIntegrationEvent(
                    SendDataIntegrationEventRequest request) {
                if (request.data().contains(UNREACHABLE)) {
                    return CompletableFuture.failedFuture(SdkClientException.create("Unable to execute HTTP request:"
                                                                                     + " Connection refused (test)"));
                }
                if (request.data().contains(REFUSED)) {
                    return CompletableFuture.failedFuture(AwsServiceException.builder().statusCode(400)
                            .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException")
                                    .errorMessage("The data is not valid (test)").build())
                            .build());
                }
                return real.sendDataIntegrationEvent(request);
            }

            @Override
            public String serviceName() {
                return real.serviceName();
            }

            @Override
            public void close() {
                real.close();
            }
        });
        return context;
    }

    @AfterEach
    void closeClient() {
        if (emulatorClient != null) {
            emulatorClient.close();
        }
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch").errorHandler(noErrorHandler()).to(SCN + "?eventType=" + TYPE);
                from("direct:failing").errorHandler(noErrorHandler())
                        .to(SCN + "?eventType=" + TYPE + "&supplyChainClient=#failingSupplyChainClient");
                from("direct:failing-bounded").errorHandler(noErrorHandler())
                        .to(SCN + "?eventType=" + TYPE + "&supplyChainClient=#failingSupplyChainClient"
                            + "&maxPendingExchanges=2");
            }
        };
    }

    private List<Exchange> inner(int count, int bad) {
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(i == bad ? "[not json" : "{\"id\":\"o-" + i + "\",\"seq\":" + i + "}");
            exchange.getMessage().setHeader(AwsScnEventConstants.EVENT_GROUP_ID, "group-" + (i % 4));
            exchanges.add(exchange);
        }
        return exchanges;
    }

    @Test
    void eachInnerExchangeGoesToItsOwnGroupInOrderWithItsOwnEventId() {
        List<Exchange> inner = inner(40, -1);
        Exchange batch = template.send("direct:batch", e -> e.getMessage().setBody(inner));

        assertThat(batch.getException()).isNull();
        for (int g = 0; g < 4; g++) {
            List<ScnEvent> events = emulator().supplyChain().events(INSTANCE, TYPE, "group-" + g);
            assertThat(events).hasSize(10);
            for (int k = 0; k < 10; k++) {
                assertThat(events.get(k).data()).contains("\"seq\":" + (g + 4 * k) + "}");
                assertThat(inner.get(g + 4 * k).getMessage().getHeader(AwsScnEventConstants.EVENT_ID))
                        .isEqualTo(events.get(k).eventId());
            }
        }
    }

    @Test
    void theBatchFailsWithExactlyTheInnerExchangesThatFailed() {
        List<Exchange> inner = inner(8, 5);
        Exchange batch = template.send("direct:batch", e -> e.getMessage().setBody(inner));
        assertThat(batch.getException()).isInstanceOfSatisfying(ExchangesFailedException.class,
                e -> assertThat(e.failedExchanges()).containsExactly(inner.get(5)));
        assertThat(inner.get(5).getException()).isInstanceOf(FieldValidationException.class);
        assertThat(stored()).hasSize(7);
    }

    @Test
    void afterARecordFailedForGoodTheLaterRecordsOfItsGroupInTheBatchAreNotSentSoRedeliveryKeepsTheOrder() {
        // groups a and b, three records each, interleaved; record 2 (a's second) cannot be delivered
        List<Exchange> inner = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Exchange exchange = new DefaultExchange(context);
            String group = i % 2 == 0 ? "a" : "b";
            exchange.getMessage().setBody("{\"id\":\"o-" + i + "\",\"seq\":" + i + (i == 2 ? ",\"note\":\"" + UNREACHABLE
                                          + "\"" : "") + "}");
            exchange.getMessage().setHeader(AwsScnEventConstants.EVENT_GROUP_ID, group);
            inner.add(exchange);
        }
        Exchange batch = template.send("direct:failing", e -> e.getMessage().setBody(inner));

        // a: record 0 stored, record 2 failed, record 4 not sent; b: all three stored
        assertThat(batch.getException()).isInstanceOfSatisfying(ExchangesFailedException.class,
                e -> assertThat(e.failedExchanges()).containsExactly(inner.get(2), inner.get(4)));
        assertThat(seqs("a")).containsExactly(0);
        assertThat(seqs("b")).containsExactly(1, 3, 5);
        assertThat(inner.get(2).getException()).isInstanceOf(ScnEventDeliveryException.class)
                .hasMessageStartingWith("AWS did not accept event 1 of 1 of group a").hasCauseInstanceOf(SdkClientException.class);
        assertThat(inner.get(4).getException()).isInstanceOf(ScnEventDeliveryException.class)
                .hasMessageStartingWith("Did not send event 1 of 1 of group a (" + TYPE + "): an earlier record of its group in"
                                        + " the same batch failed")
                .hasMessageContaining("Connection refused (test)").hasCauseInstanceOf(SdkClientException.class);

        // redelivered once AWS is reachable: only the two failed records go again, in their order
        inner.get(2).getMessage().setBody("{\"id\":\"o-2\",\"seq\":2}");
        Exchange again = template.send("direct:failing", e -> {
            e.getMessage().setBody(inner);
            e.getMessage().setHeader(Exchange.REDELIVERED, true);
        });
        assertThat(again.getException()).isNull();
        assertThat(seqs("a")).containsExactly(0, 2, 4);
        assertThat(seqs("b")).containsExactly(1, 3, 5);
    }

    @Test
    void inABatchLargerThanThePendingBoundTheRecordsAdmittedAfterAFailureAreNotSentEither() {
        // the endpoint holds 2 exchanges at most: records 2..7 are admitted only after record 1 failed for good
        List<Exchange> inner = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody("{\"id\":\"o-" + i + "\",\"seq\":" + i + (i == 1 ? ",\"note\":\"" + UNREACHABLE
                                          + "\"" : "") + "}");
            exchange.getMessage().setHeader(AwsScnEventConstants.EVENT_GROUP_ID, "a");
            inner.add(exchange);
        }
        Exchange batch = template.send("direct:failing-bounded", e -> e.getMessage().setBody(inner));

        assertThat(batch.getException()).isInstanceOfSatisfying(ExchangesFailedException.class,
                e -> assertThat(e.failedExchanges()).containsExactlyElementsOf(inner.subList(1, 8)));
        assertThat(seqs("a")).containsExactly(0);
        for (int i = 2; i < 8; i++) {
            assertThat(inner.get(i).getException()).isInstanceOf(ScnEventDeliveryException.class)
                    .hasMessageStartingWith("Did not send event 1 of 1 of group a");
        }

        // redelivered once AWS is reachable: the seven go again, in their order
        inner.get(1).getMessage().setBody("{\"id\":\"o-1\",\"seq\":1}");
        Exchange again = template.send("direct:failing-bounded", e -> {
            e.getMessage().setBody(inner);
            e.getMessage().setHeader(Exchange.REDELIVERED, true);
        });
        assertThat(again.getException()).isNull();
        assertThat(seqs("a")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void aRecordAwsRefusedAsInvalidDoesNotHoldBackTheLaterRecordsOfItsGroup() {
        // a record AWS refuses (400 ValidationException) fails again on every redelivery: its group goes on without it
        List<Exchange> inner = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody("{\"id\":\"o-" + i + "\",\"seq\":" + i + (i == 0 ? ",\"note\":\"" + REFUSED
                                          + "\"" : "") + "}");
            exchange.getMessage().setHeader(AwsScnEventConstants.EVENT_GROUP_ID, "a");
            inner.add(exchange);
        }
        Exchange batch = template.send("direct:failing", e -> e.getMessage().setBody(inner));
        assertThat(batch.getException()).isInstanceOfSatisfying(ExchangesFailedException.class,
                e -> assertThat(e.failedExchanges()).containsExactly(inner.get(0)));
        assertThat(inner.get(0).getException()).hasMessageStartingWith("AWS did not accept event 1 of 1 of group a");
        assertThat(seqs("a")).containsExactly(1, 2);
    }

    private List<Integer> seqs(String group) {
        List<Integer> out = new ArrayList<>();
        for (ScnEvent event : emulator().supplyChain().events(INSTANCE, TYPE, group)) {
            String data = event.data();
            int at = data.indexOf("\"seq\":") + 6;
            int end = at;
            while (end < data.length() && Character.isDigit(data.charAt(end))) {
                end++;
            }
            out.add(Integer.parseInt(data.substring(at, end)));
        }
        return out;
    }
}
