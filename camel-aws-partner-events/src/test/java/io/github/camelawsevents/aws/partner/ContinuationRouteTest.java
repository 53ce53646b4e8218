package io.github.camelawsevents.aws.partner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelawsevents.aws.core.delivery.DeliveryRefusedException;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What happens after AWS answered, with a real route, the real SDK client and the emulator: the rest of the route runs
 * on the component's worker pool (never on an AWS SDK or Netty thread, also when answers overlap under load), as
 * concurrently as its consumers feed it; routes that send back and forth between two endpoints with small pending
 * bounds finish; stopping an endpoint answers every caller waiting for its bound; a request AWS refuses as too large is
 * sent again in halves, so only an entry too large on its own fails.
 */
class ContinuationRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension(
            AwsEventsEmulator.builder().eventBridgeRequestSizeLimit(2500));

    static final String OTHER = "aws-partner-events:aws.partner/example.com/orders/shipped?detailType=OrderShipped";

    private final Set<String> stepThreads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @BeforeEach
    void clean() {
        emulator().reset();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:threads?concurrentConsumers=16&size=10000").routeId("threads")
                        .to(URI)
                        .process(e -> stepThreads.add(Thread.currentThread().getName()))
                        .to("mock:threads");
                from("seda:slow?concurrentConsumers=16&size=10000").routeId("slow")
                        .to(URI)
                        .process(e -> {
                            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                            Thread.sleep(20); // the step's own work: what is measured is how many run at once
                            running.decrementAndGet();
                        })
                        .to("mock:slow");
                // A -> B and B -> A, each endpoint holding at most 2 exchanges
                from("seda:a?concurrentConsumers=8&size=10000").routeId("a-then-b")
                        .to(URI + "&maxPendingExchanges=2").to(OTHER + "&maxPendingExchanges=2").to("mock:ab");
                from("seda:b?concurrentConsumers=8&size=10000").routeId("b-then-a")
                        .to(OTHER + "&maxPendingExchanges=2").to(URI + "&maxPendingExchanges=2").to("mock:ba");
                from("direct:bounded").routeId("bounded").errorHandler(noErrorHandler())
                        .to("aws-partner-events:aws.partner/example.com/orders/bounded?detailType=Bounded"
                            + "&maxPendingExchanges=1&maxBlockMs=60000");
                from("direct:large").routeId("large").errorHandler(noErrorHandler()).to(URI + "&maxAttempts=1");
            }
        };
    }

    @Test
    void theStepAfterTheProducerNeverRunsOnAnSdkOrNettyThreadUnderLoad() throws Exception {
        emulator().faults().set(FaultSettings.builder().randomLatency(Duration.ofMillis(5), Duration.ofMillis(30))
                .build());
        getMockEndpoint("mock:threads").expectedMessageCount(3000);
        for (int i = 0; i < 3000; i++) {
            template.sendBody("seda:threads", "{\"i\":" + i + "}");
        }
        MockEndpoint.assertIsSatisfied(120, java.util.concurrent.TimeUnit.SECONDS, getMockEndpoint("mock:threads"));
        assertThat(stepThreads).isNotEmpty().allSatisfy(name -> assertThat(name)
                .contains("AwsPartnerEventsWorker")
                .doesNotContainIgnoringCase("sdk").doesNotContainIgnoringCase("netty")
                .doesNotContainIgnoringCase("eventloop"));
        assertThat(emulator().partnerEvents().count()).isEqualTo(3000);
    }

    @Test
    void aSlowStepFedBySixteenConsumersRunsAtLeastEightAtOnce() throws Exception {
        emulator().faults().set(FaultSettings.builder().latency(Duration.ofMillis(20)).build());
        getMockEndpoint("mock:slow").expectedMessageCount(800);
        for (int i = 0; i < 800; i++) {
            template.sendBody("seda:slow", "{\"i\":" + i + "}");
        }
        MockEndpoint.assertIsSatisfied(120, java.util.concurrent.TimeUnit.SECONDS, getMockEndpoint("mock:slow"));
        assertThat(mostAtOnce.get()).as("steps of 20 ms at once").isGreaterThanOrEqualTo(8);
    }

    @Test
    void routesSendingBackAndForthBetweenTwoEndpointsWithSmallBoundsFinish() throws Exception {
        emulator().faults().set(FaultSettings.builder().latency(Duration.ofMillis(5)).build());
        getMockEndpoint("mock:ab").expectedMessageCount(300);
        getMockEndpoint("mock:ba").expectedMessageCount(300);
        for (int i = 0; i < 300; i++) {
            template.sendBody("seda:a", "{\"a\":" + i + "}");
            template.sendBody("seda:b", "{\"b\":" + i + "}");
        }
        MockEndpoint.assertIsSatisfied(120, java.util.concurrent.TimeUnit.SECONDS, getMockEndpoint("mock:ab"));
        MockEndpoint.assertIsSatisfied(120, java.util.concurrent.TimeUnit.SECONDS, getMockEndpoint("mock:ba"));
        assertThat(emulator().partnerEvents().count()).isEqualTo(1200);
    }

    @Test
    void stoppingAnEndpointAnswersEveryCallerWaitingForItsBound() throws Exception {
        // AWS answers only after 30 s: the first exchange holds the only place, the others wait for it
        emulator().faults().set(FaultSettings.builder().latency(Duration.ofSeconds(30)).build());
        List<Future<Exchange>> callers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            callers.add(template.asyncSend("direct:bounded", e -> e.getMessage().setBody("{\"n\":" + n + "}")));
        }
        Endpoint endpoint = context.getEndpoint(
                "aws-partner-events:aws.partner/example.com/orders/bounded?detailType=Bounded"
                + "&maxPendingExchanges=1&maxBlockMs=60000");
        // one exchange in flight, four callers parked for the bound
        await().atMost(Duration.ofSeconds(20)).until(() -> callersWaitingForTheBound() == 4);
        endpoint.stop();
        int refusedWhileWaiting = 0;
        for (Future<Exchange> caller : callers) {
            Exchange answered = caller.get(10, TimeUnit.SECONDS);
            assertThat(answered.getException()).as("every caller gets an answer").isNotNull();
            Throwable cause = answered.getException();
            while (cause != null && !(cause instanceof DeliveryRefusedException)) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOf(DeliveryRefusedException.class).hasMessageContaining("stopped");
            if (cause.getMessage().contains("before this exchange was taken")) {
                refusedWhileWaiting++;
            }
        }
        assertThat(refusedWhileWaiting).as("the callers that waited for the bound").isEqualTo(4);
    }

    private static long callersWaitingForTheBound() {
        return Thread.getAllStackTraces().values().stream()
                .filter(stack -> java.util.Arrays.stream(stack)
                        .anyMatch(frame -> frame.getClassName().endsWith("delivery.Admission")
                                           && frame.getMethodName().equals("await")))
                .count();
    }

    @Test
    void aRequestRefusedAsTooLargeIsSentAgainInHalvesAndOnlyAnEntryTooLargeAloneFails() throws Exception {
        // each entry about 600 bytes: 20 of them are far beyond the emulator's 2,500-byte limit
        List<String> details = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            details.add("{\"i\":" + i + ",\"p\":\"" + "x".repeat(520) + "\"}");
        }
        Exchange batch = template.send("direct:large", e -> e.getMessage().setBody(details));
        assertThat(batch.getException()).isNull();
        assertThat(emulator().partnerEvents().count()).isEqualTo(20);

        List<String> withOneTooLarge = new ArrayList<>(details.subList(0, 3));
        withOneTooLarge.add(1, "{\"big\":\"" + "y".repeat(3000) + "\"}");
        Exchange failed = template.send("direct:large", e -> e.getMessage().setBody(withOneTooLarge));
        assertThat(failed.getException()).isInstanceOfSatisfying(PartnerEventsFailedException.class, e -> {
            assertThat(e.failedEntries()).singleElement().satisfies(f -> {
                assertThat(f.index()).isEqualTo(1);
                assertThat(f.entry().detail()).startsWith("{\"big\"");
            });
            assertThat(e.getCause()).isInstanceOf(RequestTooLargeException.class);
        });
        assertThat(emulator().partnerEvents().count()).as("the three others were delivered").isEqualTo(23);
    }
}
