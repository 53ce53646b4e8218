package io.github.camelawsevents.aws.partner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelawsevents.aws.core.Backoff;
import io.github.camelawsevents.aws.core.BatchLimits;
import io.github.camelawsevents.aws.core.Batches;
import io.github.camelawsevents.aws.core.InFlightLimiter;
import io.github.camelawsevents.aws.core.SafeMessages;
import io.github.camelawsevents.aws.core.SendHealthCheck;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.ShutdownStrategy;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResponse;

/**
 * Sends a message's entries with PutPartnerEvents: read and check the entries → split them into requests within the
 * entry-count and size limits → send (asynchronously, at most {@code maxInFlightRequests} at once) → map the
 * results back to the input positions → retry only the entries that failed with a retryable code, re-batched, after
 * a backoff → set the headers and complete the exchange.
 */
public class AwsPartnerEventsProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(AwsPartnerEventsProducer.class);

    /**
     * Exchange property: what an attempt that failed (some entries not accepted) did accept, so that a Camel
     * redelivery of the same exchange sends only the rest. Internal; removed once the message is delivered.
     */
    static final String ACCEPTED_PROPERTY = "CamelAwsPartnerEventsAcceptedEarlier";

    /** The EventIds (null where not accepted) of an earlier attempt at {@code body} by {@code producer}. */
    private record Accepted(AwsPartnerEventsProducer producer, Object body, List<String> eventIds) {
        @Override
        public String toString() {
            return "Accepted[" + eventIds.stream().filter(id -> id != null).count() + " of " + eventIds.size() + "]";
        }
    }

    private final AwsPartnerEventsConfiguration configuration;
    private final BatchLimits limits;
    private final EntryReader reader;
    private final Backoff backoff;
    private final InFlightLimiter limiter;
    private final SendHealthCheck healthCheck;
    /** Messages waiting for the backoff before their retry round, so a stop can still complete them. */
    private final Set<Delivery> awaitingRetry = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService retryScheduler;

    public AwsPartnerEventsProducer(AwsPartnerEventsEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.limits = configuration.requestLimits();
        this.reader = new EntryReader(configuration.getEventSource(), configuration.getDetailType(),
                configuration.resourceList(), limits);
        this.backoff = configuration.entryBackoff();
        this.limiter = new InFlightLimiter(configuration.getMaxInFlightRequests());
        this.healthCheck = new SendHealthCheck("producer:aws-partner-events-" + endpoint.getId(),
                this::configurationProblem);
    }

    @Override
    public AwsPartnerEventsEndpoint getEndpoint() {
        return (AwsPartnerEventsEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        EntryReader.Entries entries;
        try {
            entries = reader.read(exchange.getMessage());
        } catch (Exception e) {
            // refused before sending: nothing reached AWS, the route goes on with the next message
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        Delivery delivery = new Delivery(exchange, callback, entries);
        List<Integer> positions = delivery.resumeRedelivery();
        if (positions.isEmpty()) {
            delivery.complete(true);
            return true;
        }
        try {
            delivery.send(positions);
        } catch (RuntimeException e) {
            // only splitting can throw here, before any request left
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        return false;
    }

    /** One message on its way: its entries, their outcomes, and the retry round it is in. */
    private final class Delivery {
        private final Exchange exchange;
        private final AsyncCallback callback;
        private final EntryReader.Entries entries;
        private final DeliveryLedger ledger;
        private int retry;

        Delivery(Exchange exchange, AsyncCallback callback, EntryReader.Entries entries) {
            this.exchange = exchange;
            this.callback = callback;
            this.entries = entries;
            this.ledger = new DeliveryLedger(entries.entries());
        }

        /**
         * The positions to send. Normally all of them; but when Camel redelivers this exchange after this producer
         * failed it, with the same body, the entries AWS accepted on an earlier attempt keep their EventIds and are not
         * sent again (PutPartnerEvents has no idempotency token: sending them again would store them twice).
         */
        List<Integer> resumeRedelivery() {
            Object earlier = exchange.getProperty(ACCEPTED_PROPERTY);
            if (earlier == null) {
                return allPositions(entries.size());
            }
            exchange.removeProperty(ACCEPTED_PROPERTY);
            if (!(earlier instanceof Accepted accepted) || accepted.producer() != AwsPartnerEventsProducer.this
                    || accepted.body() != exchange.getMessage().getBody()
                    || accepted.eventIds().size() != entries.size()
                    || !exchange.getMessage().getHeader(Exchange.REDELIVERED, false, Boolean.class)) {
                return allPositions(entries.size());
            }
            List<Integer> positions = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                String eventId = accepted.eventIds().get(i);
                if (eventId == null) {
                    positions.add(i);
                } else {
                    ledger.acceptedEarlier(i, eventId);
                }
            }
            LOG.debug("Redelivery: sending the {} of {} entries not accepted on an earlier attempt", positions.size(),
                    entries.size());
            return positions;
        }

        /** Sends the entries at {@code positions} in as few requests as the limits allow; blocks for permits. */
        void send(List<Integer> positions) {
            List<List<Integer>> batches = Batches.split(positions, p -> entries.sizes()[p], limits);
            AtomicInteger pending = new AtomicInteger(batches.size());
            boolean interrupted = false;
            try {
                for (List<Integer> batch : batches) {
                    interrupted |= acquireSlot();
                    CompletableFuture<PutPartnerEventsResponse> response;
                    try {
                        response = client().putPartnerEvents(request(batch));
                    } catch (RuntimeException e) {
                        limiter.release();
                        requestDone(batch, null, e, pending);
                        continue;
                    }
                    response.whenComplete((result, error) -> {
                        limiter.release();
                        requestDone(batch, result, error, pending);
                    });
                }
            } finally {
                if (interrupted) {
                    // restored only now: the SDK refuses a call made on an interrupted thread
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void sendRetry(List<Integer> positions) {
            if (!awaitingRetry.remove(this)) {
                return; // the producer stopped and completed this message already
            }
            try {
                send(positions);
            } catch (RuntimeException e) {
                // never leave the exchange hanging
                ledger.reject(positions, e);
                complete(false);
            }
        }

        private PutPartnerEventsRequest request(List<Integer> batch) {
            List<PutPartnerEventsRequestEntry> requestEntries = new ArrayList<>(batch.size());
            long bytes = 0;
            for (int position : batch) {
                requestEntries.add(entries.entries().get(position));
                bytes += entries.sizes()[position];
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("PutPartnerEvents to {}: {} entries, {} bytes (retry round {})",
                        configuration.getEventSource(), batch.size(), bytes, retry);
            }
            return PutPartnerEventsRequest.builder().entries(requestEntries).build();
        }

        private void requestDone(
                List<Integer> batch, PutPartnerEventsResponse result, Throwable error, AtomicInteger pending) {
            if (error != null) {
                healthCheck.recordFailure(SafeMessages.unwrap(error));
                ledger.reject(batch, error);
                LOG.debug("PutPartnerEvents request of {} entries failed: {}", batch.size(), SafeMessages.of(error));
            } else {
                healthCheck.recordSuccess();
                ledger.accept(batch, result);
                if (LOG.isDebugEnabled()) {
                    LOG.debug("PutPartnerEvents request of {} entries answered: {} failed, event ids {}",
                            batch.size(), result.failedEntryCount(), result.entries());
                }
            }
            if (pending.decrementAndGet() == 0) {
                roundDone();
            }
        }

        /** All requests of a round answered: retry the retryable entries after a backoff, or finish. */
        private void roundDone() {
            List<Integer> retryable = ledger.takeRetryable();
            ScheduledExecutorService scheduler = retryScheduler;
            if (!retryable.isEmpty() && retry < configuration.getEntryRetryAttempts() && scheduler != null
                    && isRunAllowed()) {
                retry++;
                long delay = backoff.delayMillis(retry);
                LOG.debug("Retrying {} throttled or failed entries in {} ms (retry {} of {})", retryable.size(), delay,
                        retry, configuration.getEntryRetryAttempts());
                awaitingRetry.add(this);
                try {
                    scheduler.schedule(() -> sendRetry(retryable), delay, TimeUnit.MILLISECONDS);
                    if (scheduler.isShutdown() && awaitingRetry.remove(this)) {
                        // stopped around the call: a shut-down Camel pool may discard the task without a word
                        LOG.debug("Not retrying {} entries: the producer is stopping", retryable.size());
                        complete(false);
                    }
                    return;
                } catch (RejectedExecutionException e) {
                    if (!awaitingRetry.remove(this)) {
                        return; // the stopping producer completed this message already
                    }
                    LOG.debug("Not retrying {} entries: the producer is stopping", retryable.size());
                }
            }
            complete(false);
        }

        /** Sets the result headers and completes the exchange, failing it as the outcome and options say. */
        void complete(boolean doneSync) {
            DeliveryLedger.Outcome outcome = ledger.outcome();
            Message message = exchange.getMessage();
            message.setHeader(AwsPartnerEventsConstants.EVENT_IDS, outcome.eventIds());
            message.setHeader(AwsPartnerEventsConstants.FAILED_ENTRY_COUNT, outcome.failed().size());
            if (outcome.eventIds().size() == 1 && outcome.eventIds().get(0) != null) {
                message.setHeader(AwsPartnerEventsConstants.EVENT_ID, outcome.eventIds().get(0));
            } else {
                message.removeHeader(AwsPartnerEventsConstants.EVENT_ID);
            }
            if (outcome.failed().isEmpty()) {
                message.removeHeader(AwsPartnerEventsConstants.FAILED_ENTRIES);
            } else {
                message.setHeader(AwsPartnerEventsConstants.FAILED_ENTRIES, outcome.failed());
            }
            if (outcome.failed().isEmpty()) {
                exchange.removeProperty(ACCEPTED_PROPERTY);
            } else {
                exchange.setProperty(ACCEPTED_PROPERTY,
                        new Accepted(AwsPartnerEventsProducer.this, message.getBody(), outcome.eventIds()));
            }
            if (outcome instanceof DeliveryLedger.RequestFailed failed) {
                exchange.setException(failed.error());
            } else if (outcome instanceof DeliveryLedger.EntriesFailed failed) {
                if (configuration.isFailOnPartialFailure()) {
                    exchange.setException(new PartnerEventsFailedException(failed.failed(), failed.eventIds()));
                } else {
                    LOG.debug("{} of {} entries failed (failOnPartialFailure=false)", failed.failed().size(),
                            failed.eventIds().size());
                }
            }
            callback.done(doneSync);
        }
    }

    /**
     * Takes a slot of the in-flight bound, waiting while all are taken. An interrupt while waiting does not fail the
     * entries: Camel interrupts the consumer thread (and the producer interrupts its retry thread) when a route is
     * forced down after the shutdown timeout, and entries failed then are not dead-lettered (Camel's error handler
     * refuses to run during a forced shutdown), so they would be lost. The thread keeps waiting (slots are freed as
     * the requests in flight complete) and the request is sent.
     *
     * @return whether the thread was interrupted: the caller restores the interrupt once its requests are handed to
     *         the SDK
     */
    private boolean acquireSlot() {
        boolean interrupted = Thread.interrupted();
        while (true) {
            try {
                limiter.acquire();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    private EventBridgeAsyncClient client() {
        EventBridgeAsyncClient client = getEndpoint().getClient();
        if (client == null) {
            throw new IllegalStateException("The endpoint " + URISupport.sanitizeUri(getEndpoint().getEndpointUri())
                                            + " is not started: it has no EventBridge client");
        }
        return client;
    }

    private static List<Integer> allPositions(int count) {
        List<Integer> positions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            positions.add(i);
        }
        return positions;
    }

    /** What keeps the producer from sending at all, for the health check; null when nothing does. */
    private String configurationProblem() {
        if (!isStarted()) {
            return "The producer is not started";
        }
        if (getEndpoint().getClient() == null) {
            return "The endpoint has no EventBridge client";
        }
        String region = configuration.getRegion();
        if (configuration.getEventBridgeClient() == null && !configuration.isOverrideEndpoint() && region != null
                && !region.isBlank() && !EventBridgeClient.serviceMetadata().regions().contains(Region.of(region))) {
            return "EventBridge is not available in region " + region;
        }
        return null;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        CamelContext context = getEndpoint().getCamelContext();
        // an unbounded queue: Camel's default profile holds at most 1000 scheduled tasks and refuses the next one,
        // which failed entries that were due a retry (every message waiting for a backoff has one task here)
        ThreadPoolProfile profile = new ThreadPoolProfile("AwsPartnerEventsRetry");
        profile.setPoolSize(1);
        profile.setMaxQueueSize(-1);
        profile.addDefaults(context.getExecutorServiceManager().getDefaultThreadPoolProfile());
        retryScheduler = context.getExecutorServiceManager().newScheduledThreadPool(this, "AwsPartnerEventsRetry",
                profile);
        healthCheck.register(context, getEndpoint().getComponent().isHealthCheckProducerEnabled());
        LOG.info("Started aws-partner-events producer: {}", configuration);
    }

    /**
     * Camel stops a producer after its graceful shutdown waited for the exchanges in flight, so whatever still waits
     * for a retry backoff now is past that timeout: it completes at once with the entries that failed so far. Requests
     * already sent are awaited up to the shutdown timeout, so their results still reach their exchanges.
     */
    @Override
    protected void doStop() throws Exception {
        CamelContext context = getEndpoint().getCamelContext();
        ScheduledExecutorService scheduler = retryScheduler;
        retryScheduler = null;
        if (scheduler != null) {
            context.getExecutorServiceManager().shutdownNow(scheduler);
        }
        for (Delivery delivery : List.copyOf(awaitingRetry)) {
            if (awaitingRetry.remove(delivery)) {
                delivery.complete(false);
            }
        }
        ShutdownStrategy shutdown = context.getShutdownStrategy();
        Duration timeout = Duration.ofMillis(shutdown.getTimeUnit().toMillis(shutdown.getTimeout()));
        try {
            if (limiter.inFlight() > 0 && !limiter.awaitIdle(timeout)) {
                LOG.warn("Stopping aws-partner-events producer for {} with {} requests still in flight",
                        configuration.getEventSource(), limiter.inFlight());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Stopping aws-partner-events producer for {} without waiting for {} requests in flight",
                    configuration.getEventSource(), limiter.inFlight());
        }
        healthCheck.unregister();
        LOG.info("Stopped aws-partner-events producer for {}", configuration.getEventSource());
        super.doStop();
    }

    @Override
    public String toString() {
        return "AwsPartnerEventsProducer[" + URISupport.sanitizeUri(getEndpoint().getEndpointUri()) + "]";
    }
}
