package io.github.camelawsevents.aws.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.FaultKind;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import io.github.camelawsevents.aws.emulator.PartnerEvent;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel's redelivery of an exchange this producer failed sends only the entries AWS did not accept: PutPartnerEvents
 * has no idempotency token, so sending the accepted ones again would store them twice. The faults are cleared just
 * before the redelivery, so the first attempt fails part of the message and the redelivery delivers the rest.
 */
class RedeliveryRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    private final AtomicInteger redeliveries = new AtomicInteger();

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0).onRedelivery(e -> {
                    redeliveries.incrementAndGet();
                    emulator().faults().clear();
                }));
                from("direct:entries").to(URI + "&entryRetryAttempts=0");
                from("direct:requests").to(URI + "&entryRetryAttempts=0&maxAttempts=1");
                from("direct:once").errorHandler(noErrorHandler()).to(URI + "&entryRetryAttempts=0");
                from("direct:twice").to(URI + "&entryRetryAttempts=0").to(URI + "&entryRetryAttempts=0");
            }
        } };
    }

    @Test
    void aRedeliveryAfterFailedEntriesSendsOnlyThoseEntries() {
        emulator().faults().set(FaultSettings.builder().entryThrottleRate(0.5).build());
        Exchange exchange = template.send("direct:entries", e -> e.getMessage().setBody(indexedDetails(60)));

        long throttled = emulator().stats().faults(FaultKind.ENTRY_THROTTLED);
        assertThat(throttled).as("the first attempt had entries throttled").isPositive().isLessThan(60);
        assertThat(redeliveries).hasValue(1);
        assertDeliveredOnceInOrder(exchange, 60);
        // 3 requests of 20, then the throttled entries re-batched (at most 20 to a request)
        assertThat(emulator().partnerEvents().requestCount()).isEqualTo(3 + (throttled + 19) / 20);
    }

    @Test
    void aRedeliveryAfterAFailedRequestSendsOnlyTheEntriesOfFailedRequests() {
        // one token, refilled about every 17 minutes: the first of the 3 requests passes, the others are throttled
        emulator().faults().set(FaultSettings.builder().requestsPerSecond(0.001).build());
        Exchange exchange = template.send("direct:requests", e -> e.getMessage().setBody(indexedDetails(60)));

        assertThat(emulator().stats().faults(FaultKind.RATE_LIMITED)).isEqualTo(2);
        assertThat(redeliveries).hasValue(1);
        assertDeliveredOnceInOrder(exchange, 60);
        assertThat(emulator().partnerEvents().requestCount())
                .as("requests answered: the first of 3, then 2 carrying the 40 entries left").isEqualTo(3);
    }

    @Test
    void aSecondEndpointInTheRouteSendsTheWholeMessageAgain() {
        // nothing failed, so nothing is carried over: the second send is a send of its own, not a redelivery
        Exchange exchange = template.send("direct:twice", e -> e.getMessage().setBody(indexedDetails(5)));
        assertThat(exchange.getException()).isNull();
        assertThat(emulator().partnerEvents().count()).isEqualTo(10);
        assertThat(redeliveries).hasValue(0);
        assertThat(exchange.getProperties()).doesNotContainKey(PartnerSubmission.ACCEPTED_PROPERTY);
    }

    @Test
    void whatAnAttemptAcceptedIsSkippedOnlyForTheSameBodyOnARedelivery() {
        emulator().faults().set(FaultSettings.builder().entryThrottleRate(0.5).build());
        List<String> body = indexedDetails(40);
        Exchange failed = template.send("direct:once", e -> e.getMessage().setBody(body));
        assertThat(failed.getException()).isInstanceOf(PartnerEventsFailedException.class);
        Object accepted = failed.getProperty(PartnerSubmission.ACCEPTED_PROPERTY);
        assertThat(accepted).as("what the failed attempt accepted is kept on the exchange").isNotNull();
        assertThat(accepted.toString()).doesNotContain("{").startsWith("AcceptedEarlier[");
        long storedFirst = emulator().partnerEvents().count();
        assertThat(storedFirst).isPositive().isLessThan(40);
        emulator().faults().clear();

        // not a redelivery (no CamelRedelivered header): the whole message again
        Exchange notRedelivered = copyOf(failed, body, false);
        template.send("direct:once", notRedelivered);
        assertThat(notRedelivered.getException()).isNull();
        assertThat(emulator().partnerEvents().count()).isEqualTo(storedFirst + 40);

        // a redelivery with other content (a processor changed it): the whole new message
        List<String> changed = new ArrayList<>(body);
        changed.set(39, "{\"i\":39,\"changed\":true}");
        Exchange otherBody = copyOf(failed, changed, true);
        template.send("direct:once", otherBody);
        assertThat(otherBody.getException()).isNull();
        assertThat(emulator().partnerEvents().count()).isEqualTo(storedFirst + 80);

        // a redelivery of the same body: only what was not accepted
        Exchange same = copyOf(failed, body, true);
        template.send("direct:once", same);
        assertThat(same.getException()).isNull();
        assertThat(emulator().partnerEvents().count()).isEqualTo(80 + 40);
        assertThat(same.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS, List.class)).hasSize(40)
                .doesNotContainNull();
    }

    private Exchange copyOf(Exchange failed, Object body, boolean redelivered) {
        Exchange exchange = context.getEndpoint("direct:once").createExchange();
        exchange.getMessage().setBody(body);
        if (redelivered) {
            exchange.getMessage().setHeader(Exchange.REDELIVERED, true);
        }
        exchange.setProperty(PartnerSubmission.ACCEPTED_PROPERTY,
                failed.getProperty(PartnerSubmission.ACCEPTED_PROPERTY));
        return exchange;
    }

    private void assertDeliveredOnceInOrder(Exchange exchange, int count) {
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(AwsPartnerEventsConstants.FAILED_ENTRY_COUNT)).isEqualTo(0);
        assertThat(exchange.getProperties()).doesNotContainKey(PartnerSubmission.ACCEPTED_PROPERTY);
        assertThat(emulator().partnerEvents().count()).as("every entry stored exactly once").isEqualTo(count);
        List<Integer> stored = new ArrayList<>();
        emulator().partnerEvents().events().forEach(e -> stored.add(indexOf(e)));
        assertThat(stored).doesNotHaveDuplicates().hasSize(count);

        List<?> ids = exchange.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS, List.class);
        assertThat(ids).hasSize(count).doesNotContainNull();
        Map<String, PartnerEvent> byId = eventsById();
        for (int i = 0; i < count; i++) {
            assertThat(indexOf(byId.get((String) ids.get(i)))).as("EventId of position %d", i).isEqualTo(i);
        }
    }
}
