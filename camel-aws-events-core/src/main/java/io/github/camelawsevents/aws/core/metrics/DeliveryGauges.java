package io.github.camelawsevents.aws.core.metrics;

import java.util.function.IntSupplier;

/**
 * What an endpoint has in hand right now, read when a gauge is sampled or the console is called.
 *
 * @param requestsInFlight requests sent and not answered yet
 * @param pendingExchanges exchanges taken and not completed yet
 * @param waiting          work waiting for a request: entries (partner events) or events (Supply Chain)
 */
public record DeliveryGauges(IntSupplier requestsInFlight, IntSupplier pendingExchanges, IntSupplier waiting) {
}
