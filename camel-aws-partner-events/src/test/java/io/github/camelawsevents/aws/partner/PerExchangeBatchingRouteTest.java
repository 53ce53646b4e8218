package io.github.camelawsevents.aws.partner;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.FaultKind;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import io.github.camelawsevents.aws.emulator.PartnerEvent;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route users write first, one event per exchange, gets batched requests without any Aggregate EIP: the SEDA
 * consumer hands the producer exchange after exchange, their entries share requests, and every exchange keeps its own
 * outcome: its own EventId, and when its entry fails, a dead-letter exchange of its own with only its own entry.
 */
class PerExchangeBatchingRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    private static final int EXCHANGES = 400;

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from("seda:events?size=1000").to(URI + "&entryRetryAttempts=0").to("mock:sent");
                from("seda:alone?size=1000").to(URI + "&batchAcrossExchanges=false").to("mock:sent");
                from("seda:lingerLong?size=1000").routeId("lingerLong").to(URI + "&lingerMs=60000")
                        .to("mock:lingered");
                from("seda:lingerShort?size=1000").to(URI + "&lingerMs=1000").to("mock:lingered");
            }
        } };
    }

    @Test
    void singleEventExchangesShareRequestsAndEachGetsItsOwnEventId() throws Exception {
        emulator().faults().set(FaultSettings.builder().latency(Duration.ofMillis(30)).build());
        MockEndpoint sent = getMockEndpoint("mock:sent");
        sent.expectedMessageCount(EXCHANGES);
        for (String detail : indexedDetails(EXCHANGES)) {
            template.sendBody("seda:events", detail);
        }
        sent.assertIsSatisfied(30_000);

        long requests = emulator().partnerEvents().requestCount();
        assertThat(requests).as("far fewer requests than exchanges").isLessThanOrEqualTo(EXCHANGES / 4);
        Map<String, PartnerEvent> byId = eventsById();
        assertThat(byId).hasSize(EXCHANGES);
        for (Exchange exchange : sent.getExchanges()) {
            String eventId = exchange.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_ID, String.class);
            assertThat(byId.get(eventId).detail()).as("the EventId of the exchange's own entry")
                    .isEqualTo(exchange.getMessage().getBody(String.class));
            assertThat(exchange.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS, List.class))
                    .containsExactly(eventId);
            assertThat(exchange.getMessage().getHeader(AwsPartnerEventsConstants.FAILED_ENTRY_COUNT)).isEqualTo(0);
        }
    }

    @Test
    void aFailedEntryDeadLettersExactlyItsOwnExchangeAndNoOther() throws Exception {
        emulator().faults().set(FaultSettings.builder().latency(Duration.ofMillis(30)).entryInternalFailureRate(0.05)
                .build());
        MockEndpoint sent = getMockEndpoint("mock:sent");
        MockEndpoint dead = getMockEndpoint("mock:dead");
        for (String detail : indexedDetails(EXCHANGES)) {
            template.sendBody("seda:events", detail);
        }
        long failedEntries = awaitAll(sent, dead);

        assertThat(failedEntries).as("some entries failed").isPositive();
        assertThat(dead.getReceivedCounter()).as("one dead letter per failed entry").isEqualTo(failedEntries);
        assertThat(sent.getReceivedCounter() + dead.getReceivedCounter()).isEqualTo(EXCHANGES);
        Set<String> stored = emulator().partnerEvents().events().stream().map(PartnerEvent::detail)
                .collect(Collectors.toSet());
        Set<String> deadBodies = new HashSet<>();
        for (Exchange exchange : dead.getExchanges()) {
            String body = exchange.getMessage().getBody(String.class);
            deadBodies.add(body);
            assertThat(exchange.getProperty(Exchange.EXCEPTION_CAUGHT))
                    .isInstanceOfSatisfying(PartnerEventsFailedException.class, e -> {
                        assertThat(e.failedEntries()).singleElement().satisfies(f -> {
                            assertThat(f.entry().detail()).as("only its own entry").isEqualTo(body);
                            assertThat(f.errorCode()).isEqualTo("InternalFailure");
                        });
                        assertThat(e.eventIds()).containsExactly((String) null);
                    });
        }
        assertThat(deadBodies).as("what was dead-lettered was not stored").doesNotContainAnyElementsOf(stored);
        assertThat(stored).hasSize(EXCHANGES - deadBodies.size());
        assertThat(sent.getExchanges()).allSatisfy(e -> assertThat(stored).contains(e.getMessage().getBody(String.class)));
    }

    @Test
    void withBatchingAcrossExchangesOffEachRequestCarriesOneExchange() throws Exception {
        sendAndAwait("seda:alone", 100, "mock:sent");
        assertThat(emulator().partnerEvents().requestCount()).isEqualTo(100);
    }

    @Test
    void fullRequestsGoAtOnceWhileTheRestLingersUntilTheProducerStops() throws Exception {
        MockEndpoint lingered = getMockEndpoint("mock:lingered");
        for (String detail : indexedDetails(45)) {
            template.sendBody("seda:lingerLong", detail);
        }
        // lingerMs=60000: only full requests (20 entries) may have gone in these 10 seconds
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> lingered.getReceivedCounter() == 40);
        assertThat(emulator().partnerEvents().requestCount()).isEqualTo(2);
        assertThat(emulator().partnerEvents().count()).isEqualTo(40);

        // Camel's graceful stop waits for the 5 lingering exchanges until its timeout, then forces the route down and
        // stops the producer, whose stop sends what lingers (whether Camel then runs the rest of a route it forces
        // down is Camel's: it refuses to, so the mock is not asked)
        context.getShutdownStrategy().setTimeout(2);
        context.getRouteController().stopRoute("lingerLong");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> emulator().partnerEvents().count() == 45);
        assertThat(emulator().partnerEvents().requestCount()).as("the 5 that lingered, in one request").isEqualTo(3);
    }

    @Test
    void exchangesThatMakeNoFullRequestGoTogetherWhenTheirLingerEnds() throws Exception {
        sendAndAwait("seda:lingerShort", 3, "mock:lingered");
        assertThat(emulator().partnerEvents().requestCount()).as("one request after lingerMs=1000").isEqualTo(1);
        assertThat(emulator().partnerEvents().count()).isEqualTo(3);
    }

    /** Sends {@code count} indexed Details to {@code seda} and waits until {@code mock} received all of them. */
    private void sendAndAwait(String seda, int count, String mock) throws InterruptedException {
        MockEndpoint received = getMockEndpoint(mock);
        received.expectedMessageCount(count);
        for (String detail : indexedDetails(count)) {
            template.sendBody(seda, detail);
        }
        received.assertIsSatisfied(30_000);
    }

    /** Waits until every exchange reached one of the two mocks; returns the entries the emulator failed. */
    private long awaitAll(MockEndpoint sent, MockEndpoint dead) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> sent.getReceivedCounter() + dead.getReceivedCounter() == EXCHANGES);
        return emulator().stats().faults(FaultKind.ENTRY_INTERNAL_FAILURE);
    }
}
