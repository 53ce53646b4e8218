package io.github.camelawsevents.benchmarks;

import org.apache.camel.Exchange;

/**
 * Contender 3: {@code aws-partner-events:} with one event (a Detail as JSON text) per exchange, the route exactly as
 * a user writes it ({@code from("seda:…").to("aws-partner-events:…")}). Each exchange becomes one request; the
 * producer's asynchronous sends give the concurrency, up to {@code maxInFlightRequests}.
 */
final class PartnerPerExchange extends RouteContender {

    PartnerPerExchange(int window, int inFlight) {
        super(window, emulator -> PartnerEndpoints.uri(emulator, inFlight));
    }

    @Override
    protected void fill(Exchange exchange, long n) {
        exchange.getIn().setBody(SampleEvents.partnerDetail(n));
    }
}
