package io.github.camelawsevents.aws.core.metrics;

/**
 * One endpoint as the dev console shows it.
 *
 * @param uri              the endpoint URI, sanitized (secrets masked)
 * @param delivering       whether a producer uses the endpoint's delivery pipeline now
 * @param stats            what it delivered since it was created
 * @param requestsInFlight requests sent and not answered yet
 * @param pendingExchanges exchanges taken and not completed yet
 * @param waiting          work waiting for a request
 * @param waitingUnit      what {@code waiting} counts: {@code entries} or {@code events}
 * @param itemUnit         what the counters count: {@code entries} or {@code records}
 */
public record EndpointSnapshot(String uri, boolean delivering, DeliveryStats stats, int requestsInFlight,
        int pendingExchanges, int waiting, String waitingUnit, String itemUnit) {
}
