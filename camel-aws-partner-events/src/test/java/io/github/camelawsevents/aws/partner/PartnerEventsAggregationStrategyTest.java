package io.github.camelawsevents.aws.partner;

import java.util.ArrayList;
import java.util.List;

import io.github.camelawsevents.aws.core.FieldValidationException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drives the strategy the way the Aggregate EIP does: preComplete first, then aggregate. */
class PartnerEventsAggregationStrategyTest {

    private static final String SOURCE = "aws.partner/example.com/orders/created";
    private static final CamelContext CONTEXT = new DefaultCamelContext();

    @AfterAll
    static void close() throws Exception {
        CONTEXT.close();
    }

    private static Exchange exchange(Object body) {
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    /** Feeds the bodies and returns the completed batches (the last one completed at the end). */
    private static List<List<PutPartnerEventsRequestEntry>> aggregate(
            PartnerEventsAggregationStrategy strategy, List<?> bodies) {
        List<List<PutPartnerEventsRequestEntry>> batches = new ArrayList<>();
        Exchange old = null;
        for (Object body : bodies) {
            Exchange incoming = exchange(body);
            if (strategy.preComplete(old, incoming)) {
                strategy.onCompletion(old);
                batches.add(entriesOf(old));
                old = null;
            }
            old = strategy.aggregate(old, incoming);
        }
        if (old != null) {
            strategy.onCompletion(old);
            batches.add(entriesOf(old));
        }
        return batches;
    }

    @SuppressWarnings("unchecked")
    private static List<PutPartnerEventsRequestEntry> entriesOf(Exchange exchange) {
        return exchange.getMessage().getBody(List.class);
    }

    private static List<String> details(int count, int detailBytes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String prefix = "{\"i\":" + i + ",\"p\":\"";
            String padding = "x".repeat(Math.max(0, detailBytes - prefix.length() - 2));
            out.add(prefix + padding + "\"}");
        }
        return out;
    }

    @Test
    void canPreComplete() {
        assertThat(new PartnerEventsAggregationStrategy().canPreComplete()).isTrue();
    }

    @Test
    void closesABatchBeforeTheTwentyFirstEntry() {
        PartnerEventsAggregationStrategy strategy = new PartnerEventsAggregationStrategy(SOURCE, "OrderCreated");
        List<List<PutPartnerEventsRequestEntry>> batches = aggregate(strategy, details(45, 20));
        assertThat(batches).extracting(List::size).containsExactly(20, 20, 5);
        assertThat(batches.get(0).get(0).source()).isEqualTo(SOURCE);
        assertThat(batches.get(0).get(0).detailType()).isEqualTo("OrderCreated");
        assertThat(batches.stream().flatMap(List::stream).map(PutPartnerEventsRequestEntry::detail).toList())
                .as("input order is kept").isEqualTo(details(45, 20));
    }

    @Test
    void respectsASmallerEntryCount() {
        PartnerEventsAggregationStrategy strategy = new PartnerEventsAggregationStrategy(SOURCE, "T")
                .maxEntriesPerRequest(7);
        assertThat(aggregate(strategy, details(15, 20))).extracting(List::size).containsExactly(7, 7, 1);
    }

    @Test
    void closesABatchBeforeTheNextEntryWouldReachTheByteLimit() {
        // each entry: Source 38 + DetailType 1 + Detail; 100 KB details: two fit under 256 KB, a third does not
        PartnerEventsAggregationStrategy strategy = new PartnerEventsAggregationStrategy(SOURCE, "T");
        List<List<PutPartnerEventsRequestEntry>> batches = aggregate(strategy, details(5, 100_000));
        assertThat(batches).extracting(List::size).containsExactly(2, 2, 1);
        for (List<PutPartnerEventsRequestEntry> batch : batches) {
            assertThat(batch.stream().mapToLong(EntrySizer::sizeOf).sum()).isLessThan(262_144);
        }
    }

    @Test
    void aBatchMayReachOneByteUnderTheLimitButNotTheLimit() {
        long perEntryOverhead = SOURCE.length() + 1;
        // two entries totalling exactly 262,143 bytes fit together
        int first = 131_072;
        int second = (int) (262_143 - 2 * perEntryOverhead - first);
        PartnerEventsAggregationStrategy strategy = new PartnerEventsAggregationStrategy(SOURCE, "T");
        List<String> fitting = List.of(details(1, first).get(0), details(1, second).get(0));
        assertThat(aggregate(strategy, fitting)).extracting(List::size).containsExactly(2);
        // one byte more and the second entry starts a new batch
        List<String> overflowing = List.of(details(1, first).get(0), details(1, second + 1).get(0));
        assertThat(aggregate(new PartnerEventsAggregationStrategy(SOURCE, "T"), overflowing))
                .extracting(List::size).containsExactly(1, 1);
    }

