package io.github.camelawsevents.aws.scn;

import java.time.Duration;

import io.github.camelawsevents.aws.emulator.FaultSettings;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many requests are really in flight, seen by the endpoint's own counter, with 200 ms of emulator latency: a
 * SEDA consumer keeps one request per group in flight at once, the bound caps it, a synchronous caller gets one.
 */
class ConcurrencyRouteTest extends EmulatorRouteTestSupport {


    private static final String ORDERED = SCN + "?eventType=scn.data.inboundorder";
    private static final String BOUNDED = SCN + "?eventType=scn.data.shipment&maxInFlightRequests=3";
    private static final String UNORDERED = SCN + "?eventType=scn.data.reservation&preserveOrder=false"
                                            + "&maxInFlightRequests=4";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:ordered?size=1000").routeId("ordered").to(ORDERED);
                from("seda:bounded?size=5000").routeId("bounded").to(BOUNDED);
                from("seda:unordered?size=1000").routeId("unordered").to(UNORDERED);
                from("direct:sync").to(ORDERED);
            }
        };
    }

    @BeforeEach
    void slowService() {
        emulator().faults().set(FaultSettings.builder().latency(Duration.ofMillis(200)).build());
    }

    private void sendToSeda(String seda, String route, int groups, int perGroup) {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(route).whenDone(groups * perGroup).create();
        for (int i = 0; i < perGroup; i++) {
            for (int g = 0; g < groups; g++) {
                template.sendBodyAndHeader(seda, "{\"id\":\"" + g + "-" + i + "\"}",
                        AwsScnEventConstants.EVENT_GROUP_ID, "group-" + g);
            }
        }
        assertThat(done.matches(30, SECONDS)).isTrue();
        assertThat(stored()).hasSize(groups * perGroup);
    }

    @Test
    void oneSedaConsumerKeepsOneRequestPerGroupInFlightAtOnce() {
        sendToSeda("seda:ordered", "ordered", 8, 4);
        assertThat(scnEndpoint(ORDERED).getPeakRequestsInFlight()).isEqualTo(8);
    }

    @Test
    void theBoundCapsRequestsInFlightAndTheCallerWaits() {
        sendToSeda("seda:bounded", "bounded", 8, 4);
        assertThat(scnEndpoint(BOUNDED).getPeakRequestsInFlight()).isEqualTo(3);
        assertThat(scnEndpoint(BOUNDED).getMessagesPending()).isZero();
    }

    @Test
    void underLoadWithoutLatencyTheCountNeverPassesTheBound() {
        // answers at once: a request goes the moment an answer frees its slot, on the other sender thread
        emulator().faults().set(FaultSettings.builder().build());
        sendToSeda("seda:bounded", "bounded", 50, 40);
        assertThat(scnEndpoint(BOUNDED).getPeakRequestsInFlight()).isEqualTo(3);
        assertThat(scnEndpoint(BOUNDED).getRequestsInFlight()).isZero();
    }

    @Test
    void withoutOrderMessagesOfOneGroupRunConcurrentlyUpToTheBound() {
        sendToSeda("seda:unordered", "unordered", 1, 12);
        assertThat(scnEndpoint(UNORDERED).getPeakRequestsInFlight()).isEqualTo(4);
    }

    @Test
    void aSynchronousCallerHasOneRequestInFlightAtATime() {
        for (int g = 0; g < 4; g++) {
            template.sendBodyAndHeader("direct:sync", "{\"id\":\"" + g + "\"}", AwsScnEventConstants.EVENT_GROUP_ID,
                    "group-" + g);
        }
        assertThat(stored()).hasSize(4);
        assertThat(scnEndpoint(ORDERED).getPeakRequestsInFlight()).isEqualTo(1);
    }
}
