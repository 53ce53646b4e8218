package io.github.camelawsevents.aws.core.metrics;

import io.github.camelawsevents.aws.core.delivery.DeliveryListener;

/** A listener that registered meters for one endpoint; {@link #close()} removes them. */
interface EndpointMeters extends DeliveryListener, AutoCloseable {

    @Override
    void close();
}