    @Test
    void headersOfEachIncomingMessageResolveItsOwnEntryAndDoNotLeakToTheNext() {
        PartnerEventsAggregationStrategy strategy = new PartnerEventsAggregationStrategy(SOURCE, "Default");
        Exchange first = exchange("{\"n\":1}");
        first.getMessage().setHeader(AwsPartnerEventsConstants.DETAIL_TYPE, "FromHeader");
        first.getMessage().setHeader(AwsPartnerEventsConstants.TIME, 1_714_558_530_000L);
        Exchange second = exchange("{\"n\":2}");
        Exchange aggregated = strategy.aggregate(null, first);
        assertThat(strategy.preComplete(aggregated, second)).isFalse();
        aggregated = strategy.aggregate(aggregated, second);
        strategy.onCompletion(aggregated);

        List<PutPartnerEventsRequestEntry> entries = entriesOf(aggregated);
        assertThat(entries).extracting(PutPartnerEventsRequestEntry::detailType).containsExactly("FromHeader", "Default");
        assertThat(entries.get(0).time()).isNotNull();
        assertThat(entries.get(1).time()).isNull();
        assertThat(aggregated.getMessage().getHeaders()).doesNotContainKeys(AwsPartnerEventsConstants.DETAIL_TYPE,
                AwsPartnerEventsConstants.TIME);
        assertThat(aggregated.getProperties()).doesNotContainKeys(PartnerEventsAggregationStrategy.BUDGET_PROPERTY,
                PartnerEventsAggregationStrategy.ENTRIES_PROPERTY);
    }

    @Test
    void entryBodiesAndResourcesSettingAreUsed() {
        PartnerEventsAggregationStrategy strategy = new PartnerEventsAggregationStrategy();
        strategy.setSource(SOURCE);
        strategy.setDetailType("T");
        strategy.setResources("arn:aws:s3:::a,arn:aws:s3:::b");
        PutPartnerEventsRequestEntry own = PutPartnerEventsRequestEntry.builder().detail("{}").detailType("Own").build();
        List<List<PutPartnerEventsRequestEntry>> batches = aggregate(strategy, List.of(own, "{\"x\":1}"));
        assertThat(batches.get(0)).extracting(PutPartnerEventsRequestEntry::detailType).containsExactly("Own", "T");
        assertThat(batches.get(0).get(1).resources()).containsExactly("arn:aws:s3:::a", "arn:aws:s3:::b");
    }

    @Test
    void anInvalidEntryFailsOnlyItsOwnExchangeAndTheBatchStaysOpen() {
        PartnerEventsAggregationStrategy strategy = new PartnerEventsAggregationStrategy(SOURCE, "T");
        Exchange aggregated = strategy.aggregate(null, exchange("{\"ok\":1}"));
        Exchange bad = exchange("{not json");
        assertThat(strategy.preComplete(aggregated, bad)).isFalse();
        assertThatThrownBy(() -> strategy.aggregate(aggregated, bad))
                .isInstanceOf(FieldValidationException.class)
                .hasMessageContaining("Detail");
        Exchange good = exchange("{\"ok\":2}");
        assertThat(strategy.preComplete(aggregated, good)).isFalse();
        assertThat(entriesOf(strategy.aggregate(aggregated, good))).hasSize(2);
    }

    @Test
    void withoutSourceOrDetailTypeTheEntriesWaitForTheEndpointsAndBatchesKeepRoomForThem() {
        // the no-argument strategy (how a YAML or XML route names a bean class) knows neither member
        PartnerEventsAggregationStrategy strategy = new PartnerEventsAggregationStrategy();
        List<List<PutPartnerEventsRequestEntry>> batches = aggregate(strategy, details(5, 100_000));
        assertThat(batches).extracting(List::size).containsExactly(2, 2, 1);
        for (List<PutPartnerEventsRequestEntry> batch : batches) {
            assertThat(batch).allSatisfy(e -> {
                assertThat(e.source()).isNull();
                assertThat(e.detailType()).isNull();
            });
            // filled in with the longest valid Source and DetailType, the batch still fits one request
            long worst = batch.stream().mapToLong(e -> EntrySizer.sizeOf(e) + EntryRules.SOURCE_MAX_BYTES
                                                       + EntryRules.DETAIL_TYPE_MAX_BYTES).sum();
            assertThat(worst).isLessThan(262_144);
        }
        // what the strategy cannot leave to the endpoint is still checked
        assertThatThrownBy(() -> strategy.aggregate(null, exchange("{not json")))
                .isInstanceOf(FieldValidationException.class).hasMessageContaining("Detail");
    }

    @Test
    void anEntryTooLargeForAnyRequestIsRefused() {
        PartnerEventsAggregationStrategy strategy = new PartnerEventsAggregationStrategy(SOURCE, "T");
        assertThatThrownBy(() -> strategy.aggregate(null, exchange(details(1, 262_144).get(0))))
                .isInstanceOf(FieldValidationException.class)
                .hasMessageContaining("entry size");
    }

    @Test
    void theRunningTotalIsRebuiltWhenTheAggregatedExchangeLostIt() {
        PartnerEventsAggregationStrategy strategy = new PartnerEventsAggregationStrategy(SOURCE, "T")
                .maxEntriesPerRequest(2);
        Exchange aggregated = strategy.aggregate(null, exchange("{\"a\":1}"));
        aggregated = strategy.aggregate(aggregated, exchange("{\"a\":2}"));
        // as after a round trip through a persistent aggregation repository
        aggregated.removeProperty(PartnerEventsAggregationStrategy.BUDGET_PROPERTY);
        assertThat(strategy.preComplete(aggregated, exchange("{\"a\":3}"))).isTrue();
    }

    @Test
    void refusesAnEntryCountOutsideTheApisRange() {
        PartnerEventsAggregationStrategy strategy = new PartnerEventsAggregationStrategy(SOURCE, "T")
                .maxEntriesPerRequest(21);
        assertThatThrownBy(() -> strategy.aggregate(null, exchange("{}")))
                .hasMessageContaining("maxEntriesPerRequest");
    }
}
