package io.github.camelawsevents.examples;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

import io.github.camelawsevents.aws.scn.AwsScnEventConstants;
import io.github.camelawsevents.aws.scn.ScnEventAggregationStrategy;

/**
 * Inbound purchase orders from the ERP (JSON: orders, each with its lines) to AWS Supply Chain:
 * <ol>
 * <li>each order header becomes one {@code scn.data.inboundorder} event, group = the order id;</li>
 * <li>its lines, one message per line, are batched per order by the {@link ScnEventAggregationStrategy} and sent as
 * {@code scn.data.inboundorderline} events of the same group: one event per order, or more if an order's lines
 * exceeded the 1,048,576-character data limit.</li>
 * </ol>
 * The strategy closes a batch itself before it would exceed the data limit ({@code preComplete}). Camel ignores
 * completionPredicate and completionSize for such a pre-completing strategy, so the order's last line
 * ({@code CamelSplitComplete}) carries {@code CamelAggregationCompleteAllGroupsInclusive}: it joins the batch, which
 * is then sent. The completion timeout and forceCompletionOnStop make sure a batch is never left behind if the
 * input stops early.
 */
public class InboundOrderRoutes extends RouteBuilder {

    static final String FEED = "inbound-orders";
    private static final String LINES = "examples.orderLines";

    @Override
    public void configure() {
        errorHandler(deadLetterChannel(DeadLetterRoutes.DEAD_LETTERS));

        from("timer:inbound-orders?repeatCount=1&delay=0").routeId("inbound-orders")
                .setProperty(FeedLedger.FEED, constant(FEED))
                .to("language:constant:resource:{{examples.data}}/inbound-orders.json")
                .unmarshal().json(JsonLibrary.Jackson, List.class)
                .split(body())
                    .to("direct:inbound-order")
                .end()
                .bean("ledger", "readingDone('" + FEED + "')");

        from("direct:inbound-order").routeId("inbound-order")
                .bean("ledger", "read('" + FEED + "')")
                .setHeader(AwsScnEventConstants.EVENT_GROUP_ID, simple("${body[id]}"))
                .process(InboundOrderRoutes::takeLines)
                // the order header: one record, one event
                .to("aws-scn-event:{{scn.instanceId}}?eventType=scn.data.inboundorder")
                .bean("ledger", "delivered('" + FEED + "', *)")
                .removeHeaders("CamelAwsScnEventId*")
                .setBody(exchangeProperty(LINES))
                .split(body())
                    .bean("ledger", "read('" + FEED + "')")
                    // the order's last line closes its batch once it is in it
                    // (Camel reads this flag from a header only)
                    .setHeader(Exchange.AGGREGATION_COMPLETE_ALL_GROUPS_INCLUSIVE,
                            exchangeProperty(Exchange.SPLIT_COMPLETE))
                    .to("direct:inbound-order-lines")
                .end();

        from("direct:inbound-order-lines").routeId("inbound-order-lines")
                .aggregate(header(AwsScnEventConstants.EVENT_GROUP_ID), new ScnEventAggregationStrategy())
                    .completionTimeout("{{examples.batch.completionTimeout}}")
                    .forceCompletionOnStop()
                    .to("aws-scn-event:{{scn.instanceId}}?eventType=scn.data.inboundorderline")
                    .bean("ledger", "delivered('" + FEED + "', *)")
                .end();
    }

    /** Moves an order's lines out of the header record (they are records of another entity). */
    static void takeLines(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> order = exchange.getMessage().getBody(Map.class);
        exchange.setProperty(LINES, order.remove("lines"));
    }
}
