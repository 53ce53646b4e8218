package io.github.camelawsevents.aws.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.FaultKind;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * maxRequestsPerSecond keeps an endpoint under a request quota, as measured by the service: the emulator here enforces
 * 25 requests/s with its own token bucket (one second of burst) and throttles whatever exceeds it, with no SDK retry to
 * hide a refusal. Capped at 20 requests/s, 100 one-entry requests all pass and nothing is throttled; the same load
 * without the cap is throttled, which shows the emulator would have caught an excess.
 */
class RequestRateRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    private static final String ONE_ENTRY_REQUESTS = URI + "&maxEntriesPerRequest=1&maxAttempts=1";

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @BeforeEach
    void quota() {
        emulator().reset();
        emulator().faults().set(FaultSettings.builder().requestsPerSecond(25).build());
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:capped").errorHandler(noErrorHandler())
                        .to(ONE_ENTRY_REQUESTS + "&maxRequestsPerSecond=20");
                from("direct:uncapped").errorHandler(noErrorHandler()).to(ONE_ENTRY_REQUESTS);
            }
        };
    }

    private List<Exchange> sendConcurrently(String uri, int count) throws Exception {
        List<Future<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            sent.add(template.asyncSend(uri, e -> e.getMessage().setBody("{\"n\":" + n + "}")));
        }
        List<Exchange> done = new ArrayList<>();
        for (Future<Exchange> exchange : sent) {
            done.add(exchange.get(60, TimeUnit.SECONDS));
        }
        return done;
    }

    @Test
    void cappedBelowTheServicesQuotaNothingIsThrottledAndNothingIsLost() throws Exception {
        List<Exchange> done = sendConcurrently("direct:capped", 100);
        assertThat(done).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(emulator().partnerEvents().count()).isEqualTo(100);
        assertThat(emulator().stats().faults(FaultKind.RATE_LIMITED)).as("requests over the quota").isZero();
    }

    @Test
    void theSameLoadWithoutTheCapExceedsTheQuota() throws Exception {
        List<Exchange> done = sendConcurrently("direct:uncapped", 100);
        assertThat(emulator().stats().faults(FaultKind.RATE_LIMITED)).isPositive();
        assertThat(done).anySatisfy(e -> assertThat(e.getException()).isNotNull());
    }
}
