package io.github.camelawsevents.aws.scn;

import io.github.camelawsevents.aws.emulator.Api;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry options reach the client the component builds: with every request failing (HTTP 5xx) and 150 requests in
 * flight at once, the SDK's retry quota (500 tokens, 5 per retry) grants exactly 100 retries, while with
 * {@code retryCircuitBreaker=false} every request gets all its attempts. Backoffs capped at 1 ms keep it fast.
 */
class RetryQuotaRouteTest extends EmulatorRouteTestSupport {

    private static final int REQUESTS = 150;
    private static final String TO = SCN + "?eventType=scn.data.inboundorder&maxInFlightRequests=" + REQUESTS
                                     + "&retryMode=STANDARD&maxAttempts=3&retryMaxBackoff=1";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).to("mock:failed");
                from("seda:withQuota?size=1000").routeId("withQuota").to(TO);
                from("seda:withoutQuota?size=1000").routeId("withoutQuota").to(TO + "&retryCircuitBreaker=false");
            }
        };
    }

    private long requestsSeenFor(String route) {
        emulator().reset();
        emulator().faults().set(FaultSettings.builder().serverErrorRate(1.0).build());
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(route).whenDone(REQUESTS).create();
        for (int i = 0; i < REQUESTS; i++) {
            // one group per message, so all are in flight at once
            template.sendBodyAndHeader("seda:" + route, "{\"id\":\"order-" + i + "\",\"tpartner_id\":\"p\"}",
                    AwsScnEventConstants.EVENT_GROUP_ID, "order-" + i);
        }
        assertThat(done.matches(60, SECONDS)).isTrue();
        assertThat(emulator().supplyChain().count()).isZero();
        return emulator().stats().requests(Api.SUPPLY_CHAIN);
    }

    @Test
    void theRetryQuotaStopsRetryingAfterOneHundredRetriesUnlessItIsOff() {
        assertThat(requestsSeenFor("withQuota")).isEqualTo(REQUESTS + 100);
        assertThat(requestsSeenFor("withoutQuota")).isEqualTo(REQUESTS * 3);
        assertThat(getMockEndpoint("mock:failed").getReceivedCounter()).isEqualTo(2 * REQUESTS);
    }
}
