package io.github.camelawsevents.examples;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

import io.github.camelawsevents.aws.partner.AwsPartnerEventsConstants;
import io.github.camelawsevents.aws.partner.PartnerEventsAggregationStrategy;

/**
 * A SaaS vendor's business events (JSON Lines: order.created, invoice.paid, subscription.renewed, ...) to the
 * customer's partner event bus with EventBridge PutPartnerEvents:
 * <ol>
 * <li>each line becomes one partner event: DetailType = the event type, Time = when it occurred, Detail = the event,
 * Source = the customer's partner event source;</li>
 * <li>the {@link PartnerEventsAggregationStrategy} batches them exactly to the API's limits (20 entries, under
 * 256 KB), and an event the API would refuse (here: one without a type) fails on its own, before any request, and goes
 * to the dead-letter channel;</li>
 * <li>{@code aws-partner-events} sends each batch, resends entries EventBridge throttled, and fails the exchange with
 * the entries that still failed, which the dead-letter channel prints one by one.</li>
 * </ol>
 * At the end of the input the route tells the aggregator to send what it holds
 * ({@code CamelAggregationCompleteAllGroups}).
 */
public class SaasEventRoutes extends RouteBuilder {

    static final String FEED = "saas-events";

    @Override
    public void configure() {
        errorHandler(deadLetterChannel(DeadLetterRoutes.DEAD_LETTERS));

        from("timer:saas-events?repeatCount=1&delay=0").routeId("saas-events")
                .setProperty(FeedLedger.FEED, constant(FEED))
                .to("language:constant:resource:{{examples.data}}/saas-events.jsonl")
                .split(body().tokenize("\n")).streaming()
                    .filter(simple("${body.trim()} != ''"))
                        .to("direct:saas-event")
                    .end()
                .end()
                // end of input: send the batch the aggregator holds
                .setProperty(Exchange.AGGREGATION_COMPLETE_ALL_GROUPS, constant(true))
                .to("direct:partner-event-batches")
                .bean("ledger", "readingDone('" + FEED + "')");

        from("direct:saas-event").routeId("saas-event")
                .bean("ledger", "read('" + FEED + "')")
                .unmarshal().json(JsonLibrary.Jackson, Map.class)
                .setHeader(AwsPartnerEventsConstants.SOURCE, simple("{{partner.eventSource}}"))
                .setHeader(AwsPartnerEventsConstants.DETAIL_TYPE, simple("${body[type]}"))
                .setHeader(AwsPartnerEventsConstants.TIME, simple("${body[occurred_at]}"))
                .to("direct:partner-event-batches");

        from("direct:partner-event-batches").routeId("partner-event-batches")
                .aggregate(constant(true), new PartnerEventsAggregationStrategy())
                    .completionTimeout("{{examples.batch.completionTimeout}}")
                    .forceCompletionOnStop()
                    .to("aws-partner-events:{{partner.eventSource}}")
                    .bean("ledger", "delivered('" + FEED + "', *)")
                .end();
    }
}
