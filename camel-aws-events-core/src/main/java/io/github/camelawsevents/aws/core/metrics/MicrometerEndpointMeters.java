package io.github.camelawsevents.aws.core.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;

/**
 * The endpoint's Micrometer meters. The only class of this project that touches Micrometer: loaded only when
 * Micrometer is on the classpath (see {@link EndpointMetrics}).
 */
final class MicrometerEndpointMeters implements EndpointMeters {

    static final String PREFIX = "camel.aws.events.";
    static final String ACCEPTED = PREFIX + "accepted";
    static final String FAILED = PREFIX + "failed";
    static final String RETRIED = PREFIX + "retried";
    static final String REQUESTS = PREFIX + "requests";
    static final String REQUEST_ITEMS = PREFIX + "request.items";
    static final String REQUESTS_IN_FLIGHT = PREFIX + "requests.inflight";
    static final String EXCHANGES_PENDING = PREFIX + "exchanges.pending";
    static final String WAITING = PREFIX + "waiting";

    private final MeterRegistry registry;
    private final Tags tags;
    private final DeliveryGauges gauges;
    private final Counter accepted;
    private final Counter retried;
    private final DistributionSummary requestItems;
    private final Map<String, Counter> failed = new ConcurrentHashMap<>();
    private final Map<String, Timer> requests = new ConcurrentHashMap<>();
    private final List<Meter> registered = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private MicrometerEndpointMeters(MeterRegistry registry, Tags tags, DeliveryGauges gauges) {
        this.registry = registry;
        this.tags = tags;
        this.gauges = gauges;
        this.accepted = keep(Counter.builder(ACCEPTED).description("Items AWS accepted").tags(tags)
                .register(registry));
        this.retried = keep(Counter.builder(RETRIED).description("Items sent again after a retryable error")
                .tags(tags).register(registry));
        this.requestItems = keep(DistributionSummary.builder(REQUEST_ITEMS)
                .description("Items per request: entries per PutPartnerEvents request, records per Supply Chain event")
                .tags(tags).register(registry));
        // the gauges hold this object weakly (Micrometer's default): they never keep a stopped endpoint alive
        gauge(REQUESTS_IN_FLIGHT, "Requests sent and not answered yet", DeliveryGauges::requestsInFlight);
        gauge(EXCHANGES_PENDING, "Exchanges taken and not completed yet", DeliveryGauges::pendingExchanges);
        gauge(WAITING, "Work waiting for a request: entries (partner events) or events (Supply Chain)",
                DeliveryGauges::waiting);
    }

    /** The endpoint's meters in the context's MeterRegistry, or null when the context has none. */
    static EndpointMeters bind(CamelContext context, String component, String endpointUri, DeliveryGauges gauges) {
        MeterRegistry registry = find(context);
        if (registry == null) {
            return null;
        }
        Tags tags = Tags.of("camelContext", context.getName(), "component", component, "endpoint", endpointUri);
        return new MicrometerEndpointMeters(registry, tags, gauges);
    }

    /** The registry bound as {@value EndpointMetrics#METRICS_REGISTRY_NAME}, else the only one in the registry. */
    static MeterRegistry find(CamelContext context) {
        MeterRegistry named = context.getRegistry().lookupByNameAndType(EndpointMetrics.METRICS_REGISTRY_NAME,
                MeterRegistry.class);
        return named != null ? named : context.getRegistry().findSingleByType(MeterRegistry.class);
    }

    private void gauge(String name, String description,
                       java.util.function.Function<DeliveryGauges, IntSupplier> which) {
        // the function reaches the endpoint only through the weakly held meters object
        keep(Gauge.builder(name, this, m -> m.closed ? 0 : which.apply(m.gauges).getAsInt()).description(description)
                .tags(tags).register(registry));
    }

    private <M extends Meter> M keep(M meter) {
        registered.add(meter);
        return meter;
    }

    @Override
    public void requestAnswered(int items, long latencyNanos, String errorCode) {
        if (closed) {
            return;
        }
        String code = errorCode != null ? errorCode : "none";
        requests.computeIfAbsent(code, c -> keep(Timer.builder(REQUESTS)
                .description("Requests to AWS, from hand-over to the SDK until the answer (SDK retries included)")
                .tags(tags).tag("outcome", errorCode == null ? "success" : "error").tag("errorCode", c)
                .register(registry)))
                .record(latencyNanos, TimeUnit.NANOSECONDS);
        if (items > 0) {
            requestItems.record(items);
        }
    }

    @Override
    public void accepted(int items) {
        accepted.increment(items);
    }

    @Override
    public void failed(String errorCode, int items, String errorMessage) {
        if (closed) {
            return;
        }
        String code = errorCode != null ? errorCode : "unknown";
        failed.computeIfAbsent(code, c -> keep(Counter.builder(FAILED).description("Items that failed for good")
                .tags(tags).tag("errorCode", c).register(registry)))
                .increment(items);
    }

    @Override
    public void retried(int items) {
        retried.increment(items);
    }

    @Override
    public void close() {
        closed = true;
        for (Meter meter : registered) {
            registry.remove(meter);
        }
        registered.clear();
    }
}
