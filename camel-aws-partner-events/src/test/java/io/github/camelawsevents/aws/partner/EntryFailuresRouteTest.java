package io.github.camelawsevents.aws.partner;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelawsevents.aws.emulator.Api;
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
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed entries inside successful responses: retried when retryable, then reported entry by entry. */
class EntryFailuresRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    private final List<PartnerEventsFailedException> deadLettered = new CopyOnWriteArrayList<>();

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:retrying").to(URI + "&entryRetryAttempts=10");
                from("direct:noRetry").to(URI + "&entryRetryAttempts=0");
                from("direct:lenient").to(URI + "&entryRetryAttempts=0&failOnPartialFailure=false");
                // what a dead-letter route does to resend exactly the failed entries
                from("direct:resend").to(URI);
            }
        }, new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("direct:dlq"));
                from("direct:withDlq").to(URI + "&entryRetryAttempts=1");
                from("direct:dlq")
                        .process(e -> deadLettered.add(
                                e.getProperty(Exchange.EXCEPTION_CAUGHT, PartnerEventsFailedException.class)))
                        .to("mock:dlq");
            }
        } };
    }

    @Test
    void throttledEntriesAreRetriedRebatchedUntilAllAreDelivered() {
        emulator().faults().set(FaultSettings.builder().entryThrottleRate(0.3).entryInternalFailureRate(0.1).build());
        Exchange exchange = template.send("direct:retrying", e -> e.getMessage().setBody(indexedDetails(45)));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(AwsPartnerEventsConstants.FAILED_ENTRY_COUNT)).isEqualTo(0);
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey(AwsPartnerEventsConstants.FAILED_ENTRIES);
        long throttled = emulator().stats().faults(FaultKind.ENTRY_THROTTLED);
        long internal = emulator().stats().faults(FaultKind.ENTRY_INTERNAL_FAILURE);
        assertThat(throttled).as("the emulator throttled some entries").isPositive();
        assertThat(internal).as("and failed some internally").isPositive();
        assertThat(emulator().partnerEvents().count()).as("each entry stored exactly once").isEqualTo(45);

        long requests = emulator().partnerEvents().requestCount();
        assertThat(requests).as("retries happened").isGreaterThan(3);
        // retried entries of different requests travel together: far fewer requests than failed entries
        assertThat(requests).isLessThan(3 + throttled + internal);

        List<?> ids = exchange.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS, List.class);
        Map<String, PartnerEvent> byId = eventsById();
        for (int i = 0; i < 45; i++) {
            assertThat(indexOf(byId.get((String) ids.get(i)))).as("position %d after retries", i).isEqualTo(i);
        }
    }

    @Test
    void entriesStillFailingAfterTheRetriesReachTheDeadLetterChannelExactly() throws Exception {
        emulator().faults().set(FaultSettings.builder().entryThrottleRate(0.4).build());
        MockEndpoint dlq = getMockEndpoint("mock:dlq");
        dlq.expectedMessageCount(1);
        template.sendBody("direct:withDlq", indexedDetails(60));
        dlq.assertIsSatisfied();

        PartnerEventsFailedException failure = deadLettered.get(0);
        Exchange dead = dlq.getExchanges().get(0);
        List<FailedEntry> failed = failure.failedEntries();
        assertThat(failed).as("with a 40% throttle rate and one retry, some entries fail twice").isNotEmpty();
        assertThat(dead.getMessage().getHeader(AwsPartnerEventsConstants.FAILED_ENTRIES)).isEqualTo(failed);
        assertThat(dead.getMessage().getHeader(AwsPartnerEventsConstants.FAILED_ENTRY_COUNT)).isEqualTo(failed.size());
        assertThat(failure.getMessage()).startsWith("PutPartnerEvents: " + failed.size() + " of 60 entries failed: entry ");

        Set<Integer> storedIndexes = new HashSet<>();
        emulator().partnerEvents().events().forEach(e -> storedIndexes.add(indexOf(e)));
        Set<Integer> failedIndexes = new HashSet<>();
        for (FailedEntry entry : failed) {
            assertThat(entry.errorCode()).isEqualTo("ThrottlingException");
            assertThat(entry.errorMessage()).isNotBlank();
            assertThat(entry.entry().detail()).isEqualTo("{\"i\":" + entry.index() + "}");
            assertThat(entry.entry().source()).isEqualTo(SOURCE);
            assertThat(failure.eventIds().get(entry.index())).isNull();
            failedIndexes.add(entry.index());
        }
        assertThat(storedIndexes).doesNotContainAnyElementsOf(failedIndexes);
        Set<Integer> all = new HashSet<>(storedIndexes);
        all.addAll(failedIndexes);
        assertThat(all).as("every entry either stored or in the dead letter").hasSize(60);
        assertThat(failure.eventIds().stream().filter(id -> id != null).count()).isEqualTo(storedIndexes.size());

        // resending exactly the failed entries completes the delivery without duplicates
        emulator().faults().clear();
        List<PutPartnerEventsRequestEntry> resend = failure.failedRequestEntries();
        template.sendBody("direct:resend", resend);
        Set<Integer> finalIndexes = new HashSet<>();
        emulator().partnerEvents().events().forEach(e -> finalIndexes.add(indexOf(e)));
        assertThat(finalIndexes).hasSize(60);
        assertThat(emulator().partnerEvents().count()).isEqualTo(60);
    }

    @Test
    void withoutRetriesThrottledEntriesFailAtOnce() {
        emulator().faults().set(FaultSettings.builder().entryThrottleRate(1.0).build());
        Exchange exchange = template.send("direct:noRetry", e -> e.getMessage().setBody(indexedDetails(3)));
        assertThat(exchange.getException()).isInstanceOfSatisfying(PartnerEventsFailedException.class,
                e -> assertThat(e.failedEntries()).extracting(FailedEntry::index).containsExactly(0, 1, 2));
        assertThat(emulator().partnerEvents().requestCount()).isEqualTo(1);
    }

    @Test
    void withFailOnPartialFailureFalseTheFailuresAreInTheHeadersOnly() {
        emulator().faults().set(FaultSettings.builder().entryThrottleRate(0.5).build());
        Exchange exchange = template.send("direct:lenient", e -> e.getMessage().setBody(indexedDetails(40)));
        assertThat(exchange.getException()).isNull();
        int failedCount = exchange.getMessage().getHeader(AwsPartnerEventsConstants.FAILED_ENTRY_COUNT, Integer.class);
        assertThat(failedCount).isPositive().isLessThan(40);
        @SuppressWarnings("unchecked")
        List<FailedEntry> failed = exchange.getMessage().getHeader(AwsPartnerEventsConstants.FAILED_ENTRIES, List.class);
        assertThat(failed).hasSize(failedCount);
        List<?> ids = exchange.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS, List.class);
        assertThat(ids.stream().filter(id -> id == null).count()).isEqualTo(failedCount);
        for (FailedEntry entry : failed) {
            assertThat(ids.get(entry.index())).isNull();
        }
        assertThat(emulator().partnerEvents().count()).isEqualTo(40 - failedCount);
        assertThat(emulator().stats().requests(Api.PARTNER_EVENTS)).isEqualTo(2);
    }

    @Test
    void aSingleEventThatFailsHasNoEventIdHeader() {
        emulator().faults().set(FaultSettings.builder().entryThrottleRate(1.0).build());
        Exchange exchange = template.send("direct:lenient", e -> e.getMessage().setBody("{\"one\":1}"));
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey(AwsPartnerEventsConstants.EVENT_ID);
        assertThat(exchange.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS, List.class))
                .containsExactly((Object) null);
    }
}
