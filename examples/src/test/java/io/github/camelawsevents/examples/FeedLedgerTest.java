package io.github.camelawsevents.examples;

import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.scn.AwsScnEventConstants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedLedgerTest {

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    @Test
    void aFeedSettlesOnlyWhenItReadEverythingAndEveryRecordWasDeliveredOrDeadLettered() throws Exception {
        FeedLedger ledger = new FeedLedger(List.of("a"));
        ledger.read("a");
        ledger.read("a");
        ledger.read("a");
        ledger.delivered("a", batch(2, List.of("e1")));
        assertThat(ledger.isSettled()).isFalse();
        ledger.deadLettered(failed("a", 1, new FieldValidationException("DetailType", "required", "missing", 0)));
        assertThat(ledger.isSettled()).as("still reading").isFalse();
        assertThat(ledger.awaitSettled(Duration.ZERO)).isFalse();

        ledger.readingDone("a");

        assertThat(ledger.awaitSettled(Duration.ZERO)).isTrue();
        FeedStats stats = ledger.snapshot().get(0);
        assertThat(stats).extracting(FeedStats::read, FeedStats::delivered, FeedStats::deadLettered, FeedStats::batches)
                .containsExactly(3L, 2L, 1L, 1L);
        assertThat(stats.batchSizes()).containsExactly(2);
        assertThat(stats.eventIds()).containsExactly("e1");
        assertThat(stats.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.errorCode()).isEqualTo("FieldValidationException");
            assertThat(d.index()).isZero();
        });
    }

    @Test
    void everyExpectedFeedMustSettle() throws Exception {
        FeedLedger ledger = new FeedLedger(List.of("a", "b"));
        ledger.readingDone("a");
        assertThat(ledger.isSettled()).isFalse();
        ledger.readingDone("b");
        assertThat(ledger.isSettled()).as("nothing read, nothing owed").isTrue();
    }

    @Test
    void aWholeBatchThatFailedIsDeadLetteredWithAllItsRecords() {
        FeedLedger ledger = new FeedLedger(List.of("a"));
        Exchange exchange = failed("a", 7, new IllegalStateException("boom"));
        exchange.getMessage().setHeader(AwsScnEventConstants.EVENT_GROUP_ID, "PO-1");

        List<DeadLetter> letters = ledger.deadLettered(exchange);

        assertThat(letters).singleElement().isEqualTo(
                new DeadLetter("a", "PO-1", -1, "IllegalStateException", "boom", 7));
        assertThat(ledger.snapshot().get(0).deadLettered()).isEqualTo(7);
    }

    @Test
    void anUnknownFeedIsRefusedWithTheExpectedOnes() {
        FeedLedger ledger = new FeedLedger(List.of("a"));
        assertThatThrownBy(() -> ledger.read("b")).hasMessageContaining("Unknown feed 'b'")
                .hasMessageContaining("[a]");
    }

    private Exchange batch(int records, List<String> ids) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(Exchange.AGGREGATED_SIZE, records);
        exchange.getMessage().setHeader(AwsScnEventConstants.EVENT_IDS, ids);
        return exchange;
    }

    private Exchange failed(String feed, int records, Exception cause) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(FeedLedger.FEED, feed);
        if (records > 1) {
            exchange.setProperty(Exchange.AGGREGATED_SIZE, records);
        }
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, cause);
        return exchange;
    }
}
