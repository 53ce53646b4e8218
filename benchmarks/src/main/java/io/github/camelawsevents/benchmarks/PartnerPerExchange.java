package io.github.camelawsevents.benchmarks;

import org.apache.camel.Exchange;

/**
 * Contender 3: {@code aws-partner-events:} with one event (a Detail as JSON text) per exchange, the route exactly as
 * a user writes it ({@code from("seda:…").to("aws-partner-events:…")}). By default the entries of the exchanges that
 * wait while every request slot is busy share the next request (up to 20); with {@code batchAcrossExchanges=false}
 * (row 3b, what the producer did before) each exchange is one request. Up to {@code maxInFlightRequests} in flight.
 */
final class PartnerPerExchange extends RouteContender {

    PartnerPerExchange(int window, int inFlight, boolean acrossExchanges) {
        super(window, emulator -> PartnerEndpoints.uri(emulator, inFlight) + "&batchAcrossExchanges=" + acrossExchanges);
    }

    @Override
    protected void fill(Exchange exchange, long n) {
        exchange.getIn().setBody(SampleEvents.partnerDetail(n));
    }
}
