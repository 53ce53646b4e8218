package io.github.camelawsevents.aws.scn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelawsevents.aws.core.delivery.DeliveryRefusedException;
import io.github.camelawsevents.aws.emulator.EmulatedDataset;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * confirmDatasetLoad against the emulator's dataset loads: a load that FAILED fails its exchange with AWS's message
 * (also to a dead-letter channel), one that SUCCEEDED completes it with the status headers, one still IN_PROGRESS at
 * the limit fails or completes as datasetLoadTimeoutAction says; one GetDataIntegrationEvent per event, never per
 * record, none for the fixed event types; a close while a poll waits for its backoff fails the exchange.
 */
class DatasetLoadConfirmationRouteTest extends EmulatorRouteTestSupport {

    private static final String ORDERS = "arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE
                                         + "/namespaces/default/datasets/orders";
    private static final String DATASET = SCN + "?eventType=scn.data.dataset&eventGroupId=orders&operationType=APPEND"
                                          + "&datasetIdentifier=" + ORDERS;
    private static final String FAST_POLLS = "&datasetLoadPollInterval=10&datasetLoadMaxPollInterval=50";
    private static final String CONFIRMED = DATASET + "&confirmDatasetLoad=true" + FAST_POLLS
                                            + "&datasetLoadTimeout=60000";
    private static final String SLOW_POLLS = DATASET + "&confirmDatasetLoad=true&datasetLoadPollInterval=600000"
                                             + "&datasetLoadMaxPollInterval=600000&datasetLoadTimeout=3600000";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:confirmed").errorHandler(noErrorHandler()).to(CONFIRMED)
                        .process(e -> e.setProperty("thread", Thread.currentThread().getName()));
                from("direct:unconfirmed").errorHandler(noErrorHandler()).to(DATASET);
                from("direct:limitFail").errorHandler(noErrorHandler())
                        .to(DATASET + "&confirmDatasetLoad=true" + FAST_POLLS + "&datasetLoadTimeout=300");
                from("direct:limitComplete").errorHandler(noErrorHandler())
                        .to(DATASET + "&confirmDatasetLoad=true" + FAST_POLLS + "&datasetLoadTimeout=300"
                            + "&datasetLoadTimeoutAction=COMPLETE");
                from("direct:coalesced").errorHandler(noErrorHandler()).to(CONFIRMED + "&coalesceRecords=true");
                from("direct:fixed").errorHandler(noErrorHandler())
                        .to(SCN + "?eventType=scn.data.inboundorder&eventGroupId=orders&confirmDatasetLoad=true"
                            + FAST_POLLS);
                from("direct:slowPolls").errorHandler(noErrorHandler()).to(SLOW_POLLS);
                from("direct:dlc").errorHandler(deadLetterChannel("mock:dead")).to(CONFIRMED + "&eventGroupId=dlc");
            }
        };
    }

    private void declareOrders() {
        emulator().dataLake().declare(INSTANCE, "default", "orders", List.of(
                new EmulatedDataset.Field("order_id", "STRING", true),
                new EmulatedDataset.Field("qty", "INT", true)), List.of("order_id"));
    }

    private static String order(int i) {
        return "{\"order_id\":\"o-" + i + "\",\"qty\":" + i + "}";
    }

    private static final String MISMATCH = "{\"order_id\":\"o-x\",\"qty\":\"many\"}";

    private long polls() {
        return emulator().stats().readRequests();
    }

    @Test
    void aMismatchingRecordFailsItsExchangeWithAwsLoadMessageWhenConfirmationIsOn() {
        declareOrders();
        Exchange failed = send("direct:confirmed", MISMATCH, Map.of());
        assertThat(failed.getException()).isInstanceOf(DatasetLoadFailedException.class);
        DatasetLoadFailedException e = (DatasetLoadFailedException) failed.getException();
        assertThat(e.getLoadMessage()).contains("qty", "cannot be cast to INT");
        assertThat(e.getMessage()).contains(e.getLoadMessage(), ORDERS, "FAILED");
        assertThat(e.getEventId()).isEqualTo(stored().get(0).eventId())
                .isEqualTo(failed.getMessage().getHeader(AwsScnEventConstants.EVENT_ID));
        assertThat(e.getDatasetIdentifier()).isEqualTo(ORDERS);
        assertThat(failed.getMessage().getHeader(AwsScnEventConstants.DATASET_LOAD_STATUS)).isEqualTo("FAILED");
        assertThat(failed.getMessage().getHeader(AwsScnEventConstants.DATASET_LOAD_MESSAGE))
                .isEqualTo(e.getLoadMessage());
        assertThat(polls()).as("one GetDataIntegrationEvent").isEqualTo(1);
    }

    @Test
    void withoutConfirmationTheSameRecordCompletesAndAMatchingOneCompletesWithSucceeded() {
        declareOrders();
        Exchange unconfirmed = send("direct:unconfirmed", MISMATCH, Map.of());
        assertThat(unconfirmed.getException()).isNull();
        assertThat(unconfirmed.getMessage().getHeaders()).doesNotContainKey(AwsScnEventConstants.DATASET_LOAD_STATUS);
        assertThat(polls()).as("no poll without confirmDatasetLoad").isZero();

        Exchange succeeded = send("direct:confirmed", order(1), Map.of());
        assertThat(succeeded.getException()).isNull();
        assertThat(succeeded.getMessage().getHeader(AwsScnEventConstants.DATASET_LOAD_STATUS)).isEqualTo("SUCCEEDED");
        assertThat(succeeded.getMessage().getHeaders()).doesNotContainKey(AwsScnEventConstants.DATASET_LOAD_MESSAGE);
        assertThat(succeeded.getProperty("thread", String.class)).as("the route goes on on the worker pool")
                .startsWith("Camel").contains("AwsScnEventWorker");
        assertThat(polls()).isEqualTo(1);
    }

    @Test
    void theExchangeCompletesOnlyWhenTheLoadFinishedPollingWithBackoff() throws Exception {
        declareOrders();
        emulator().dataLake().loadDelay(Duration.ofHours(1));
        CompletableFuture<Exchange> pending = template.asyncSend("direct:confirmed", e -> e.getMessage()
                .setBody(order(2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> polls() >= 3);
        assertThat(pending).isNotDone();
        emulator().dataLake().completeLoads();
        Exchange done = pending.get(30, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(AwsScnEventConstants.DATASET_LOAD_STATUS)).isEqualTo("SUCCEEDED");
    }

    @Test
    void aLoadStillInProgressAtTheLimitFailsNamingTheOptionOrCompletesAsTheOptionSays() {
        declareOrders();
        emulator().dataLake().loadDelay(Duration.ofHours(1));
        Exchange failed = send("direct:limitFail", order(3), Map.of());
        assertThat(failed.getException()).isInstanceOf(DatasetLoadTimeoutException.class)
                .hasMessageContaining("datasetLoadTimeout=300ms").hasMessageContaining("IN_PROGRESS")
                .hasMessageContaining("datasetLoadTimeoutAction=COMPLETE");
        DatasetLoadTimeoutException e = (DatasetLoadTimeoutException) failed.getException();
        assertThat(e.getTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(e.getStatus()).isEqualTo("IN_PROGRESS");
        assertThat(failed.getMessage().getHeader(AwsScnEventConstants.DATASET_LOAD_STATUS)).isEqualTo("IN_PROGRESS");
        long pollsForOne = polls();
        // 10, 20, 40, 50, 50, ... ms up to 300 ms: a handful, bounded by the schedule
        assertThat(pollsForOne).isBetween(2L, 10L);

        Exchange completed = send("direct:limitComplete", order(4), Map.of());
        assertThat(completed.getException()).isNull();
        assertThat(completed.getMessage().getHeader(AwsScnEventConstants.DATASET_LOAD_STATUS)).isEqualTo("IN_PROGRESS");
        assertThat(stored()).hasSize(2);
    }

    @Test
    void aMessageOfManyRecordsIsPolledOnceAndFixedEventTypesNever() {
        declareOrders();
        StringBuilder records = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            records.append(i == 0 ? "" : ",").append(order(i));
        }
        Exchange many = send("direct:confirmed", records.append(']').toString(), Map.of());
        assertThat(many.getException()).isNull();
        assertThat(stored()).hasSize(1);
        assertThat(polls()).as("one poll for one event of 200 records").isEqualTo(1);

        Exchange fixed = send("direct:fixed", "{\"id\":\"o-1\",\"tpartner_id\":\"p\"}", Map.of());
        assertThat(fixed.getException()).isNull();
        assertThat(fixed.getMessage().getHeaders()).doesNotContainKey(AwsScnEventConstants.DATASET_LOAD_STATUS);
        assertThat(polls()).as("no poll for a fixed event type").isEqualTo(1);
    }

    @Test
    void coalescedEventsConfirmAllTheirRecordsExchangesWithOnePollPerEvent() throws Exception {
        declareOrders();
        emulator().faults().set(FaultSettings.builder().latency(Duration.ofMillis(30)).build());
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String body = i == 30 ? MISMATCH : order(i);
            sent.add(template.asyncSend("direct:coalesced", e -> e.getMessage().setBody(body)));
        }
        List<Exchange> done = new ArrayList<>();
        for (CompletableFuture<Exchange> future : sent) {
            done.add(future.get(60, TimeUnit.SECONDS));
        }
        List<ScnEvent> events = stored();
        assertThat(events.size()).as("records were coalesced").isLessThan(60);
        assertThat(polls()).as("one poll per event, none per record").isEqualTo(events.size());
        Set<String> failedEvents = new HashSet<>();
        for (Exchange exchange : done) {
            if (exchange.getException() != null) {
                assertThat(exchange.getException()).isInstanceOf(DatasetLoadFailedException.class);
                failedEvents.add(exchange.getMessage().getHeader(AwsScnEventConstants.EVENT_ID, String.class));
            } else {
                assertThat(exchange.getMessage().getHeader(AwsScnEventConstants.DATASET_LOAD_STATUS))
                        .isEqualTo("SUCCEEDED");
            }
        }
        // the event that carried the mismatching record failed its load: every exchange it carried fails, no other
        assertThat(failedEvents).hasSize(1);
        long failedExchanges = done.stream().filter(e -> e.getException() != null).count();
        long carried = done.stream().filter(e -> failedEvents.contains(e.getMessage()
                .getHeader(AwsScnEventConstants.EVENT_ID, String.class))).count();
        assertThat(failedExchanges).isEqualTo(carried).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aFailedLoadReachesTheDeadLetterChannelWithItsTypedException() throws Exception {
        declareOrders();
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        template.send("direct:dlc", e -> e.getMessage().setBody(MISMATCH));
        dead.assertIsSatisfied();
        Exception caught = dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(caught).isInstanceOf(DatasetLoadFailedException.class);
        assertThat(((DatasetLoadFailedException) caught).getLoadMessage()).contains("qty");
    }

    @Test
    void aCloseWhileAPollWaitsForItsBackoffFailsTheExchangeAndNeverHangs() throws Exception {
        declareOrders();
        emulator().dataLake().loadDelay(Duration.ofHours(1));
        CompletableFuture<Exchange> pending = template.asyncSend("direct:slowPolls", e -> e.getMessage()
                .setBody(order(5)));
        AwsScnEventEndpoint endpoint = scnEndpoint(SLOW_POLLS);
        // accepted by AWS, its first poll waiting for its backoff (10 minutes)
        await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.getDatasetLoadsConfirming() == 1);
        assertThat(pending).isNotDone();
        endpoint.stop();
        Exchange done = pending.get(30, TimeUnit.SECONDS);
        assertThat(done.getException()).isInstanceOf(DatasetLoadException.class)
                .isNotInstanceOf(DatasetLoadFailedException.class).hasMessageContaining("not confirmed")
                .hasCauseInstanceOf(DeliveryRefusedException.class);
        assertThat(((DatasetLoadException) done.getException()).getEventId()).isEqualTo(stored().get(0).eventId());
        assertThat(polls()).as("the poll waited for its backoff").isZero();
    }
}
