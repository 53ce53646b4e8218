package io.github.camelawsevents.aws.scn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.core.InFlightLimiter;
import io.github.camelawsevents.aws.core.SafeMessages;
import io.github.camelawsevents.aws.core.SendHealthCheck;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventRequest;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventResponse;

/**
 * Sends each message as one or more data integration events, asynchronously.
 * <p>
 * Per message: read and check it (nothing is sent when it is invalid) → take a slot of the endpoint's bound (the
 * calling thread waits while all are taken: backpressure) → wait for the group's turn when {@code preserveOrder} →
 * send its events one after another → put the event ids on the message → release the slot and start the group's next
 * message → complete the exchange on a Camel thread, so nothing after this producer in the route ever runs on (or
 * blocks) an AWS SDK thread.
 */
public class AwsScnEventProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(AwsScnEventProducer.class);
    private static final AtomicInteger HEALTH_CHECK_IDS = new AtomicInteger();

    private final AwsScnEventEndpoint endpoint;
    private final AwsScnEventConfiguration config;
    private final ScnMessageReader reader;
    private volatile ExecutorService completions;
    private SendHealthCheck healthCheck;

    public AwsScnEventProducer(AwsScnEventEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.reader = new ScnMessageReader(config);
    }

    @Override
    public AwsScnEventEndpoint getEndpoint() {
        return endpoint;
    }

    /** The producer's health check in the {@code producers} repository. */
    public SendHealthCheck getHealthCheck() {
        return healthCheck;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        // the bound of this start of the endpoint, released by whatever thread completes the message
        InFlightLimiter limiter = endpoint.limiter();
        Runnable work;
        try {
            work = operation(exchange) == ScnOperation.getDataIntegrationEvent
                    ? readBack(exchange, callback, limiter)
                    : delivery(exchange, callback, limiter);
        } catch (RuntimeException invalid) {
            exchange.setException(invalid);
            callback.done(true);
            return true;
        }
        boolean interrupted = acquireSlot(limiter);
        try {
            work.run();
        } finally {
            if (interrupted) {
                // restored only now: the SDK refuses a call made on an interrupted thread
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    /**
     * Takes a slot of the bound, waiting while all are taken. An interrupt while waiting does not fail the message:
     * Camel interrupts the consumer thread when it forces a route down after the shutdown timeout, and a message
     * failed then is not dead-lettered (Camel's error handler refuses to run during a forced shutdown), so it would be
     * lost. The thread keeps waiting (slots are freed as the requests in flight complete) and the message is sent.
     *
     * @return whether the thread was interrupted while waiting: the caller restores the interrupt once the message is
     *         handed to the SDK
     */
    static boolean acquireSlot(InFlightLimiter limiter) {
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

    private static ScnOperation operation(Exchange exchange) {
        Object value = exchange.getMessage().getHeader(AwsScnEventConstants.OPERATION);
        if (value == null) {
            return ScnOperation.sendDataIntegrationEvent;
        }
        try {
            return ScnOperation.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
            throw new FieldValidationException(AwsScnEventConstants.OPERATION,
                    "sendDataIntegrationEvent or getDataIntegrationEvent",
                    "'" + ScnConstraints.abbreviate(value.toString()) + "'", -1);
        }
    }

    /** Reads and checks the message; the returned work starts it once it holds a slot. */
    private Runnable delivery(Exchange exchange, AsyncCallback callback, InFlightLimiter limiter) {
        OutgoingEvents events = reader.read(exchange);
        Delivery delivery = new Delivery(exchange, callback, events, limiter);
        if (!config.isPreserveOrder()) {
            return delivery;
        }
        return () -> {
            if (endpoint.sequencer().offer(events.key(), delivery)) {
                delivery.run();
            }
        };
    }

    /** The events of one message, sent one after another. Runs when it is the group's turn. */
    private final class Delivery implements Runnable {
        private final Exchange exchange;
        private final AsyncCallback callback;
        private final OutgoingEvents events;
        private final InFlightLimiter limiter;
        private final List<String> eventIds;
        private int next;

        Delivery(Exchange exchange, AsyncCallback callback, OutgoingEvents events, InFlightLimiter limiter) {
            this.exchange = exchange;
            this.callback = callback;
            this.events = events;
            this.limiter = limiter;
            this.eventIds = new ArrayList<>(events.requests().size());
        }

        @Override
        public void run() {
            SendDataIntegrationEventRequest request = events.requests().get(next);
            if (LOG.isDebugEnabled()) {
                LOG.debug("Sending event {}/{} of exchange {}: type={}, group={}, data={} characters",
                        next + 1, events.requests().size(), exchange.getExchangeId(), request.eventTypeAsString(),
                        request.eventGroupId(), request.data().length());
            }
            endpoint.requestStarted();
            CompletableFuture<SendDataIntegrationEventResponse> response;
            try {
                response = client().sendDataIntegrationEvent(request);
            } catch (RuntimeException e) {
                response = CompletableFuture.failedFuture(e);
            }
            whenComplete(response, this::onResponse);
        }

        private void onResponse(SendDataIntegrationEventResponse response, Throwable error) {
            endpoint.requestEnded(error == null);
            if (error != null) {
                Throwable cause = SafeMessages.unwrap(error);
                healthCheck.recordFailure(cause);
                finish(cause);
                return;
            }
            healthCheck.recordSuccess();
            eventIds.add(response.eventId());
            LOG.debug("Event {}/{} of exchange {} accepted: eventId={}", next + 1, events.requests().size(),
                    exchange.getExchangeId(), response.eventId());
            next++;
            if (next < events.requests().size()) {
                run();
            } else {
                finish(null);
            }
        }

        private void finish(Throwable failure) {
            Message message = exchange.getMessage();
            if (!eventIds.isEmpty()) {
                message.setHeader(AwsScnEventConstants.EVENT_ID, eventIds.get(0));
            }
            message.setHeader(AwsScnEventConstants.EVENT_IDS, List.copyOf(eventIds));
            if (failure != null) {
                exchange.setException(new ScnEventDeliveryException(
                        "AWS did not accept event " + (next + 1) + " of " + events.requests().size() + " of group "
                                                                    + events.key().eventGroupId() + " ("
                                                                    + events.key().eventType() + "): "
                                                                    + SafeMessages.of(failure),
                        exchange, events.key(), next, events.requests().size(), eventIds, failure));
            }
            Runnable nextOfGroup = config.isPreserveOrder() ? endpoint.sequencer().complete(events.key()) : null;
            limiter.release();
            if (nextOfGroup != null) {
                nextOfGroup.run();
            }
            complete(callback);
        }
    }

    /** Checks the header; the returned work fetches the event once it holds a slot. */
    private Runnable readBack(Exchange exchange, AsyncCallback callback, InFlightLimiter limiter) {
        String eventId = exchange.getMessage().getHeader(AwsScnEventConstants.EVENT_ID, String.class);
        if (eventId == null || eventId.isEmpty()) {
            throw FieldValidationException.missing(AwsScnEventConstants.EVENT_ID, -1);
        }
        return () -> {
            LOG.debug("Reading back event {} of instance {}", eventId, config.getInstanceId());
            CompletableFuture<?> response;
            try {
                response = client().getDataIntegrationEvent(r -> r.instanceId(config.getInstanceId()).eventId(eventId))
                        .thenAccept(r -> exchange.getMessage().setBody(r.event()));
            } catch (RuntimeException e) {
                response = CompletableFuture.failedFuture(e);
            }
            whenComplete(response, (ignored, error) -> {
                if (error != null) {
                    exchange.setException(SafeMessages.unwrap(error));
                }
                limiter.release();
                complete(callback);
            });
        };
    }

    /**
     * Runs the handler when the future completes. A future that is already complete (e.g. a call refused at once) is
     * handled on a Camel thread, so a chain of such failures in one group never nests calls on one stack.
     */
    private <T> void whenComplete(CompletableFuture<T> future, BiConsumer<? super T, ? super Throwable> handler) {
        if (future.isDone()) {
            future.whenComplete((result, error) -> onCamelThread(() -> handler.accept(result, error)));
        } else {
            future.whenComplete(handler);
        }
    }

    /** Lets the route go on on a Camel thread, not on the AWS SDK's response thread. */
    private void complete(AsyncCallback callback) {
        onCamelThread(() -> callback.done(false));
    }

    /**
     * Runs the task on the producer's Camel thread pool, or here when the pool is stopping or stopped: a message whose
     * answer comes while the producer stops (it waits for the messages in flight only up to the shutdown timeout) must
     * still end. Camel's pools discard a task given to them after shutdown (their CallerRuns policy does that), so a
     * task is run here when the pool shut down around it, at most once either way.
     */
    private void onCamelThread(Runnable task) {
        ExecutorService executor = completions;
        if (executor == null || executor.isShutdown()) {
            task.run();
            return;
        }
        AtomicBoolean claimed = new AtomicBoolean();
        Runnable once = () -> {
            if (claimed.compareAndSet(false, true)) {
                task.run();
            }
        };
        try {
            executor.execute(once);
        } catch (RejectedExecutionException stopping) {
            once.run();
            return;
        }
        if (executor.isShutdown()) {
            once.run();
        }
    }

    private SupplyChainAsyncClient client() {
        SupplyChainAsyncClient client = endpoint.getClient();
        if (client == null) {
            throw new IllegalStateException("The endpoint " + endpoint + " is not started");
        }
        return client;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        CamelContext context = endpoint.getCamelContext();
        completions = context.getExecutorServiceManager().newDefaultThreadPool(this, "AwsScnEventCompletion");
        healthCheck = new SendHealthCheck(
                "aws-scn-event-producer-" + config.getInstanceId() + "-" + HEALTH_CHECK_IDS.incrementAndGet(),
                () -> endpoint.getClient() == null ? "The AWS Supply Chain client is not started" : null);
        healthCheck.register(context, endpoint.getComponent().isHealthCheckProducerEnabled());
        LOG.info("Started aws-scn-event producer: {}", config);
    }

    @Override
    protected void doStop() throws Exception {
        CamelContext context = endpoint.getCamelContext();
        Duration timeout = Duration.ofMillis(context.getShutdownStrategy().getTimeUnit()
                .toMillis(context.getShutdownStrategy().getTimeout()));
        if (endpoint.limiter() != null && !endpoint.limiter().awaitIdle(timeout)) {
            LOG.warn("Stopping the aws-scn-event producer of instance {} with {} messages still pending after {}",
                    config.getInstanceId(), endpoint.limiter().inFlight(), timeout);
        }
        if (healthCheck != null) {
            healthCheck.unregister();
        }
        if (completions != null) {
            context.getExecutorServiceManager().shutdownGraceful(completions);
            completions = null;
        }
        LOG.info("Stopped aws-scn-event producer of instance {}: {} events accepted by the endpoint so far",
                config.getInstanceId(), endpoint.getEventsSent());
        super.doStop();
    }
}
