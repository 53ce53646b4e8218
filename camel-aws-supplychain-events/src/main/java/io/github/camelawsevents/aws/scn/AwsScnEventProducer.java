package io.github.camelawsevents.aws.scn;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.core.SendHealthCheck;
import io.github.camelawsevents.aws.core.delivery.AbstractDeliveringProducer;
import io.github.camelawsevents.aws.core.delivery.DeliveryRefusedException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each message as one or more data integration events, asynchronously.
 * <p>
 * Per message: read and check it (nothing is sent when it is invalid; with {@code recordCheck}, every record against
 * its target's schema) → hand it to the endpoint's delivery pipeline (the calling thread waits while the pending bound
 * is full: backpressure) → its events wait behind those of its group when {@code preserveOrder} (with
 * {@code coalesceRecords}, they may share an event with other messages' records) → when its group's turn comes and a
 * request slot is free, they go out one after another → the event ids are put on the message and the rest of the route
 * runs on the worker pool, never on (or blocking) an AWS SDK thread.
 */
public class AwsScnEventProducer extends AbstractDeliveringProducer<ScnDelivery> {

    private static final Logger LOG = LoggerFactory.getLogger(AwsScnEventProducer.class);

    private final AwsScnEventEndpoint endpoint;
    private final AwsScnEventConfiguration config;
    private final ScnMessageReader reader;
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
    protected boolean deliver(ScnDelivery delivery, Exchange exchange, AsyncCallback callback) {
        if (operation(exchange) == ScnOperation.getDataIntegrationEvent) {
            delivery.submit(readBack(exchange, callback));
            return true;
        }
        OutgoingEvents events;
        try {
            events = reader.read(exchange);
        } catch (DatasetSchemaNeededException pending) {
            // the record check needs the dataset's schema: it is read first, then the message is read again
            return awaitDatasetSchema(exchange, callback, pending.datasetArn());
        }
        delivery.submit(new ScnSubmission(exchange, callback, events));
        return true;
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
     * again on a thread of this producer; the calling thread does not wait. A schema that cannot be read fails the
     * exchange, unsent.
     *
     * @return true: the exchange completes later
     */
    private boolean awaitDatasetSchema(Exchange exchange, AsyncCallback callback, String datasetArn) {
        ExecutorService continuations = schemaContinuations;
        if (continuations == null) {
            throw new DeliveryRefusedException("The aws-scn-event producer of " + endpoint + " is not started");
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
                    // this exchange was handed over already: whatever happens now completes asynchronously
                    process(exchange, doneSync -> callback.done(false));
                }
            };
            try {
                continuations.execute(next);
            } catch (RejectedExecutionException stopping) {
                // the producer stopped meanwhile: the exchange fails, answered on this (never an SDK) thread
                exchange.setException(new DeliveryRefusedException("The aws-scn-event producer of " + endpoint
                                                                   + " stopped while the exchange waited for the"
                                                                   + " schema of its dataset"));
                callback.done(false);
            }
        });
        return true;
    }

    @Override
    protected void doStart() throws Exception {
        if (config.getRecordCheck() != RecordCheckMode.OFF) {
            // a truly unbounded queue, never caller-runs: the caller may be a thread of the AWS client (Camel's thread
            // pool profiles turn a negative queue size into a direct hand-off, which refuses when both threads are busy)
            String name = endpoint.getCamelContext().getExecutorServiceManager()
                    .resolveThreadName("AwsScnEventDatasetSchema");
            ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    task -> {
                        Thread thread = new Thread(task, name);
                        thread.setDaemon(true);
                        return thread;
                    });
            pool.allowCoreThreadTimeOut(true);
            schemaContinuations = pool;
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        ExecutorService continuations = schemaContinuations;
        schemaContinuations = null;
        if (continuations != null) {
            // exchanges still waiting for a schema go on (and are refused, as the producer is stopped)
            continuations.shutdown();
        }
        super.doStop();
    }

    @Override
    protected String describe() {
        return config + ", " + endpoint.getEventsSent() + " events accepted by the endpoint so far";
    }
}
