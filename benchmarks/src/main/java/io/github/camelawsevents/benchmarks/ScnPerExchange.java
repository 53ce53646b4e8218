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

    ScnPerExchange(int window, int inFlight, int groups, boolean coalesce) {
        super(window, emulator -> ScnEndpoints.uri(emulator, inFlight) + "&coalesceRecords=" + coalesce);
        this.groups = groups;
    }

    @Override
    protected void fill(Exchange exchange, long n) {
        String group = SampleEvents.scnGroup(n, groups);
        Message in = exchange.getIn();
        in.setBody(SampleEvents.scnRecord(n, group));
        in.setHeader("CamelAwsScnEventGroupId", group);
    }
}
