package io.github.camelawsevents.aws.partner;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user-bound client (autowired from the registry, counting the requests it has open) shows the bound on requests
 * in flight, the backpressure on the sending thread, waiting for in-flight requests on stop, and that the component
 * never closes a client it did not build.
 */
class InFlightRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    private static EventBridgeAsyncClient realClient;
    private static final AtomicInteger OPEN = new AtomicInteger();
    private static final AtomicInteger PEAK = new AtomicInteger();

    /** The real SDK client with a counter of open putPartnerEvents calls around it. */
    private static EventBridgeAsyncClient countingClient;

    @BeforeAll
    static void buildClient() {
        AwsEventsEmulator emulator = EMULATOR.emulator();
        realClient = EventBridgeAsyncClient.builder()
                .region(Region.of(emulator.region()))
                .endpointOverride(emulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKey(), emulator.secretKey())))
                .build();
        countingClient = (EventBridgeAsyncClient) Proxy.newProxyInstance(InFlightRouteTest.class.getClassLoader(),
                new Class<?>[] { EventBridgeAsyncClient.class }, (proxy, method, args) -> {
                    try {
                        if (!method.getName().equals("putPartnerEvents")) {
                            return method.invoke(realClient, args);
                        }
                        PEAK.accumulateAndGet(OPEN.incrementAndGet(), Math::max);
                        CompletableFuture<?> future = (CompletableFuture<?>) method.invoke(realClient, args);
                        return future.whenComplete((r, e) -> OPEN.decrementAndGet());
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @AfterAll
    static void closeClient() {
        realClient.close();
    }

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("partnerEventsClient", EventBridgeAsyncClient.class, countingClient);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(URI + "&maxInFlightRequests=2");
                from("direct:slowRetry").to(URI + "&entryRetryBackoff=30s&entryRetryMaxBackoff=30s");
            }
        };
    }

    @Test
    void theBoundClientIsAutowiredAndAtMostMaxInFlightRequestsAreOpen() {
        OPEN.set(0);
        PEAK.set(0);
        emulator().faults().set(FaultSettings.builder().latency(Duration.ofMillis(100)).build());
        Exchange exchange = template.send("direct:send", e -> e.getMessage().setBody(indexedDetails(200)));

        assertThat(exchange.getException()).isNull();
        AwsPartnerEventsEndpoint endpoint = context.getEndpoints().stream()
                .filter(e -> e instanceof AwsPartnerEventsEndpoint && e.getEndpointUri().contains("maxInFlightRequests=2"))
                .map(AwsPartnerEventsEndpoint.class::cast).findFirst().orElseThrow();
        assertThat(endpoint.getClient()).as("autowired").isSameAs(countingClient);
        assertThat(emulator().partnerEvents().requestCount()).isEqualTo(10);
        assertThat(PEAK.get()).as("requests overlapped, but never more than the bound").isEqualTo(2);
        assertThat(endpoint.getPeakRequestsInFlight()).as("the endpoint's own count agrees").isEqualTo(2);
        assertThat(endpoint.getRequestsInFlight()).isZero();
        assertThat(emulator().partnerEvents().count()).isEqualTo(200);
    }

    @Test
    void stoppingWaitsForRequestsInFlightAndLeavesTheBoundClientOpen() throws Exception {
        emulator().faults().set(FaultSettings.builder().latency(Duration.ofMillis(300)).build());
        CompletableFuture<Exchange> pending = template.asyncSend("direct:send",
                e -> e.getMessage().setBody(indexedDetails(40)));
        // the first request is on its way: stop the context while it is in flight
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> OPEN.get() > 0);
        context.stop();

        Exchange exchange = pending.get();
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS, List.class))
                .hasSize(40).doesNotContainNull();
        assertThat(emulator().partnerEvents().count()).isEqualTo(40);

        emulator().faults().clear();
        realClient.putPartnerEvents(PutPartnerEventsRequest.builder().entries(PutPartnerEventsRequestEntry.builder()
                .source(SOURCE).detailType("AfterStop").detail("{}").build()).build()).join();
        assertThat(emulator().partnerEvents().count()).as("the bound client still works").isEqualTo(41);
    }

    @Test
    void stoppingDuringARetryBackoffSendsTheRetriesAtOnceAndCompletesTheMessageWithWhatFailed() throws Exception {
        emulator().faults().set(FaultSettings.builder().entryThrottleRate(1.0).build());
        context.getShutdownStrategy().setTimeout(1);
        CompletableFuture<Exchange> pending = template.asyncSend("direct:slowRetry",
                e -> e.getMessage().setBody(indexedDetails(3)));
        // the first round was answered (all throttled); the retry waits 15 to 30 seconds
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> emulator().partnerEvents().requestCount() == 1 && OPEN.get() == 0);
        context.stop();

        Exchange exchange = pending.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(exchange.getException()).isInstanceOfSatisfying(PartnerEventsFailedException.class,
                e -> assertThat(e.failedEntries()).extracting(FailedEntry::errorCode)
                        .containsOnly("ThrottlingException").hasSize(3));
        // the stop ended the 30 s backoffs: the first round and the 3 retries went at once (all throttled again)
        assertThat(emulator().partnerEvents().requestCount()).isEqualTo(4);
    }
}
