package io.github.camelawsevents.aws.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.core.delivery.ExchangeBatch;
import io.github.camelawsevents.aws.core.delivery.ExchangesFailedException;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.PartnerEvent;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body that is a batch of exchanges (camel-kafka's batching consumer): each inner exchange is delivered with its own
 * headers and gets its own outcome; they share requests; the batch fails with exactly the inner exchanges that failed,
 * and a redelivery of the batch sends only those.
 */
class BatchOfExchangesRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch").errorHandler(noErrorHandler()).to(URI);
            }
        };
    }

    private List<Exchange> inner(int count, int bad) {
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(i == bad ? "{not json" : "{\"i\":" + i + "}");
            exchange.getMessage().setHeader(AwsPartnerEventsConstants.DETAIL_TYPE, "Type" + (i % 3));
            exchanges.add(exchange);
        }
        return exchanges;
    }

    @Test
    void eachInnerExchangeIsDeliveredWithItsOwnHeadersAndTheyShareRequests() {
        List<Exchange> inner = inner(40, -1);
        Exchange batch = template.send("direct:batch", e -> e.getMessage().setBody(inner));

        assertThat(batch.getException()).isNull();
        assertThat(emulator().partnerEvents().count()).isEqualTo(40);
        // handed over together: packed together, 20 to a request
        assertThat(emulator().partnerEvents().requestCount()).isEqualTo(2);
        Map<String, PartnerEvent> byId = eventsById();
        for (int i = 0; i < 40; i++) {
            String id = inner.get(i).getMessage().getHeader(AwsPartnerEventsConstants.EVENT_ID, String.class);
            assertThat(byId.get(id).detail()).isEqualTo("{\"i\":" + i + "}");
            assertThat(byId.get(id).detailType()).isEqualTo("Type" + (i % 3));
            assertThat(inner.get(i).getProperty(ExchangeBatch.DELIVERED_PROPERTY)).isEqualTo(true);
        }
    }

    @Test
    void theBatchFailsWithExactlyTheInnerExchangesThatFailedAndARedeliverySendsOnlyThose() {
        List<Exchange> inner = inner(10, 4);
        Exchange batch = template.send("direct:batch", e -> e.getMessage().setBody(inner));

        assertThat(batch.getException()).isInstanceOfSatisfying(ExchangesFailedException.class, e -> {
            assertThat(e.failedExchanges()).containsExactly(inner.get(4));
            assertThat(e.getCause()).isInstanceOf(FieldValidationException.class);
        });
        assertThat(inner.get(4).getException()).isInstanceOf(FieldValidationException.class);
        assertThat(emulator().partnerEvents().count()).isEqualTo(9);

        // the failed one is fixed and the batch redelivered: only it is sent
        inner.get(4).getMessage().setBody("{\"i\":4}");
        Exchange again = template.send("direct:batch", e -> {
            e.getMessage().setBody(inner);
            e.getMessage().setHeader(Exchange.REDELIVERED, true);
        });
        assertThat(again.getException()).isNull();
        assertThat(emulator().partnerEvents().count()).isEqualTo(10);
    }
}
