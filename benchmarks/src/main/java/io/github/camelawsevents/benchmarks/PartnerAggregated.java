package io.github.camelawsevents.benchmarks;

import io.github.camelawsevents.aws.partner.PartnerEventsAggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.Builder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * Contender 4: {@code aws-partner-events:} fed by the component's {@link PartnerEventsAggregationStrategy}, the route
 * its documentation shows: one event per incoming exchange, aggregated on a constant key into batches the strategy
 * closes before the 21st entry (or the size limit), a completion timeout for a batch that never fills, then one
 * PutPartnerEvents request per batch, up to {@code maxInFlightRequests} at once.
 */
final class PartnerAggregated extends RouteContender {

    PartnerAggregated(int window, int inFlight) {
        super(window, emulator -> PartnerEndpoints.uri(emulator, inFlight));
    }

    @Override
    protected boolean aggregates() {
        return true;
    }

    @Override
    protected ProcessorDefinition<?> route(RouteDefinition from) {
        PartnerEventsAggregationStrategy strategy =
                new PartnerEventsAggregationStrategy(SampleEvents.PARTNER_SOURCE, SampleEvents.DETAIL_TYPE)
                        .resources(SampleEvents.RESOURCE);
        return from.aggregate(Builder.constant(true), new TimestampCarryingStrategy(strategy))
                .completionTimeout(500)
                .to(endpoint());
    }

    @Override
    protected void fill(Exchange exchange, long n) {
        exchange.getIn().setBody(SampleEvents.partnerDetail(n));
    }
}
