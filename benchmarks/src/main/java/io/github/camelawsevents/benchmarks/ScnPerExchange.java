package io.github.camelawsevents.benchmarks;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Contender 2 of Supply Chain: {@code aws-scn-event:} with one record per exchange, the events spread round-robin
 * over {@code groups} event groups (header {@code CamelAwsScnEventGroupId}), order preserved per group (the
 * default): at most one request per group in flight, different groups concurrently, up to
 * {@code maxInFlightRequests}. With {@code coalesceRecords} (row 2b) the records that arrive while a group's event is in
 * flight go out together as its next event.
 */
final class ScnPerExchange extends RouteContender {

    private final int groups;
    private final boolean coalesce;
    /** With coalescing, the ids of the events seen: several exchanges share one, and the service stored it once. */
    private final java.util.Set<String> eventIds = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ScnPerExchange(int window, int inFlight, String recordCheck, int groups, boolean coalesce) {
        super(window, emulator -> ScnEndpoints.uri(emulator, inFlight, recordCheck) + "&coalesceRecords=" + coalesce);
        this.groups = groups;
        this.coalesce = coalesce;
    }

    /** One acknowledgement per event the service stored: with coalescing, for the first exchange of each event id. */
    @Override
    protected int acknowledged(Exchange exchange, int events) {
        if (!coalesce) {
            return super.acknowledged(exchange, events);
        }
        String id = exchange.getMessage().getHeader("CamelAwsScnEventId", String.class);
        return id != null && eventIds.add(id) ? 1 : 0;
    }

    @Override
    protected void fill(Exchange exchange, long n) {
        String group = SampleEvents.scnGroup(n, groups);
        Message in = exchange.getIn();
        in.setBody(SampleEvents.scnRecord(n, group));
        in.setHeader("CamelAwsScnEventGroupId", group);
    }
}
