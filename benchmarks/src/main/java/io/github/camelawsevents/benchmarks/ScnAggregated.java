package io.github.camelawsevents.benchmarks;

import java.util.List;

import io.github.camelawsevents.aws.scn.ScnEventAggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.Builder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * Contender 3 of Supply Chain: {@code aws-scn-event:} fed by the component's {@link ScnEventAggregationStrategy} with
 * its defaults: one record per incoming exchange over {@value Contenders#SCN_AGGREGATED_GROUPS} groups, aggregated per
 * group (correlation on {@code CamelAwsScnEventGroupId}) into one JSON array that the strategy closes before it would
 * pass the API's 1,048,576-character {@code data} limit (about 4,000 sample records), a completion timeout for a
 * group that stops filling, then one SendDataIntegrationEvent per array, order preserved per group.
 *
 * <p>No {@code completionSize}: Camel (4.18) does not evaluate completionSize or completionPredicate for a strategy
 * that pre-completes ({@code canPreComplete() == true}); only the strategy, timeouts, intervals and forced completion
 * close its groups.
 */
final class ScnAggregated extends RouteContender {

    ScnAggregated(int window, int inFlight, String recordCheck) {
        super(window, emulator -> ScnEndpoints.uri(emulator, inFlight, recordCheck));
    }

    @Override
    protected boolean aggregates() {
        return true;
    }

    @Override
    protected ProcessorDefinition<?> route(RouteDefinition from) {
        return from.aggregate(Builder.header("CamelAwsScnEventGroupId"),
                        new TimestampCarryingStrategy(new ScnEventAggregationStrategy()))
                .completionTimeout(1000)
                .forceCompletionOnStop()
                .to(endpoint());
    }

    /** One Supply Chain event per array: the event ids the producer put on the exchange. */
    @Override
    protected int acknowledged(Exchange exchange, int events) {
        List<?> ids = exchange.getMessage().getHeader("CamelAwsScnEventIds", List.class);
        return ids == null ? 0 : ids.size();
    }

    @Override
    protected void fill(Exchange exchange, long n) {
        String group = SampleEvents.scnGroup(n, Contenders.SCN_AGGREGATED_GROUPS);
        Message in = exchange.getIn();
        in.setBody(SampleEvents.scnRecord(n, group));
        in.setHeader("CamelAwsScnEventGroupId", group);
    }
}
