package io.github.camelawsevents.aws.core.metrics;

import io.github.camelawsevents.aws.core.delivery.DeliveryListener;
import org.apache.camel.CamelContext;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one endpoint's delivery pipeline reports to: its {@link DeliveryStats} (always, for the dev console) and, when
 * Micrometer is on the classpath and the Camel registry holds a {@code MeterRegistry}, the endpoint's meters. Made when
 * the pipeline starts; {@link #close()} when it stops removes the meters, so no gauge keeps a stopped endpoint alive.
 * <p>
 * Micrometer is optional: its classes are only touched inside {@code MicrometerEndpointMeters}, which is loaded only
 * after {@code io.micrometer.core.instrument.MeterRegistry} was found by this class's loader.
 */
public final class EndpointMetrics implements DeliveryListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointMetrics.class);

    /** Where the Camel registry holds the MeterRegistry first: the name camel-micrometer binds and looks up. */
    public static final String METRICS_REGISTRY_NAME = "metricsRegistry";

    static final String MICROMETER_CLASS = "io.micrometer.core.instrument.MeterRegistry";

    private static final boolean MICROMETER_PRESENT = present(MICROMETER_CLASS, EndpointMetrics.class.getClassLoader());

    private final DeliveryStats stats;
    private final EndpointMeters meters;

    private EndpointMetrics(DeliveryStats stats, EndpointMeters meters) {
        this.stats = stats;
        this.meters = meters;
    }

    /**
     * Starts reporting for an endpoint.
     *
     * @param component   the component's scheme, a tag of every meter
     * @param endpointUri the endpoint's URI; sanitized here (secrets masked) before it becomes a tag
     * @param stats       the endpoint's counters for the dev console
     * @param gauges      what the endpoint has in hand, for the gauges
     */
    public static EndpointMetrics start(CamelContext context, String component, String endpointUri, DeliveryStats stats,
                                        DeliveryGauges gauges) {
        EndpointMeters meters = null;
        if (MICROMETER_PRESENT) {
            try {
                meters = MicrometerEndpointMeters.bind(context, component, URISupport.sanitizeUri(endpointUri), gauges);
            } catch (RuntimeException | LinkageError e) {
                // an incompatible Micrometer must never keep the producer from starting
                LOG.warn("No Micrometer metrics for {}: {}", URISupport.sanitizeUri(endpointUri), e.toString());
            }
        }
        return new EndpointMetrics(stats, meters);
    }

    /** Whether the endpoint's meters are registered in a MeterRegistry. */
    public boolean isMetered() {
        return meters != null;
    }

    public DeliveryStats stats() {
        return stats;
    }

    @Override
    public void requestAnswered(int items, long latencyNanos, String errorCode) {
        stats.requestAnswered(items, latencyNanos, errorCode);
        if (meters != null) {
            meters.requestAnswered(items, latencyNanos, errorCode);
        }
    }

    @Override
    public void accepted(int items) {
        stats.accepted(items);
        if (meters != null) {
            meters.accepted(items);
        }
    }

    @Override
    public void failed(String errorCode, int items, String errorMessage) {
        stats.failed(errorCode, items, errorMessage);
        if (meters != null) {
            meters.failed(errorCode, items, errorMessage);
        }
    }

    @Override
    public void retried(int items) {
        stats.retried(items);
        if (meters != null) {
            meters.retried(items);
        }
    }

    /** Removes the endpoint's meters from the MeterRegistry; the stats stay. */
    @Override
    public void close() {
        if (meters != null) {
            meters.close();
        }
    }

    static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
