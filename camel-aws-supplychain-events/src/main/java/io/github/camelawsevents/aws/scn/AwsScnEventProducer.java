package io.github.camelawsevents.aws.scn;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.core.SendHealthCheck;
import io.github.camelawsevents.aws.core.delivery.ExchangeBatch;
import io.github.camelawsevents.aws.core.delivery.Submission;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each message as one or more data integration events, asynchronously.
 * <p>
 * Per message: read and check it (nothing is sent when it is invalid) → hand it to the endpoint's delivery pipeline
 * (the calling thread waits while the pending bound is full: backpressure) → its events wait behind those of its group
 * when {@code preserveOrder} (with {@code coalesceRecords}, they may share an event with other messages' records) →
 * when its group's turn comes and a request slot is free, they go out one after another → the event ids are put on
 * the message and it completes on a Camel thread, so nothing after this producer in the route ever runs on (or
 * blocks) an AWS SDK thread.
 */
public class AwsScnEventProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(AwsScnEventProducer.class);

    private final AwsScnEventEndpoint endpoint;
    private final AwsScnEventConfiguration config;
    private final ScnMessageReader reader;
    private ScnDelivery delivery;
    /** Where an exchange that waited for its dataset's schema goes on (never on an AWS SDK thread); null while stopped. */
    private volatile ExecutorService schemaContinuations;

    public AwsScnEventProducer(AwsScnEventEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.reader = new ScnMessageReader(config, endpoint.getDatasetSchemas());
    }

    @Override
    public AwsScnEventEndpoint getEndpoint() {
        return endpoint;
    }

    /** The endpoint's health check in the {@code producers} repository (null while stopped). */
    public SendHealthCheck getHealthCheck() {
        return endpoint.deliveryHealthCheck();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        List<Exchange> batch = ExchangeBatch.exchangesOf(exchange.getMessage().getBody());
        if (batch != null) {
            // a batch of exchanges (camel-kafka's batching consumer): each delivered as if alone, sharing requests
            return ExchangeBatch.process(exchange, batch, this::process, callback);
        }
        Submission submission;
        try {
            submission = operation(exchange) == ScnOperation.getDataIntegrationEvent
                    ? readBack(exchange, callback)
                    : new ScnSubmission(exchange, callback, reader.read(exchange));
        } catch (DatasetSchemaNeededException pending) {
            // record check hook (issue 20): the dataset's schema is read first, then the message is read again
            return awaitDatasetSchema(exchange, callback, pending.datasetArn());
        } catch (RuntimeException invalid) {
            exchange.setException(invalid);
            callback.done(true);
            return true;
        }
        ScnDelivery current = delivery;
        boolean interrupted = false;
        try {
            if (current == null) {
                throw new IllegalStateException("The aws-scn-event producer of " + endpoint + " is not started");
            }
            interrupted = submission instanceof ScnSubmission send
                    ? current.submit(send) : current.submit((ReadBackSubmission) submission);
        } catch (IllegalStateException stopped) {
            exchange.setException(stopped);
            callback.done(true);
            return true;
        } finally {
            if (interrupted) {
                // restored only now: the SDK refuses a call made on an interrupted thread
                Thread.currentThread().interrupt();
            }
        }
        return false;
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

    private ReadBackSubmission readBack(Exchange exchange, AsyncCallback callback) {
        String eventId = exchange.getMessage().getHeader(AwsScnEventConstants.EVENT_ID, String.class);
        if (eventId == null || eventId.isEmpty()) {
            throw FieldValidationException.missing(AwsScnEventConstants.EVENT_ID, -1);
        }
        return new ReadBackSubmission(exchange, callback, eventId, endpoint.getDatasetSchemas());
    }

    /**
     * The record check of a scn.data.dataset event whose dataset schema is not known yet: reads it asynchronously
     * (GetDataLakeDataset, once per dataset however many exchanges wait) and, when it is known, processes the exchange
     * again on a Camel thread of this producer; the calling thread does not wait. A schema that cannot be read fails
     * the exchange, unsent.
     */
    private boolean awaitDatasetSchema(Exchange exchange, AsyncCallback callback, String datasetArn) {
        ExecutorService continuations = schemaContinuations;
        if (continuations == null) {
            exchange.setException(new IllegalStateException("The aws-scn-event producer of " + endpoint
                                                            + " is not started"));
            callback.done(true);
            return true;
        }
        LOG.debug("Exchange {} waits for the schema of dataset {}", exchange.getExchangeId(), datasetArn);
        endpoint.getDatasetSchemas().fetch(datasetArn).whenComplete((schema, error) -> {
            Runnable next = () -> {
                if (error != null) {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    exchange.setException(cause);
                    callback.done(false);
                } else {
                    // this call returned false already: whatever happens now completes asynchronously
                    process(exchange, doneSync -> callback.done(false));
                }
            };
            try {
                continuations.execute(next);
            } catch (RejectedExecutionException stopping) {
                // the producer is stopping: still not on the SDK thread (the exchange fails, as it is stopped)
                ForkJoinPool.commonPool().execute(next);
            }
        });
        return false;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (config.getRecordCheck() != RecordCheckMode.OFF) {
            // unbounded and aborting, never caller-runs: the caller is an AWS SDK thread
            ThreadPoolProfile profile = new ThreadPoolProfile("AwsScnEventDatasetSchema");
            profile.setPoolSize(2);
            profile.setMaxPoolSize(2);
            profile.setMaxQueueSize(-1);
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            schemaContinuations = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newThreadPool(this, "AwsScnEventDatasetSchema", profile);
        }
        delivery = endpoint.startDelivery();
        LOG.info("Started aws-scn-event producer: {}", config);
    }

    /**
     * Camel stops a producer after its graceful shutdown waited for the exchanges in flight. What still waits now is
     * sent at once and awaited up to the shutdown timeout; whatever AWS has not answered for by then fails its exchange.
     */
    @Override
    protected void doStop() throws Exception {
        delivery = null;
        ExecutorService continuations = schemaContinuations;
        schemaContinuations = null;
        if (continuations != null) {
            // exchanges still waiting for a schema go on (and fail, as the producer is stopped)
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(continuations);
        }
        endpoint.stopDelivery();
        LOG.info("Stopped aws-scn-event producer of instance {}: {} events accepted by the endpoint so far",
                config.getInstanceId(), endpoint.getEventsSent());
        super.doStop();
    }
}
