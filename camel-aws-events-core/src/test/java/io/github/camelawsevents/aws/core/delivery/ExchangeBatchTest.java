package io.github.camelawsevents.aws.core.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeBatchTest {

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

    /** Fails the bodies that say "bad", answers later through {@link #answerAll()}. */
    private static final class LaterDelivery implements ExchangeBatch.ExchangeProcessor {
        final List<Runnable> pending = new ArrayList<>();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            calls.incrementAndGet();
            pending.add(() -> {
                if ("bad".equals(exchange.getMessage().getBody())) {
                    exchange.setException(new IllegalArgumentException("bad body"));
                }
                callback.done(false);
            });
            return false;
        }

        void answerAll() {
            List<Runnable> now = new ArrayList<>(pending);
            pending.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void onlyANonEmptyListOfExchangesIsABatch() {
        assertThat(ExchangeBatch.exchangesOf(List.of(exchange("a"), exchange("b")))).hasSize(2);
        assertThat(ExchangeBatch.exchangesOf(List.of())).isNull();
        assertThat(ExchangeBatch.exchangesOf(List.of("a", "b"))).isNull();
        assertThat(ExchangeBatch.exchangesOf(List.of(exchange("a"), "b"))).isNull();
        assertThat(ExchangeBatch.exchangesOf("a")).isNull();
    }

    @Test
    void theBatchCompletesOnceAfterEveryInnerExchangeAndFailsWithExactlyTheFailedOnes() {
        Exchange batch = exchange(null);
        List<Exchange> inner = List.of(exchange("ok"), exchange("bad"), exchange("ok"));
        LaterDelivery delivery = new LaterDelivery();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean doneSync = new AtomicBoolean(true);
        boolean sync = ExchangeBatch.process(batch, inner, delivery, s -> {
            done.incrementAndGet();
            doneSync.set(s);
        });
        assertThat(sync).isFalse();
        assertThat(done).as("not before the inner exchanges").hasValue(0);
        delivery.answerAll();
        assertThat(done).hasValue(1);
        assertThat(doneSync).isFalse();
        assertThat(batch.getException()).isInstanceOfSatisfying(ExchangesFailedException.class, e -> {
            assertThat(e.failedExchanges()).containsExactly(inner.get(1));
            assertThat(e.exchangeCount()).isEqualTo(3);
            assertThat(e.getCause()).hasMessage("bad body");
        });
        assertThat(inner.get(0).getProperty(ExchangeBatch.DELIVERED_PROPERTY)).isEqualTo(true);
        assertThat(inner.get(1).getProperty(ExchangeBatch.DELIVERED_PROPERTY)).isNull();
    }

    @Test
    void aRedeliveryOfTheBatchSendsOnlyWhatWasNotDeliveredAndMarksItRedelivered() {
        Exchange batch = exchange(null);
        List<Exchange> inner = List.of(exchange("ok"), exchange("bad"));
        LaterDelivery delivery = new LaterDelivery();
        ExchangeBatch.process(batch, inner, delivery, s -> { });
        delivery.answerAll();
        assertThat(batch.getException()).isNotNull();

        batch.setException(null);
        batch.getMessage().setHeader(Exchange.REDELIVERED, true);
        inner.get(1).getMessage().setBody("fixed");
        AtomicInteger done = new AtomicInteger();
        ExchangeBatch.process(batch, inner, delivery, s -> done.incrementAndGet());
        assertThat(delivery.calls).as("2 the first time, 1 the second").hasValue(3);
        assertThat(inner.get(1).getMessage().getHeader(Exchange.REDELIVERED)).isEqualTo(true);
        assertThat(inner.get(1).getException()).as("the old failure is cleared").isNull();
        delivery.answerAll();
        assertThat(done).hasValue(1);
        assertThat(batch.getException()).isNull();
    }

    @Test
    void aBatchDeliveredSynchronouslyCompletesSynchronously() {
        Exchange batch = exchange(null);
        AtomicBoolean doneSync = new AtomicBoolean();
        boolean sync = ExchangeBatch.process(batch, List.of(exchange("a"), exchange("b")), (e, cb) -> {
            cb.done(true);
            return true;
        }, doneSync::set);
        assertThat(sync).isTrue();
        assertThat(doneSync).isTrue();
    }
}
