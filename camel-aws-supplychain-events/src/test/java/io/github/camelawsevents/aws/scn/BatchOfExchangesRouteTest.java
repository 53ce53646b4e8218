package io.github.camelawsevents.aws.scn;

import java.util.ArrayList;
import java.util.List;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.core.delivery.ExchangesFailedException;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body that is a batch of exchanges (camel-kafka's batching consumer): each inner exchange goes to its own group in
 * order, gets its own event id, and the batch fails with exactly the inner exchanges that failed.
 */
class BatchOfExchangesRouteTest extends EmulatorRouteTestSupport {

    private static final String TYPE = "scn.data.inboundorder";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch").errorHandler(noErrorHandler()).to(SCN + "?eventType=" + TYPE);
            }
        };
    }

    private List<Exchange> inner(int count, int bad) {
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(i == bad ? "[not json" : "{\"id\":\"o-" + i + "\",\"seq\":" + i + "}");
            exchange.getMessage().setHeader(AwsScnEventConstants.EVENT_GROUP_ID, "group-" + (i % 4));
            exchanges.add(exchange);
        }
        return exchanges;
    }

    @Test
    void eachInnerExchangeGoesToItsOwnGroupInOrderWithItsOwnEventId() {
        List<Exchange> inner = inner(40, -1);
        Exchange batch = template.send("direct:batch", e -> e.getMessage().setBody(inner));

        assertThat(batch.getException()).isNull();
        for (int g = 0; g < 4; g++) {
            List<ScnEvent> events = emulator().supplyChain().events(INSTANCE, TYPE, "group-" + g);
            assertThat(events).hasSize(10);
            for (int k = 0; k < 10; k++) {
                assertThat(events.get(k).data()).contains("\"seq\":" + (g + 4 * k) + "}");
                assertThat(inner.get(g + 4 * k).getMessage().getHeader(AwsScnEventConstants.EVENT_ID))
                        .isEqualTo(events.get(k).eventId());
            }
        }
    }

    @Test
    void theBatchFailsWithExactlyTheInnerExchangesThatFailed() {
        List<Exchange> inner = inner(8, 5);
        Exchange batch = template.send("direct:batch", e -> e.getMessage().setBody(inner));
        assertThat(batch.getException()).isInstanceOfSatisfying(ExchangesFailedException.class,
                e -> assertThat(e.failedExchanges()).containsExactly(inner.get(5)));
        assertThat(inner.get(5).getException()).isInstanceOf(FieldValidationException.class);
        assertThat(stored()).hasSize(7);
    }
}
