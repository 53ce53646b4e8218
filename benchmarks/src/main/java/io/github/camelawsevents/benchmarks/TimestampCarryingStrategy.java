package io.github.camelawsevents.benchmarks;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Wraps a component's aggregation strategy and changes nothing in what it decides or builds: it only carries each
 * aggregated event's entry time along in an exchange property, so that the harness can measure every event's
 * end-to-end latency when the aggregated exchange completes.
 */
final class TimestampCarryingStrategy implements AggregationStrategy {

    private final AggregationStrategy delegate;

    TimestampCarryingStrategy(AggregationStrategy delegate) {
        this.delegate = delegate;
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        return carry(oldExchange, newExchange, delegate.aggregate(oldExchange, newExchange));
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange, Exchange inputExchange) {
        return carry(oldExchange, newExchange, delegate.aggregate(oldExchange, newExchange, inputExchange));
    }

    private static Exchange carry(Exchange oldExchange, Exchange newExchange, Exchange result) {
        TimestampList times = oldExchange == null ? null
                : oldExchange.getProperty(RouteContender.ENTRY_TIMES, TimestampList.class);
        if (times == null) {
            times = new TimestampList();
        }
        times.add(newExchange.getIn().getHeader(RouteContender.ENTRY_TIME, Long.class));
        result.setProperty(RouteContender.ENTRY_TIMES, times);
        return result;
    }

    @Override
    public boolean canPreComplete() {
        return delegate.canPreComplete();
    }

    @Override
    public boolean preComplete(Exchange oldExchange, Exchange newExchange) {
        return delegate.preComplete(oldExchange, newExchange);
    }

    @Override
    public void onCompletion(Exchange exchange) {
        delegate.onCompletion(exchange);
    }

    @Override
    public void onCompletion(Exchange exchange, Exchange inputExchange) {
        delegate.onCompletion(exchange, inputExchange);
    }

    @Override
    public void timeout(Exchange exchange, int index, int total, long timeout) {
        delegate.timeout(exchange, index, total, timeout);
    }

    @Override
    public void onOptimisticLockFailure(Exchange oldExchange, Exchange newExchange) {
        delegate.onOptimisticLockFailure(oldExchange, newExchange);
    }
}
