package io.github.camelawsevents.aws.scn;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.camelawsevents.aws.emulator.FaultKind;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-group order under concurrency, throttling, 5xx and retries: 8 groups x 50 messages through one SEDA consumer;
 * the emulator's per-key receipt log must equal the send order of every group, with each message stored once.
 */
class OrderingRouteTest extends EmulatorRouteTestSupport {


    private static final int GROUPS = 8;
    private static final int PER_GROUP = 50;
    private static final String TYPE = "scn.data.inboundorder";
    private static final String TO = SCN + "?eventType=" + TYPE + "&maxAttempts=20";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:orders?size=1000").routeId("orders").to(TO);
            }
        };
    }

    @Test
    void eachGroupIsReceivedInSendOrderWhileGroupsRunConcurrentlyUnderThrottlingAndRetries() {
        emulator().faults().set(FaultSettings.builder()
                .requestThrottleRate(0.2)
                .serverErrorRate(0.05)
                .errorAfterStoreRate(0.05)
                .randomLatency(Duration.ZERO, Duration.ofMillis(20))
                .build());
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("orders").whenDone(GROUPS * PER_GROUP).create();

        for (int seq = 0; seq < PER_GROUP; seq++) {
            for (int g = 0; g < GROUPS; g++) {
                template.sendBodyAndHeader("seda:orders",
                        "{\"id\":\"order-" + g + "\",\"tpartner_id\":\"p\",\"seq\":" + seq + "}",
                        AwsScnEventConstants.EVENT_GROUP_ID, "order-" + g);
            }
        }
        assertThat(done.matches(90, SECONDS)).isTrue();

        for (int g = 0; g < GROUPS; g++) {
            List<ScnEvent> received = emulator().supplyChain().events(INSTANCE, TYPE, "order-" + g);
            assertThat(received).extracting(e -> e.data().replaceAll(".*\"seq\":(\\d+)}", "$1"))
                    .as("receipt order of group %d", g)
                    .containsExactlyElementsOf(IntStream.range(0, PER_GROUP).mapToObj(Integer::toString).toList());
        }
        assertThat(emulator().supplyChain().count()).isEqualTo(GROUPS * PER_GROUP);
        // the faults really happened, so the order was really at stake
        assertThat(emulator().stats().faults(FaultKind.REQUEST_THROTTLED)).isPositive();
        assertThat(emulator().supplyChain().idempotentReplays()).isPositive();
        AwsScnEventEndpoint endpoint = scnEndpoint(TO);
        assertThat(endpoint.getPeakRequestsInFlight()).isBetween(2, GROUPS);
        assertThat(endpoint.getMessagesPending()).isZero();
    }
}
