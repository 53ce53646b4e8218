package io.github.camelawsevents.aws.scn;

import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import io.github.camelawsevents.aws.scn.dsl.AwsScnEventComponentBuilderFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * clientTokenSource=KAFKA_RECORD: the token comes from the record's topic, partition and offset (camel-kafka's
 * headers), so a record consumed again by another worker after a crash (another CamelContext, another message id)
 * gets the token it had the first time and AWS stores it once.
 */
class KafkaRecordClientTokenRouteTest extends EmulatorRouteTestSupport {

    private static final String ROUTE = "direct:kafka";
    private static final String URI = SCN + "?eventType=scn.data.inboundorder&clientTokenSource=KAFKA_RECORD";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return routes();
    }

    private static RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(ROUTE).errorHandler(noErrorHandler()).to(URI);
            }
        };
    }

    private static Map<String, Object> record(String topic, int partition, long offset) {
        return Map.of("kafka.TOPIC", topic, "kafka.PARTITION", partition, "kafka.OFFSET", offset,
                AwsScnEventConstants.EVENT_GROUP_ID, "g-1");
    }

    private static String order(int i) {
        return "{\"id\":\"o-" + i + "\",\"tpartner_id\":\"p\"}";
    }

    /** A second worker: its own CamelContext and component, the same emulator. */
    private static CamelContext otherWorker(AwsEventsEmulator emu) throws Exception {
        CamelContext other = new DefaultCamelContext();
        AwsScnEventComponentBuilderFactory.awsScnEvent()
                .region(emu.region()).accessKey(emu.accessKey()).secretKey(emu.secretKey())
                .overrideEndpoint(true).uriEndpointOverride(emu.endpoint().toString())
                .register(other, "aws-scn-event");
        other.addRoutes(routes());
        other.start();
        return other;
    }

    @Test
    void aRecordConsumedAgainOnAnotherWorkerGetsTheSameTokenAndIsStoredOnce() throws Exception {
        Exchange first = send(ROUTE, order(1), record("orders", 3, 1041));
        assertThat(first.getException()).isNull();

        try (CamelContext other = otherWorker(emulator());
             ProducerTemplate otherTemplate = other.createProducerTemplate()) {
            Exchange again = otherTemplate.send(ROUTE, e -> {
                e.getMessage().setBody(order(1));
                e.getMessage().setHeaders(new java.util.HashMap<>(record("orders", 3, 1041)));
            });
            assertThat(again.getException()).isNull();
            assertThat(again.getMessage().getMessageId()).isNotEqualTo(first.getMessage().getMessageId());
            assertThat(again.getMessage().getHeader(AwsScnEventConstants.EVENT_ID))
                    .isEqualTo(first.getMessage().getHeader(AwsScnEventConstants.EVENT_ID));
        }
        assertThat(stored()).hasSize(1);
        assertThat(emulator().supplyChain().idempotentReplays()).isEqualTo(1);
    }

    @Test
    void theSameContentAtAnotherOffsetPartitionOrTopicIsAnotherEvent() {
        send(ROUTE, order(1), record("orders", 3, 1041));
        send(ROUTE, order(1), record("orders", 3, 1042));
        send(ROUTE, order(1), record("orders", 4, 1041));
        send(ROUTE, order(1), record("orders-eu", 3, 1041));
        List<ScnEvent> events = stored();
        assertThat(events).hasSize(4);
        assertThat(events.stream().map(ScnEvent::clientToken).distinct()).hasSize(4);
    }

    @Test
    void theTokenIsStableForTheRecordWhateverTheHeaderValueTypes() {
        // camel-kafka gives Integer/Long; a record re-published by a bridge may carry text
        send(ROUTE, order(1), record("orders", 3, 1041));
        send(ROUTE, order(1), Map.of("kafka.TOPIC", "orders", "kafka.PARTITION", "3", "kafka.OFFSET", "1041",
                AwsScnEventConstants.EVENT_GROUP_ID, "g-1"));
        assertThat(stored()).hasSize(1);
    }

    @Test
    void aMessageWithoutTheKafkaHeadersIsRefusedNamingTheMissingHeader() {
        for (String missing : List.of("kafka.TOPIC", "kafka.PARTITION", "kafka.OFFSET")) {
            Map<String, Object> headers = new java.util.HashMap<>(record("orders", 3, 1041));
            headers.remove(missing);
            Exchange out = send(ROUTE, order(1), headers);
            assertThat(out.getException()).as(missing).isInstanceOfSatisfying(FieldValidationException.class,
                    e -> assertThat(e.getField()).isEqualTo("header " + missing));
            assertThat(out.getException().getMessage()).contains(missing, "KAFKA_RECORD");
        }
        assertThat(stored()).isEmpty();
    }

    @Test
    void aGivenClientTokenHeaderStillWins() {
        Map<String, Object> headers = new java.util.HashMap<>(record("orders", 3, 1041));
        headers.put(AwsScnEventConstants.CLIENT_TOKEN, "my-own-token-0123456789abcdefghijklmnop");
        send(ROUTE, order(1), headers);
        assertThat(stored()).singleElement().extracting(ScnEvent::clientToken)
                .isEqualTo("my-own-token-0123456789abcdefghijklmnop");
    }
}
