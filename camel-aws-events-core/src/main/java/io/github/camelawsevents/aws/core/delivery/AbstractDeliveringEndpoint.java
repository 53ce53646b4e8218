package io.github.camelawsevents.aws.core.delivery;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;

import io.github.camelawsevents.aws.core.AbstractAwsEventsEndpoint;
import io.github.camelawsevents.aws.core.SendHealthCheck;
import io.github.camelawsevents.aws.core.metrics.DeliveryGauges;
import io.github.camelawsevents.aws.core.metrics.DeliveryStats;
import io.github.camelawsevents.aws.core.metrics.EndpointMetrics;
import org.apache.camel.Component;
import org.apache.camel.support.HealthCheckComponent;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * An endpoint whose producers deliver through one shared {@link DeliveryPipeline}: made with its health check and
 * meters by the first producer that starts, quiesced when the last one stops (and resumed by the next), closed before
 * the endpoint's client closes. The same life for both components.
 *
 * @param <C> the SDK client type
 * @param <D> the component's side of the pipeline (its queue and request mapping)
 */
public abstract class AbstractDeliveringEndpoint<C extends SdkAutoCloseable, D extends AbstractDeliveringEndpoint.Delivery>
        extends AbstractAwsEventsEndpoint<C> {

    /** A component's side of the pipeline. */
    public interface Delivery {

        /** The pipeline it feeds. */
        DeliveryPipeline pipeline();

        /** Items (entries, events) waiting for a request: not sent yet, or due for a retry. */
        int waitingItems();
    }

    private final SharedByProducers<D> delivery = new SharedByProducers<>();
    // what the endpoint delivered since it was created (dev console); meters while the pipeline exists
    private final DeliveryStats deliveryStats = new DeliveryStats();
    private volatile SendHealthCheck healthCheck;
    private volatile EndpointMetrics metrics;
    private volatile ThreadPoolExecutor senderThreads;

    protected AbstractDeliveringEndpoint(String uri, Component component) {
        super(uri, component);
    }

    /** A new, not yet started, side of the pipeline that reports to {@code healthCheck} and {@code listener}. */
    protected abstract D newDelivery(SendHealthCheck healthCheck, DeliveryListener listener);

    /** The id of the endpoint's health check in the {@code producers} repository. */
    protected abstract String healthCheckId();

    /** What keeps the producers from sending at all, for the health check; null when nothing does. */
    protected abstract String configurationProblem();

    private boolean healthChecksEnabled() {
        return !(getComponent() instanceof HealthCheckComponent checks) || checks.isHealthCheckProducerEnabled();
    }

    /** The delivery pipeline: made and started by the first producer that starts, resumed after a quiesce. */
    public D startDelivery() {
        return delivery.acquire(() -> {
            SendHealthCheck check = new SendHealthCheck(healthCheckId(), this::configurationProblem);
            check.register(getCamelContext(), healthChecksEnabled());
            healthCheck = check;
            D[] made = newArray();
            String uri = getEndpointUri();
            String scheme = uri.substring(0, Math.max(0, uri.indexOf(':')));
            EndpointMetrics reporting = EndpointMetrics.start(getCamelContext(), scheme,
                    getEndpointUri(), deliveryStats, new DeliveryGauges(this::requestsInFlight,
                            this::pendingExchanges, this::waitingItems));
            metrics = reporting;
            made[0] = newDelivery(check, reporting);
            made[0].pipeline().start(getCamelContext(), senderThreads);
            return made[0];
        }, quiesced -> {
            healthCheck.register(getCamelContext(), healthChecksEnabled());
            quiesced.pipeline().resume();
        });
    }

    @SuppressWarnings("unchecked")
    private D[] newArray() {
        return (D[]) new Delivery[1];
    }

    /**
     * The last producer that uses the pipeline stopped: it is quiesced (see {@link DeliveryPipeline#quiesce}); what is
     * still open after the shutdown timeout goes on, and a producer that starts again resumes it.
     */
    public void stopDelivery() {
        delivery.release(stopping -> {
            stopping.pipeline().quiesce(DeliveryPipeline.shutdownTimeout(getCamelContext()));
            healthCheck.unregister();
        });
    }

    /** Makes the threads that send and read answers before the client, which completes its futures on them. */
    @Override
    protected void doStart() throws Exception {
        String uri = getEndpointUri();
        String scheme = uri.substring(0, Math.max(0, uri.indexOf(':')));
        senderThreads = SenderThreads.newPool(getCamelContext(), threadNamePrefix(scheme));
        super.doStart();
    }

    /**
     * The executor on which a client the endpoint builds completes its futures (its sender threads), for
     * {@link io.github.camelawsevents.aws.core.AwsClientFactory#buildAsync}.
     */
    protected Executor deliveryThreads() {
        return senderThreads;
    }

    /** {@code aws-partner-events} → {@code AwsPartnerEvents}: the prefix of the endpoint's thread names. */
    static String threadNamePrefix(String scheme) {
        StringBuilder out = new StringBuilder();
        for (String part : scheme.split("-")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /**
     * Closes the delivery pipeline before the client closes (what is still open fails, saying so), then the sender
     * threads once the client is closed.
     */
    @Override
    protected void doStop() throws Exception {
        delivery.close(closing -> {
            closing.pipeline().close();
            healthCheck.unregister();
            metrics.close();
        });
        try {
            super.doStop();
        } finally {
            ThreadPoolExecutor senders = senderThreads;
            if (senders != null) {
                senders.shutdown();
            }
        }
    }

    /** What the endpoint delivered since it was created: counters and the last errors (for the dev console). */
    public DeliveryStats getDeliveryStats() {
        return deliveryStats;
    }

    /** Whether a producer uses the endpoint's delivery pipeline now. */
    public boolean isDelivering() {
        D current = delivery.current();
        return current != null && current.pipeline().isAccepting();
    }

    /** The endpoint's health check while a producer uses the pipeline, else null. */
    public SendHealthCheck deliveryHealthCheck() {
        return isDelivering() ? healthCheck : null;
    }

    /** Requests to AWS in flight right now. */
    protected int requestsInFlight() {
        D current = delivery.current();
        return current != null ? current.pipeline().requestsInFlight() : 0;
    }

    /** The most requests to AWS in flight at once since the first producer started (0 before). */
    protected int peakRequestsInFlight() {
        D current = delivery.current();
        return current != null ? current.pipeline().peakRequestsInFlight() : 0;
    }

    /** Exchanges the producers took and have not completed yet. */
    protected int pendingExchanges() {
        D current = delivery.current();
        return current != null ? current.pipeline().pendingExchanges() : 0;
    }

    /** Items waiting for a request. */
    protected int waitingItems() {
        D current = delivery.current();
        return current != null ? current.waitingItems() : 0;
    }
}
