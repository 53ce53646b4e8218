package io.github.camelawsevents.aws.scn;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelawsevents.aws.emulator.FaultSettings;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens after AWS answered, with a real route, the real SDK client and the emulator: the rest of the route runs
 * on the component's worker pool, never on an AWS SDK or Netty thread (also when answers overlap under load), and as
 * concurrently as its consumers feed it.
 */
class ContinuationRouteTest extends EmulatorRouteTestSupport {

    private static final String TYPE = "scn.data.inboundorder";

    private final Set<String> stepThreads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:threads?concurrentConsumers=16&size=10000")
                        .setHeader(AwsScnEventConstants.EVENT_GROUP_ID, simple("g-${body.length()}-${header.n}"))
                        .to(SCN + "?eventType=" + TYPE)
                        .process(e -> stepThreads.add(Thread.currentThread().getName()))
                        .to("mock:threads");
                from("seda:slow?concurrentConsumers=16&size=10000")
                        .setHeader(AwsScnEventConstants.EVENT_GROUP_ID, simple("g-${header.n}"))
                        .to(SCN + "?eventType=" + TYPE)
                        .process(e -> {
                            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                            Thread.sleep(20); // the step's own work: what is measured is how many run at once
                            running.decrementAndGet();
                        })
                        .to("mock:slow");
            }
        };
    }

    @Test
    void theStepAfterTheProducerNeverRunsOnAnSdkOrNettyThreadUnderLoad() throws Exception {
        emulator().faults().set(FaultSettings.builder().randomLatency(Duration.ofMillis(5), Duration.ofMillis(30))
                .build());
        getMockEndpoint("mock:threads").expectedMessageCount(2000);
        for (int i = 0; i < 2000; i++) {
            template.sendBodyAndHeader("seda:threads", "{\"id\":\"o-" + i + "\"}", "n", i % 64);
        }
        MockEndpoint.assertIsSatisfied(120, java.util.concurrent.TimeUnit.SECONDS, getMockEndpoint("mock:threads"));
        assertThat(stepThreads).isNotEmpty().allSatisfy(name -> assertThat(name)
                .contains("AwsScnEventWorker")
                .doesNotContainIgnoringCase("sdk").doesNotContainIgnoringCase("netty")
                .doesNotContainIgnoringCase("eventloop"));
        assertThat(stored()).hasSize(2000);
    }

    @Test
    void aSlowStepFedBySixteenConsumersRunsAtLeastEightAtOnce() throws Exception {
        emulator().faults().set(FaultSettings.builder().latency(Duration.ofMillis(20)).build());
        getMockEndpoint("mock:slow").expectedMessageCount(800);
        for (int i = 0; i < 800; i++) {
            template.sendBodyAndHeader("seda:slow", "{\"id\":\"o-" + i + "\"}", "n", i % 64);
        }
        MockEndpoint.assertIsSatisfied(120, java.util.concurrent.TimeUnit.SECONDS, getMockEndpoint("mock:slow"));
        assertThat(mostAtOnce.get()).as("steps of 20 ms at once").isGreaterThanOrEqualTo(8);
    }
}
