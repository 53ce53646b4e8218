package io.github.camelawsevents.aws.scn;

import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.core.Json;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScnEventAggregationStrategyTest extends CamelTestSupport {

    private static final String TYPE = AwsScnEventConstants.EVENT_TYPE;
    private static final String GROUP = AwsScnEventConstants.EVENT_GROUP_ID;

    /** A record {"k":"vvv"} of exactly {@code length} characters. */
    private static String record(int length) {
        return DataRecordsTest.record(length);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // limit 34: three records of 10 make [a,b,c] = 34 exactly
                from("direct:small").routeId("small")
                        .aggregate(header(GROUP), new ScnEventAggregationStrategy("scn.data.inboundorder", null, 34, 100))
                        .completionTimeout(60_000).forceCompletionOnStop()
                        .to("mock:batches");
                from("direct:default").routeId("default")
                        .aggregate(constant(true), new ScnEventAggregationStrategy())
                        .completionTimeout(60_000).forceCompletionOnStop()
                        .to("mock:defaults");
                ScnEventAggregationStrategy threeAtMost = new ScnEventAggregationStrategy();
                threeAtMost.setMaxRecords(3);
                threeAtMost.setDefaultEventType("scn.data.shipment");
                threeAtMost.setDefaultEventGroupId("s-1");
                from("direct:three").routeId("three")
                        .aggregate(constant(true), threeAtMost)
                        // ignored in pre-completion mode: the strategy's maxRecords bounds the array
                        .completionSize(2)
                        .completionTimeout(60_000).forceCompletionOnStop()
                        .to("mock:three");
            }
        };
    }

    private void send(String endpoint, Object body, String type, String group) {
        template.send(endpoint, e -> {
            e.getMessage().setBody(body);
            if (type != null) {
                e.getMessage().setHeader(TYPE, type);
            }
            e.getMessage().setHeader(GROUP, group);
        });
    }

    @Test
    void recordsUpToExactlyTheLimitStayInOneArray() throws Exception {
        MockEndpoint batches = getMockEndpoint("mock:batches");
        batches.expectedMessageCount(1);
        for (int i = 0; i < 3; i++) {
            send("direct:small", record(10), null, "g");
        }
        context.getRouteController().stopRoute("small");
        batches.assertIsSatisfied();
        Exchange out = batches.getExchanges().get(0);
        String body = out.getMessage().getBody(String.class);
        assertThat(body).hasSize(34).isEqualTo("[" + record(10) + "," + record(10) + "," + record(10) + "]");
        assertThat(out.getMessage().getHeader(TYPE)).isEqualTo("scn.data.inboundorder");
        assertThat(out.getMessage().getHeader(GROUP)).isEqualTo("g");
    }

    @Test
    void theArrayIsClosedBeforeARecordThatWouldExceedTheLimit() throws Exception {
        MockEndpoint batches = getMockEndpoint("mock:batches");
        batches.expectedMessageCount(2);
        send("direct:small", record(10), null, "g");
        send("direct:small", record(10), null, "g");
        send("direct:small", record(11), null, "g"); // [10,10,11] = 35 > 34
        context.getRouteController().stopRoute("small");
        batches.assertIsSatisfied();
        assertThat(batches.getExchanges()).extracting(e -> e.getMessage().getBody(String.class))
                .containsExactly("[" + record(10) + "," + record(10) + "]", "[" + record(11) + "]");
        assertThat(batches.getExchanges()).allSatisfy(e -> assertThat(e.getMessage().getBody(String.class).length())
                .isLessThanOrEqualTo(34));
    }

    @Test
    void aChangeOfEventTypeClosesTheArrayEvenWithinOneCorrelationGroup() throws Exception {
        MockEndpoint batches = getMockEndpoint("mock:batches");
        batches.expectedMessageCount(2);
        send("direct:small", "{\"a\":1}", "scn.data.inboundorder", "g");
        send("direct:small", "{\"b\":2}", "scn.data.shipment", "g");
        context.getRouteController().stopRoute("small");
        batches.assertIsSatisfied();
        assertThat(batches.getExchanges()).extracting(e -> e.getMessage().getHeader(TYPE))
                .containsExactly("scn.data.inboundorder", "scn.data.shipment");
    }

    @Test
    void messagesWithSeveralRecordsAreAddedWholeOrStartANewArray() throws Exception {
        MockEndpoint batches = getMockEndpoint("mock:batches");
        batches.expectedMessageCount(2);
        send("direct:small", record(10), null, "g");
        // two more records of 10 fit exactly (34)
        send("direct:small", List.of(record(10), record(10)), null, "g");
        // a message of two records that cannot join: new array
        send("direct:small", "[" + record(8) + "," + record(8) + "]", null, "g");
        context.getRouteController().stopRoute("small");
        batches.assertIsSatisfied();
        assertThat(batches.getExchanges()).extracting(e -> Json.parse(e.getMessage().getBody(String.class), "t", -1).size())
                .containsExactly(3, 2);
    }

    @Test
    void aMessageTooLargeAloneStillFormsAnArrayOfItsOwnForTheProducerToSplit() throws Exception {
        MockEndpoint batches = getMockEndpoint("mock:batches");
        batches.expectedMessageCount(3);
        send("direct:small", record(10), null, "g");
        send("direct:small", List.of(record(20), record(20)), null, "g");
        send("direct:small", record(10), null, "g");
        context.getRouteController().stopRoute("small");
        batches.assertIsSatisfied();
        assertThat(batches.getExchanges()).extracting(e -> e.getMessage().getBody(String.class).length())
                .containsExactly(12, 43, 12);
    }

    @Test
    void theDefaultLimitIsTheApisDataLimitAndRecordsOfAnyKindAreCollected() throws Exception {
        MockEndpoint defaults = getMockEndpoint("mock:defaults");
        defaults.expectedMessageCount(1);
        send("direct:default", Map.of("id", "1"), "scn.data.inboundorder", "o-1");
        send("direct:default", new ScnEventConvertersTest.InboundOrder("2", "p"), "scn.data.inboundorder", "o-1");
        send("direct:default", Json.parse("{\"id\":\"3\"}", "t", -1), "scn.data.inboundorder", "o-1");
        context.getRouteController().stopRoute("default");
        defaults.assertIsSatisfied();
        assertThat(defaults.getExchanges().get(0).getMessage().getBody(String.class))
                .isEqualTo("[{\"id\":\"1\"},{\"id\":\"2\",\"tpartner_id\":\"p\"},{\"id\":\"3\"}]");
        assertThat(defaults.getExchanges().get(0).getProperties()).doesNotContainKeys(
                ScnEventAggregationStrategy.STATE, ScnEventAggregationStrategy.RECORDS);
    }

    @Test
    void maxRecordsBoundsTheArrayAndDefaultsGiveTheKey() throws Exception {
        MockEndpoint three = getMockEndpoint("mock:three");
        three.expectedMessageCount(2);
        for (int i = 0; i < 4; i++) {
            template.sendBody("direct:three", "{\"id\":\"" + i + "\"}");
        }
        context.getRouteController().stopRoute("three");
        three.assertIsSatisfied();
        assertThat(three.getExchanges()).extracting(e -> Json.parse(e.getMessage().getBody(String.class), "t", -1).size())
                .containsExactly(3, 1);
        assertThat(three.getExchanges().get(0).getMessage().getHeader(TYPE)).isEqualTo("scn.data.shipment");
        assertThat(three.getExchanges().get(0).getMessage().getHeader(GROUP)).isEqualTo("s-1");
    }

    @Test
    void preCompleteDecidesExactlyAtTheBoundary() {
        ScnEventAggregationStrategy strategy = new ScnEventAggregationStrategy("scn.data.forecast", "g", 23,
                Integer.MAX_VALUE);
        assertThat(strategy.canPreComplete()).isTrue();
        Exchange first = exchange(record(10));
        assertThat(strategy.preComplete(null, first)).isFalse();
        Exchange group = strategy.aggregate(null, first);
        // [10,10] = 23 fits exactly
        assertThat(strategy.preComplete(group, exchange(record(10)))).isFalse();
        // [10,11] = 24 does not
        assertThat(strategy.preComplete(group, exchange(record(11)))).isTrue();
        // another group id closes it
        Exchange other = exchange(record(8));
        other.getMessage().setHeader(GROUP, "h");
        assertThat(strategy.preComplete(group, other)).isTrue();
    }

    @Test
    void aBodyThatIsNotARecordIsRefused() {
        ScnEventAggregationStrategy strategy = new ScnEventAggregationStrategy();
        assertThatThrownBy(() -> strategy.aggregate(null, exchange("42")))
                .hasMessageContaining("Invalid data");
        assertThatThrownBy(() -> new ScnEventAggregationStrategy(null, null, ScnConstraints.DATA_MAX_LENGTH + 1, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Exchange exchange(Object body) {
        Exchange e = new DefaultExchange(context);
        e.getMessage().setBody(body);
        return e;
    }
}
