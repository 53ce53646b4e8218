package io.github.camelawsevents.aws.scn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.camelawsevents.aws.core.BatchLimits;
import io.github.camelawsevents.aws.core.SafeMessages;
import io.github.camelawsevents.aws.core.SendHealthCheck;
import io.github.camelawsevents.aws.core.delivery.AbstractDeliveringEndpoint;
import io.github.camelawsevents.aws.core.delivery.DeliveryListener;
import io.github.camelawsevents.aws.core.delivery.DeliveryPipeline;
import io.github.camelawsevents.aws.core.delivery.RequestPlanner;
import io.github.camelawsevents.aws.core.delivery.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEventDatasetLoadExecutionDetails;
import software.amazon.awssdk.services.supplychain.model.GetDataIntegrationEventResponse;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventRequest;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventResponse;

/**
 * The SendDataIntegrationEvent side of the delivery pipeline for one endpoint. Events wait in one queue per order key
 * (instance, event type, event group) with at most one event of a key in flight; a key whose turn has come waits in a
 * FIFO of ready keys for a request slot, so slots go to keys in the order they became ready and a busy key never holds
 * more than one. With record coalescing, a key's next event carries as many of its waiting events' records as fit.
 */
final class ScnDelivery implements DeliveryPipeline.Source, AbstractDeliveringEndpoint.Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(ScnDelivery.class);

    /** How records of several events share one event's data: a JSON array within the data limit. */
    static final BatchLimits COALESCED_DATA = new BatchLimits(Integer.MAX_VALUE, ScnConstraints.DATA_MAX_LENGTH, 2, 1);

    /** Event {@code index} of an exchange, waiting for its key's turn. */
    static final class PendingEvent {
        final ScnSubmission owner;
        final int index;
        final SendDataIntegrationEventRequest request;
        final int records;
        final boolean coalescable;
        /** Where the records are in the data: inside the brackets of an array, or the whole of one object. */
        final int innerStart;
        final int innerEnd;
        /**
         * The most events-to-be that may share an event with this one: unlimited, until a coalesced event that carried
         * it was refused as invalid; then halved, so the refused record is found in a few rounds and fails alone.
         */
        int coalesceLimit = Integer.MAX_VALUE;

        PendingEvent(ScnSubmission owner, int index) {
            this.owner = owner;
            this.index = index;
            this.request = owner.events().requests().get(index);
            this.records = owner.events().recordCounts().get(index);
            this.coalescable = owner.events().coalescable();
            String data = request.data();
            int first = 0;
            while (first < data.length() && Character.isWhitespace(data.charAt(first))) {
                first++;
            }
            if (first < data.length() && data.charAt(first) == '[') {
                innerStart = first + 1;
                innerEnd = data.lastIndexOf(']');
            } else {
                innerStart = 0;
                innerEnd = data.length();
            }
        }

        long innerLength() {
            return innerEnd - innerStart;
        }

        /** Whether {@code next}'s records may go in the same event as this one's. */
        boolean joins(PendingEvent next) {
            return coalescable && next.coalescable
                   && Objects.equals(request.datasetTarget(), next.request.datasetTarget())
                   && Objects.equals(request.eventTimestamp(), next.request.eventTimestamp());
        }
    }

    /** The events of one key: at most one in flight, the rest waiting in order. */
    private static final class KeyQueue {
        final Object key;
        final ArrayDeque<PendingEvent> waiting = new ArrayDeque<>();
        boolean inFlight;
        boolean ready;

        KeyQueue(Object key) {
            this.key = key;
        }
    }

    private final AwsScnEventEndpoint endpoint;
    private final AwsScnEventConfiguration config;
    private final Supplier<SupplyChainAsyncClient> client;
    private final SendHealthCheck healthCheck;
    private final DeliveryListener listener;
    private final boolean sequenced;
    private final boolean coalesce;
    private final DeliveryPipeline pipeline;
    private final Map<Object, KeyQueue> keys = new HashMap<>();
    private final ArrayDeque<KeyQueue> readyKeys = new ArrayDeque<>();
    private final ArrayDeque<ReadBackSubmission> readBacks = new ArrayDeque<>();
    /** Dataset events whose load-status poll is due (confirmDatasetLoad). */
    private final ArrayDeque<LoadConfirmation> confirmations = new ArrayDeque<>();
    private final boolean confirmLoads;
    /**
     * Batches of exchanges (by attempt) in which a record of a key failed for good: their later records of that key are
     * not sent, wherever they are (queued, or admitted later). The most recent ones, which is what a batch needs.
     */
    private final Map<FailedBatch, Throwable> failedBatches = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FailedBatch, Throwable> eldest) {
            return size() > 4096;
        }
    };

    /** A key, and the batch attempt of exchanges in which one of its records failed for good. */
    private record FailedBatch(Object key, String batchId) {
    }
    private int waitingEvents;

    ScnDelivery(AwsScnEventEndpoint endpoint, SendHealthCheck healthCheck, DeliveryListener listener) {
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.client = endpoint::getClient;
        this.healthCheck = healthCheck;
        this.listener = listener;
        this.coalesce = config.isCoalesceRecords();
        this.sequenced = config.isPreserveOrder() || coalesce;
        this.confirmLoads = config.isConfirmDatasetLoad();
        this.pipeline = new DeliveryPipeline(config.pipelineSettings("AwsScnEvent", config.getMaxInFlightRequests(),
                config.getMaxPendingExchanges()), this, listener);
    }

    @Override
    public DeliveryPipeline pipeline() {
        return pipeline;
    }

    /** Events waiting for their key's turn or for a request slot. */
    @Override
    public synchronized int waitingItems() {
        return waitingEvents;
    }

    /**
     * Admits an exchange (waiting while the pending bound is full) and queues its events behind those of its key. An
     * exchange of a batch in which an earlier record of its group failed for good is not sent (see
     * {@link ScnSubmission#notSent}), also when it was admitted only after that failure.
     */
    void submit(ScnSubmission submission) {
        // without order, a message's own events still go one after another, but messages do not wait for each other
        Object key = sequenced ? submission.events().key() : submission;
        pipeline.submit(submission, () -> {
            Throwable failedEarlier;
            synchronized (this) {
                failedEarlier = submission.batchId() == null ? null
                        : failedBatches.get(new FailedBatch(key, submission.batchId()));
                if (failedEarlier == null) {
                    KeyQueue queue = keys.computeIfAbsent(key, KeyQueue::new);
                    int count = submission.events().requests().size();
                    for (int i = 0; i < count; i++) {
                        queue.waiting.addLast(new PendingEvent(submission, i));
                    }
                    waitingEvents += count;
                    markReady(queue);
                }
            }
            if (failedEarlier != null && submission.notSent(0, failedEarlier)) {
                submission.complete();
            }
        });
    }

    /** Admits a read-back; it takes the next free request slot, outside any key's order. */
    void submit(ReadBackSubmission submission) {
        pipeline.submit(submission, () -> {
            synchronized (this) {
                readBacks.addLast(submission);
            }
        });
    }

    @Override
    public synchronized Collection<? extends Submission> discardHead() {
        ReadBackSubmission readBack = readBacks.pollFirst();
        if (readBack != null) {
            return List.of(readBack);
        }
        LoadConfirmation confirmation = confirmations.pollFirst();
        if (confirmation != null) {
            return confirmation.owners();
        }
        KeyQueue queue = readyKeys.peekFirst();
        if (queue == null || queue.waiting.isEmpty()) {
            return List.of();
        }
        PendingEvent head = queue.waiting.pollFirst();
        waitingEvents--;
        return List.of(head.owner);
    }

    private void markReady(KeyQueue queue) {
        if (!queue.inFlight && !queue.ready && !queue.waiting.isEmpty()) {
            queue.ready = true;
            readyKeys.addLast(queue);
        }
    }

    @Override
    public synchronized DeliveryPipeline.Request<?> poll(long nowNanos, boolean flush) {
        ReadBackSubmission readBack = readBacks.pollFirst();
        if (readBack != null) {
            return new ReadBackRequest(readBack);
        }
        LoadConfirmation confirmation = confirmations.pollFirst();
        if (confirmation != null) {
            return new LoadStatusRequest(confirmation);
        }
        KeyQueue queue = readyKeys.pollFirst();
        if (queue == null) {
            return null;
        }
        queue.ready = false;
        int count = 1;
        if (coalesce) {
            int limit = queue.waiting.peekFirst().coalesceLimit;
            BatchLimits limits = limit == Integer.MAX_VALUE ? COALESCED_DATA
                    : new BatchLimits(limit, ScnConstraints.DATA_MAX_LENGTH, 2, 1);
            count = RequestPlanner.next(queue.waiting, PendingEvent::innerLength, PendingEvent::joins, limits).count();
        }
        List<PendingEvent> carriedEvents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            carriedEvents.add(queue.waiting.pollFirst());
        }
        waitingEvents -= count;
        queue.inFlight = true;
        return new EventRequest(queue, carriedEvents);
    }

    @Override
    public long dueAt() {
        return Long.MAX_VALUE;
    }

    /** One SendDataIntegrationEvent: one event of one exchange, or the coalesced records of several. */
    private final class EventRequest implements DeliveryPipeline.Request<SendDataIntegrationEventResponse> {
        private final KeyQueue queue;
        private final List<PendingEvent> carriedEvents;
        private final int records;

        EventRequest(KeyQueue queue, List<PendingEvent> carriedEvents) {
            this.queue = queue;
            this.carriedEvents = carriedEvents;
            this.records = carriedEvents.stream().mapToInt(p -> p.records).sum();
        }

        @Override
        public int items() {
            return records;
        }

        @Override
        public Collection<ScnSubmission> carried() {
            Set<ScnSubmission> owners = new LinkedHashSet<>();
            for (PendingEvent pending : carriedEvents) {
                owners.add(pending.owner);
            }
            return owners;
        }

        @Override
        public CompletableFuture<SendDataIntegrationEventResponse> send() {
            SendDataIntegrationEventRequest request = carriedEvents.size() == 1 ? carriedEvents.get(0).request : coalesced();
            if (LOG.isDebugEnabled()) {
                PendingEvent first = carriedEvents.get(0);
                if (carriedEvents.size() == 1) {
                    LOG.debug("Sending event {}/{} of exchange {}: type={}, group={}, data={} characters",
                            first.index + 1, first.owner.events().requests().size(), first.owner.exchange().getExchangeId(),
                            request.eventTypeAsString(), request.eventGroupId(), request.data().length());
                } else {
                    LOG.debug("Sending an event coalescing {} records of {} exchanges: type={}, group={}, data={}"
                              + " characters", records, carriedEvents.stream().map(p -> p.owner).distinct().count(),
                            request.eventTypeAsString(), request.eventGroupId(), request.data().length());
                }
            }
            SupplyChainAsyncClient supplyChain = client.get();
            if (supplyChain == null) {
                throw new IllegalStateException("The endpoint " + endpoint + " is not started");
            }
            return supplyChain.sendDataIntegrationEvent(request);
        }

        /** One event with the records of every event, in order, as a JSON array; its token from theirs. */
        private SendDataIntegrationEventRequest coalesced() {
            int length = 2 + carriedEvents.size() - 1;
            for (PendingEvent pending : carriedEvents) {
                length += (int) pending.innerLength();
            }
            StringBuilder data = new StringBuilder(length).append('[');
            List<String> tokens = new ArrayList<>(carriedEvents.size());
            for (int i = 0; i < carriedEvents.size(); i++) {
                PendingEvent pending = carriedEvents.get(i);
                if (i > 0) {
                    data.append(',');
                }
                data.append(pending.request.data(), pending.innerStart, pending.innerEnd);
                tokens.add(pending.request.clientToken());
            }
            return carriedEvents.get(0).request.toBuilder().data(data.append(']').toString())
                    .clientToken(ClientTokens.coalesced(tokens)).build();
        }

        @Override
        public void answered(SendDataIntegrationEventResponse response, Throwable error) {
            if (error == null) {
                endpoint.eventAccepted();
            }
            List<ScnSubmission> settled = new ArrayList<>();
            if (error != null && refusedAsInvalid(error) && carriedEvents.stream().map(p -> p.owner).distinct().count() > 1) {
                // one exchange's bad record must not fail the others it was coalesced with: the event is sent again in
                // halves, in order, until the refused part goes alone (a few rounds, not one event per record)
                int half = (carriedEvents.size() + 1) / 2;
                LOG.debug("A coalesced event of {} records was refused ({}): sending it again in parts of {}", records,
                        SafeMessages.of(error), half);
                listener.retried(records); // its records go again: counted as retried, as partner entries are
                synchronized (ScnDelivery.this) {
                    for (int i = carriedEvents.size() - 1; i >= 0; i--) {
                        carriedEvents.get(i).coalesceLimit = half;
                        queue.waiting.addFirst(carriedEvents.get(i));
                    }
                    waitingEvents += carriedEvents.size();
                    queue.inFlight = false;
                    markReady(queue);
                }
                return;
            }
            if (error != null) {
                Throwable cause = SafeMessages.unwrap(error);
                healthCheck.recordFailure(cause);
                listener.failed(SafeMessages.errorCode(cause), records, SafeMessages.of(cause));
                LOG.debug("An event of {} records failed: {}", records, SafeMessages.of(cause));
                for (PendingEvent pending : carriedEvents) {
                    if (pending.owner.failed(pending.index, cause)) {
                        settled.add(pending.owner);
                    }
                }
            } else {
                healthCheck.recordSuccess();
                listener.accepted(records);
                LOG.debug("Event of {} records accepted: eventId={}", records, response.eventId());
                SendDataIntegrationEventRequest sent = carriedEvents.get(0).request;
                // one confirmation per event, however many records and exchanges it carried
                boolean confirm = confirmLoads && ScnConstraints.DATASET_EVENT_TYPE.equals(sent.eventTypeAsString())
                                  && response.eventId() != null;
                for (PendingEvent pending : carriedEvents) {
                    if (pending.owner.accepted(pending.index, response.eventId(), confirm)) {
                        settled.add(pending.owner);
                    }
                }
                if (confirm) {
                    endpoint.datasetLoadConfirming(1);
                    confirmLater(new LoadConfirmation(response.eventId(), sent.datasetTarget() != null
                            ? sent.datasetTarget().datasetIdentifier() : null, List.copyOf(carriedEvents),
                            System.nanoTime()));
                }
            }
            synchronized (ScnDelivery.this) {
                queue.inFlight = false;
                if (error != null) {
                    // the later events of a failed exchange are not sent: they would arrive out of order; nor, in a
                    // batch, the group's later records after a failure that redelivery can mend (not a refused record,
                    // which would then hold its group back on every redelivery)
                    Set<String> batches = new HashSet<>();
                    if (!refusedAsInvalid(error)) {
                        for (PendingEvent pending : carriedEvents) {
                            if (pending.owner.batchId() != null) {
                                batches.add(pending.owner.batchId());
                                failedBatches.put(new FailedBatch(queue.key, pending.owner.batchId()), error);
                            }
                        }
                    }
                    for (Iterator<PendingEvent> it = queue.waiting.iterator(); it.hasNext();) {
                        PendingEvent pending = it.next();
                        if (!pending.owner.hasFailed() && pending.owner.batchId() != null
                                && batches.contains(pending.owner.batchId())
                                && pending.owner.notSent(pending.index, error)) {
                            settled.add(pending.owner);
                        }
                        if (pending.owner.hasFailed()) {
                            it.remove();
                            waitingEvents--;
                        }
                    }
                }
                if (queue.waiting.isEmpty()) {
                    keys.remove(queue.key);
                } else {
                    markReady(queue);
                }
            }
            for (ScnSubmission submission : settled) {
                submission.complete();
            }
        }
    }

    /** Whether AWS refused an event for its content (400 ValidationException): sending it again cannot help. */
    static boolean refusedAsInvalid(Throwable error) {
        Throwable cause = SafeMessages.unwrap(error);
        return cause instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws
               && aws.statusCode() == 400 && "ValidationException".equals(SafeMessages.errorCode(aws));
    }

    /** The load of one accepted dataset event, confirmed for every exchange whose records it carried. */
    private static final class LoadConfirmation {
        final String eventId;
        final String datasetArn;
        final List<PendingEvent> events;
        final long acceptedNanos;
        int polls;

        LoadConfirmation(String eventId, String datasetArn, List<PendingEvent> events, long acceptedNanos) {
            this.eventId = eventId;
            this.datasetArn = datasetArn;
            this.events = events;
            this.acceptedNanos = acceptedNanos;
        }

        Collection<ScnSubmission> owners() {
            Set<ScnSubmission> owners = new LinkedHashSet<>();
            for (PendingEvent pending : events) {
                owners.add(pending.owner);
            }
            return owners;
        }

        boolean anyOpen() {
            for (PendingEvent pending : events) {
                if (!pending.owner.hasFailed()) {
                    return true;
                }
            }
            return false;
        }

        long elapsedMillis() {
            return java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acceptedNanos);
        }
    }

    /**
     * Queues the next load-status poll of an event after its backoff, on the pipeline's timer (no thread waits; a
     * close drops the timer and fails the exchanges, which are still open).
     */
    private void confirmLater(LoadConfirmation confirmation) {
        if (!confirmation.anyOpen()) {
            endpoint.datasetLoadConfirming(-1);
            return; // every exchange it carried ended already (failed, or the endpoint stopped)
        }
        confirmation.polls++;
        long delay = DatasetLoadRules.delayBeforePoll(confirmation.polls, config.getDatasetLoadPollInterval(),
                config.getDatasetLoadMaxPollInterval(), confirmation.elapsedMillis(), config.getDatasetLoadTimeout());
        LOG.debug("Asking for the load status of event {} in {} ms (poll {})", confirmation.eventId, delay,
                confirmation.polls);
        pipeline.pollAfter(delay, () -> {
            synchronized (ScnDelivery.this) {
                confirmations.addLast(confirmation);
            }
            pipeline.trigger();
        });
    }

    /** Whether a failed poll may pass: throttling, a 5xx, or an I/O error, after the AWS SDK's own retries. */
    static boolean passing(Throwable error) {
        Throwable cause = SafeMessages.unwrap(error);
        if (cause instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws) {
            return aws.isThrottlingException() || aws.statusCode() >= 500;
        }
        return cause instanceof software.amazon.awssdk.core.exception.SdkClientException;
    }

    /** A GetDataIntegrationEvent asking for the load status of one dataset event. */
    private final class LoadStatusRequest implements DeliveryPipeline.Request<GetDataIntegrationEventResponse> {
        private final LoadConfirmation confirmation;

        LoadStatusRequest(LoadConfirmation confirmation) {
            this.confirmation = confirmation;
        }

        @Override
        public int items() {
            return 0;
        }

        @Override
        public Collection<ScnSubmission> carried() {
            return confirmation.owners();
        }

        @Override
        public CompletableFuture<GetDataIntegrationEventResponse> send() {
            SupplyChainAsyncClient supplyChain = client.get();
            if (supplyChain == null) {
                throw new IllegalStateException("The endpoint " + endpoint + " is not started");
            }
            return supplyChain.getDataIntegrationEvent(r -> r.instanceId(config.getInstanceId())
                    .eventId(confirmation.eventId));
        }

        @Override
        public void answered(GetDataIntegrationEventResponse response, Throwable error) {
            boolean timeLimitReached = confirmation.elapsedMillis() >= config.getDatasetLoadTimeout();
            DataIntegrationEventDatasetLoadExecutionDetails load = response != null && response.event() != null
                    && response.event().datasetTargetDetails() != null
                    ? response.event().datasetTargetDetails().datasetLoadExecution() : null;
            String status = load != null ? load.statusAsString() : null;
            String message = load != null ? load.message() : null;
            DatasetLoadRules.Verdict verdict = error != null
                    ? DatasetLoadRules.ofError(passing(error), timeLimitReached)
                    : DatasetLoadRules.ofStatus(status, timeLimitReached, config.getDatasetLoadTimeoutAction());
            LOG.debug("Load of event {}: {} after {} polls ({})", confirmation.eventId,
                    error != null ? "not read: " + SafeMessages.of(error) : status, confirmation.polls, verdict);
            if (verdict == DatasetLoadRules.Verdict.POLL_AGAIN) {
                confirmLater(confirmation);
                return;
            }
            endpoint.datasetLoadConfirming(-1);
            if (verdict == DatasetLoadRules.Verdict.FAILED && confirmation.datasetArn != null) {
                // the load may have failed because the dataset's schema changed: the record check reads it again
                endpoint.getDatasetSchemas().forget(confirmation.datasetArn);
            }
            List<ScnSubmission> settled = new ArrayList<>();
            for (PendingEvent pending : confirmation.events) {
                ScnSubmission owner = pending.owner;
                boolean done;
                switch (verdict) {
                    case SUCCEEDED, COMPLETE_IN_PROGRESS -> done = owner.loadConfirmed(pending.index,
                            verdict == DatasetLoadRules.Verdict.SUCCEEDED ? "SUCCEEDED" : "IN_PROGRESS", message);
                    default -> done = owner.loadNotConfirmed(pending.index,
                            problem(verdict, owner, pending.index, message, error), message);
                }
                if (done && !settled.contains(owner)) {
                    settled.add(owner);
                }
            }
            if (verdict != DatasetLoadRules.Verdict.SUCCEEDED && verdict != DatasetLoadRules.Verdict.COMPLETE_IN_PROGRESS) {
                dropWaitingEventsOf(settled);
            }
            for (ScnSubmission submission : settled) {
                submission.complete();
            }
        }

        private DatasetLoadException problem(DatasetLoadRules.Verdict verdict, ScnSubmission owner, int index,
                                             String message, Throwable error) {
            String which = owner.describe(index);
            return switch (verdict) {
                case FAILED -> new DatasetLoadFailedException(owner.exchange(), confirmation.eventId,
                        confirmation.datasetArn, message, which);
                case TIMED_OUT -> new DatasetLoadTimeoutException(owner.exchange(), confirmation.eventId,
                        confirmation.datasetArn, java.time.Duration.ofMillis(config.getDatasetLoadTimeout()),
                        confirmation.polls, which);
                default -> new DatasetLoadException("AWS accepted " + which + " (event " + confirmation.eventId
                                                    + "), but its load into dataset " + confirmation.datasetArn
                                                    + " could not be confirmed: GetDataIntegrationEvent failed ("
                                                    + (error != null ? SafeMessages.of(SafeMessages.unwrap(error))
                                                            : "no status") + "). confirmDatasetLoad needs the IAM"
                                                    + " action scn:GetDataIntegrationEvent.",
                        owner.exchange(), confirmation.eventId, confirmation.datasetArn, null,
                        error != null ? SafeMessages.unwrap(error) : null);
            };
        }
    }

    /**
     * The later events of exchanges whose load was not confirmed are not sent (as after a refused event): they would
     * reach the service without the ones before them counting.
     */
    private void dropWaitingEventsOf(List<ScnSubmission> failed) {
        if (failed.isEmpty()) {
            return;
        }
        synchronized (this) {
            for (ScnSubmission owner : failed) {
                if (owner.events().requests().size() < 2) {
                    continue; // a message of one event has nothing waiting
                }
                KeyQueue queue = keys.get(sequenced ? owner.events().key() : owner);
                if (queue == null) {
                    continue;
                }
                for (Iterator<PendingEvent> it = queue.waiting.iterator(); it.hasNext();) {
                    if (it.next().owner == owner) {
                        it.remove();
                        waitingEvents--;
                    }
                }
                if (queue.waiting.isEmpty()) {
                    if (queue.ready) {
                        readyKeys.remove(queue);
                        queue.ready = false;
                    }
                    if (!queue.inFlight) {
                        keys.remove(queue.key);
                    }
                }
            }
        }
    }

    /** A GetDataIntegrationEvent for one exchange. */
    private final class ReadBackRequest implements DeliveryPipeline.Request<GetDataIntegrationEventResponse> {
        private final ReadBackSubmission submission;

        ReadBackRequest(ReadBackSubmission submission) {
            this.submission = submission;
        }

        @Override
        public int items() {
            return 0;
        }

        @Override
        public Collection<ReadBackSubmission> carried() {
            return List.of(submission);
        }

        @Override
        public CompletableFuture<GetDataIntegrationEventResponse> send() {
            LOG.debug("Reading back event {} of instance {}", submission.eventId(), config.getInstanceId());
            SupplyChainAsyncClient supplyChain = client.get();
            if (supplyChain == null) {
                throw new IllegalStateException("The endpoint " + endpoint + " is not started");
            }
            return supplyChain.getDataIntegrationEvent(r -> r.instanceId(config.getInstanceId())
                    .eventId(submission.eventId()));
        }

        @Override
        public void answered(GetDataIntegrationEventResponse response, Throwable error) {
            submission.answered(response != null ? response.event() : null, error);
            submission.complete();
        }
    }
}
