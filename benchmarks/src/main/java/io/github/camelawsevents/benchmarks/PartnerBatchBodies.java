package io.github.camelawsevents.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;

/**
 * Contender 4b: {@code aws-partner-events:} fed batch bodies: each exchange carries a {@code List<String>} of 20
 * Details (what a route that already has batches sends, e.g. after a Split/Aggregate of its own or from a batch
 * consumer). The producer checks, sizes and sends each as one request. Without the Aggregate EIP in the route, this
 * row shows the component's own cost per event next to the limit's.
 */
final class PartnerBatchBodies extends RouteContender {

    PartnerBatchBodies(int window, int inFlight) {
        super(window, emulator -> PartnerEndpoints.uri(emulator, inFlight));
    }

    @Override
    protected int eventsPerExchange() {
        return PartnerSdkLimit.BATCH;
    }

    @Override
    protected void fillBatch(Exchange exchange, long first, int count, TimestampList times) {
        List<String> details = new ArrayList<>(count);
        for (long n = first; n < first + count; n++) {
            times.add(System.nanoTime());
            details.add(SampleEvents.partnerDetail(n));
        }
        exchange.getIn().setBody(details);
    }

    @Override
    protected void fill(Exchange exchange, long n) {
        exchange.getIn().setBody(List.of(SampleEvents.partnerDetail(n)));
    }
}
