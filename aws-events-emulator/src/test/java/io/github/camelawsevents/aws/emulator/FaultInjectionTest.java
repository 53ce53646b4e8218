package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InternalException;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResultEntry;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;
import software.amazon.awssdk.services.supplychain.SupplyChainClient;
import software.amazon.awssdk.services.supplychain.model.InternalServerException;
import software.amazon.awssdk.services.supplychain.model.ThrottlingException;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

import static io.github.camelawsevents.aws.emulator.PartnerEventsTest.entries;
import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.inboundOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class FaultInjectionTest {

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

    static void faults(FaultSettings.Builder settings) {
        AWS.emulator().faults().set(settings.build());
    }

    @Test
    void requestThrottlingAnswersThrottlingExceptionInEachServicesTerms() {
        faults(FaultSettings.builder().requestThrottleRate(1.0));

        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().build()))
                .isInstanceOfSatisfying(ThrottlingException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.isThrottlingException()).isTrue();
                });
        assertThatThrownBy(() -> events.putPartnerEvents(b -> b.entries(entries(2))))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e).isInstanceOf(software.amazon.awssdk.services.eventbridge.model.ThrottlingException.class);
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                    assertThat(e.isThrottlingException()).isTrue();
                });
        EmulatorStats stats = AWS.emulator().stats();
        assertThat(stats.faults(FaultKind.REQUEST_THROTTLED)).isEqualTo(2);
        assertThat(stats.rejected(Api.SUPPLY_CHAIN)).isEqualTo(1);
        assertThat(AWS.emulator().supplyChain().count()).isZero();
        assertThat(AWS.emulator().partnerEvents().count()).isZero();
        assertThat(AWS.emulator().partnerEvents().requestCount()).as("stopped before the operation").isZero();
    }

    @Test
    void serverErrorsAnswer500InEachServicesTerms() {
        faults(FaultSettings.builder().serverErrorRate(1.0));

        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().build()))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThatThrownBy(() -> events.putPartnerEvents(b -> b.entries(entries(1))))
                .isInstanceOfSatisfying(InternalException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(AWS.emulator().stats().faults(FaultKind.SERVER_ERROR)).isEqualTo(2);
        assertThat(AWS.emulator().supplyChain().count()).isZero();
    }

    @Test
    void entryFaultsFailEntriesInsideA200() {
        faults(FaultSettings.builder().entryThrottleRate(1.0));
        PutPartnerEventsResponse throttled = events.putPartnerEvents(b -> b.entries(entries(3)));
        assertThat(throttled.failedEntryCount()).isEqualTo(3);
        assertThat(throttled.entries()).extracting(PutPartnerEventsResultEntry::errorCode).containsOnly("ThrottlingException");

        faults(FaultSettings.builder().entryInternalFailureRate(1.0));
        PutPartnerEventsResponse failed = events.putPartnerEvents(b -> b.entries(entries(2)));
        assertThat(failed.entries()).extracting(PutPartnerEventsResultEntry::errorCode).containsOnly("InternalFailure");

        assertThat(AWS.emulator().partnerEvents().count()).isZero();
        assertThat(AWS.emulator().stats().faults(FaultKind.ENTRY_THROTTLED)).isEqualTo(3);
        assertThat(AWS.emulator().stats().faults(FaultKind.ENTRY_INTERNAL_FAILURE)).isEqualTo(2);
    }

    @Test
    void anInvalidEntryKeepsItsValidationErrorOverAnInjectedOne() {
        faults(FaultSettings.builder().entryThrottleRate(1.0));
        PutPartnerEventsResponse response = events.putPartnerEvents(b -> b.entries(PartnerEventsTest.entry("bad"),
                PartnerEventsTest.entry("{}")));
        assertThat(response.entries()).extracting(PutPartnerEventsResultEntry::errorCode)
                .containsExactly("MalformedDetail", "ThrottlingException");
    }

    @Test
    void fixedLatencyDelaysTheResponseWithoutBlocking() {
        faults(FaultSettings.builder().latency(Duration.ofMillis(300)));
        long start = System.nanoTime();
        scn.sendDataIntegrationEvent(inboundOrder().build());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(AWS.emulator().stats().faults(FaultKind.LATENCY_ADDED)).isEqualTo(1);
    }

    @Test
    void randomLatencyStaysWithinItsRange() {
        faults(FaultSettings.builder().randomLatency(Duration.ofMillis(150), Duration.ofMillis(200)));
        long start = System.nanoTime();
        events.putPartnerEvents(b -> b.entries(entries(1)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void latencyOnOneConnectionDoesNotHoldUpOthers() {
        faults(FaultSettings.builder().latency(Duration.ofSeconds(30)).appliesTo(Api.PARTNER_EVENTS));
        try (EventBridgeAsyncClient async = SdkClients.eventBridgeAsync(AWS.emulator())) {
            var slow = async.putPartnerEvents(b -> b.entries(entries(1)));
            await().atMost(Duration.ofSeconds(10)).until(() -> AWS.emulator().partnerEvents().count() == 1);
            long start = System.nanoTime();
            scn.sendDataIntegrationEvent(inboundOrder().build());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            assertThat(slow).as("still waiting for its delayed answer").isNotDone();
        } // closing the client abandons the delayed answer
    }

    @Test
    void aDroppedConnectionIsAnIoErrorAndNothingIsStored() {
        faults(FaultSettings.builder().dropConnectionRate(1.0));

        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().build()))
                .isInstanceOf(SdkClientException.class)
                .hasRootCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> events.putPartnerEvents(b -> b.entries(entries(1))))
                .isInstanceOf(SdkClientException.class);
        try (SupplyChainAsyncClient async = SdkClients.supplyChainAsync(AWS.emulator())) {
            assertThatThrownBy(() -> async.sendDataIntegrationEvent(inboundOrder().build()).join())
                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(SdkClientException.class);
        }
        assertThat(AWS.emulator().supplyChain().count()).isZero();
        assertThat(AWS.emulator().partnerEvents().requestCount()).isZero();
        assertThat(AWS.emulator().stats().faults(FaultKind.DROPPED_CONNECTION)).isEqualTo(3);
    }

    @Test
    void aLostResponseStoresTheEventThenClosesTheConnection() {
        faults(FaultSettings.builder().lostResponseRate(1.0));

        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().build())).isInstanceOf(SdkClientException.class);
        assertThatThrownBy(() -> events.putPartnerEvents(b -> b.entries(entries(2)))).isInstanceOf(SdkClientException.class);

        assertThat(AWS.emulator().supplyChain().count()).isEqualTo(1);
        assertThat(AWS.emulator().partnerEvents().count()).isEqualTo(2);
        assertThat(AWS.emulator().stats().faults(FaultKind.LOST_RESPONSE)).isEqualTo(2);
        assertThat(AWS.emulator().stats().accepted(Api.SUPPLY_CHAIN)).isEqualTo(1);
    }

    @Test
    void eachStoredEntryNamesTheRequestThatStoredItSoCopiesFromLostResponsesCanBeToldApart() {
        faults(FaultSettings.builder().lostResponseRate(1.0));
        try (EventBridgeClient retrying = EventBridgeClient.builder()
                .endpointOverride(AWS.emulator().endpoint())
                .region(Region.of(AWS.emulator().region()))
                .credentialsProvider(SdkClients.credentials(AWS.emulator()))
                .httpClient(ApacheHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(3).backoffStrategy(BackoffStrategy.retryImmediately()).build()))
                .build()) {
            assertThatThrownBy(() -> retrying.putPartnerEvents(b -> b.entries(entries(2))))
                    .isInstanceOf(SdkClientException.class);
        }
        AWS.emulator().faults().clear();
        events.putPartnerEvents(b -> b.entries(entries(1)));

        List<PartnerEvent> stored = AWS.emulator().partnerEvents().events();
        assertThat(stored).hasSize(7);
        // the SDK's three attempts of one call: the same invocation id, attempts 1 to 3, each response lost
        String invocationId = stored.get(0).request().invocationId();
        assertThat(invocationId).isNotBlank();
        for (int attempt = 1; attempt <= 3; attempt++) {
            for (PartnerEvent e : stored.subList(2 * attempt - 2, 2 * attempt)) {
                assertThat(e.request()).isEqualTo(new PartnerEvent.StoredBy(attempt, invocationId, attempt, true));
            }
        }
        // another call, answered
        assertThat(stored.get(6).request().invocationId()).isNotBlank().isNotEqualTo(invocationId);
        assertThat(stored.get(6).request().sequence()).isEqualTo(4);
        assertThat(stored.get(6).request().attempt()).isEqualTo(1);
        assertThat(stored.get(6).request().responseLost()).isFalse();
    }

    @Test
    void anErrorAfterStoreStoresTheEventThenAnswers500() {
        faults(FaultSettings.builder().errorAfterStoreRate(1.0));

        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().build()))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThatThrownBy(() -> events.putPartnerEvents(b -> b.entries(entries(2))))
                .isInstanceOf(InternalException.class);

        assertThat(AWS.emulator().supplyChain().count()).isEqualTo(1);
        assertThat(AWS.emulator().partnerEvents().count()).isEqualTo(2);
        assertThat(AWS.emulator().stats().faults(FaultKind.ERROR_AFTER_STORE)).isEqualTo(2);
    }

    @Test
    void aRetryWithTheSameTokenAfterAnErrorAfterStoreIsAReplay() {
        faults(FaultSettings.builder().errorAfterStoreRate(1.0));
        String token = "retry-token-0123456789-0123456789-0";
        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().clientToken(token).build()))
                .isInstanceOf(InternalServerException.class);
        AWS.emulator().faults().clear();
        String eventId = scn.sendDataIntegrationEvent(inboundOrder().clientToken(token).build()).eventId();

        assertThat(AWS.emulator().supplyChain().events()).singleElement()
                .satisfies(e -> assertThat(e.eventId()).isEqualTo(eventId));
        assertThat(AWS.emulator().supplyChain().idempotentReplays()).isEqualTo(1);
    }

    @Test
    void theTokenBucketThrottlesRequestsOverItsRate() {
        // one token, refilled every 10 s: the first request passes, the next ones within 10 s are throttled
        faults(FaultSettings.builder().requestsPerSecond(0.1).appliesTo(Api.SUPPLY_CHAIN));

        scn.sendDataIntegrationEvent(inboundOrder().build());
        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().build())).isInstanceOf(ThrottlingException.class);
        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().build())).isInstanceOf(ThrottlingException.class);
        events.putPartnerEvents(b -> b.entries(entries(1)));

        assertThat(AWS.emulator().supplyChain().count()).isEqualTo(1);
        assertThat(AWS.emulator().stats().faults(FaultKind.RATE_LIMITED)).isEqualTo(2);
    }

    @Test
    void throttlingBurstsThrottleEverythingInsideTheirWindow() {
        faults(FaultSettings.builder().throttleBurst(Duration.ofHours(1), Duration.ofHours(1)));
        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().build())).isInstanceOf(ThrottlingException.class);

        faults(FaultSettings.builder().throttleBurst(Duration.ofHours(1), Duration.ZERO));
        scn.sendDataIntegrationEvent(inboundOrder().build());
        assertThat(AWS.emulator().stats().faults(FaultKind.BURST_THROTTLED)).isEqualTo(1);
    }

    @Test
    void settingsApplyOnlyToTheirApis() {
        faults(FaultSettings.builder().serverErrorRate(1.0).appliesTo(Api.PARTNER_EVENTS));
        scn.sendDataIntegrationEvent(inboundOrder().build());
        events.putEvents(b -> b.entries(PutEventsTest.entries(1)));
        assertThatThrownBy(() -> events.putPartnerEvents(b -> b.entries(entries(1)))).isInstanceOf(InternalException.class);
    }

    @Test
    void eachApiCanHaveItsOwnSettings() {
        AWS.emulator().faults().set(FaultSettings.builder().requestThrottleRate(1.0).appliesTo(Api.SUPPLY_CHAIN).build());
        AWS.emulator().faults().add(FaultSettings.builder().serverErrorRate(1.0).appliesTo(Api.PARTNER_EVENTS).build());

        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().build())).isInstanceOf(ThrottlingException.class);
        assertThatThrownBy(() -> events.putPartnerEvents(b -> b.entries(entries(1)))).isInstanceOf(InternalException.class);
        assertThat(AWS.emulator().faults().current(Api.PUT_EVENTS)).isEqualTo(FaultSettings.NONE);
        assertThat(AWS.emulator().faults().current(Api.SUPPLY_CHAIN).requestThrottleRate()).isEqualTo(1.0);
    }

    @Test
    void changesTakeEffectForTheNextRequestAndResetClearsThem() {
        faults(FaultSettings.builder().serverErrorRate(1.0));
        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().build())).isInstanceOf(InternalServerException.class);
        AWS.emulator().reset();
        scn.sendDataIntegrationEvent(inboundOrder().build());
        assertThat(AWS.emulator().faults().current()).isEqualTo(FaultSettings.NONE);
        assertThat(AWS.emulator().stats().faults(FaultKind.SERVER_ERROR)).isZero();
    }

    @Test
    void theSameSeedGivesTheSameFaultSequenceToASequentialClient() {
        FaultSettings settings = FaultSettings.builder().requestThrottleRate(0.3).serverErrorRate(0.1)
                .entryThrottleRate(0.2).entryInternalFailureRate(0.1).build();
        String first = outcomes(7, settings);
        String again = outcomes(7, settings);
        String otherSeed = outcomes(8, settings);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first).contains("T", "E", "ok", "ThrottlingException", "InternalFailure");
    }

    /** 40 PutPartnerEvents of 5 entries against a fresh emulator: what each request and entry got. */
    private static String outcomes(long seed, FaultSettings settings) {
        StringBuilder outcomes = new StringBuilder();
        try (AwsEventsEmulator emulator = AwsEventsEmulator.builder().seed(seed).faults(settings).start();
             EventBridgeClient client = SdkClients.eventBridge(emulator)) {
            for (int i = 0; i < 40; i++) {
                try {
                    PutPartnerEventsResponse r = client.putPartnerEvents(b -> b.entries(entries(5)));
                    r.entries().forEach(e -> outcomes.append(e.errorCode() == null ? "ok" : e.errorCode()).append(','));
                } catch (SdkException e) {
                    outcomes.append(e instanceof InternalException ? "E" : "T");
                }
                outcomes.append('|');
            }
        }
        return outcomes.toString();
    }
}
