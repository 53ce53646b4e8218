package io.github.camelawsevents.aws.scn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;
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
    static final class Piece {
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

        Piece(ScnSubmission owner, int index) {
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

        /** Whether {@code next}'s records may go in the same event as this piece's. */
        boolean joins(Piece next) {
            return coalescable && next.coalescable
                   && Objects.equals(request.datasetTarget(), next.request.datasetTarget())
                   && Objects.equals(request.eventTimestamp(), next.request.eventTimestamp());
        }
    }

    /** The events of one key: at most one in flight, the rest waiting in order. */
    private static final class KeyQueue {
        final Object key;
        final ArrayDeque<Piece> waiting = new ArrayDeque<>();
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
    private int waitingEvents;

    ScnDelivery(AwsScnEventEndpoint endpoint, SendHealthCheck healthCheck, DeliveryListener listener) {
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.client = endpoint::getClient;
        this.healthCheck = healthCheck;
        this.listener = listener;
        this.coalesce = config.isCoalesceRecords();
        this.sequenced = config.isPreserveOrder() || coalesce;
        this.pipeline = new DeliveryPipeline("AwsScnEvent", config.getMaxInFlightRequests(),
                config.getMaxPendingExchanges(), this, listener);
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
     * Admits an exchange (waiting while the pending bound is full) and queues its events behind those of its key.
     *
     * @return whether the calling thread was interrupted while waiting
     */
    boolean submit(ScnSubmission submission) {
        boolean interrupted = pipeline.admit(submission);
        // without order, a message's own events still go one after another, but messages do not wait for each other
        Object key = sequenced ? submission.events().key() : submission;
        synchronized (this) {
            KeyQueue queue = keys.computeIfAbsent(key, KeyQueue::new);
            int count = submission.events().requests().size();
            for (int i = 0; i < count; i++) {
                queue.waiting.addLast(new Piece(submission, i));
            }
            waitingEvents += count;
            markReady(queue);
        }
        pipeline.trigger();
        return interrupted;
    }

    /** Admits a read-back; it takes the next free request slot, outside any key's order. */
    boolean submit(ReadBackSubmission submission) {
        boolean interrupted = pipeline.admit(submission);
        synchronized (this) {
            readBacks.addLast(submission);
        }
        pipeline.trigger();
        return interrupted;
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
            count = RequestPlanner.next(queue.waiting, Piece::innerLength, Piece::joins, limits).count();
        }
        List<Piece> pieces = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pieces.add(queue.waiting.pollFirst());
        }
        waitingEvents -= count;
        queue.inFlight = true;
        return new EventRequest(queue, pieces);
    }

    @Override
    public long dueAt() {
        return Long.MAX_VALUE;
    }

    /** One SendDataIntegrationEvent: one event of one exchange, or the coalesced records of several. */
    private final class EventRequest implements DeliveryPipeline.Request<SendDataIntegrationEventResponse> {
        private final KeyQueue queue;
        private final List<Piece> pieces;
        private final int records;
        private boolean started;

        EventRequest(KeyQueue queue, List<Piece> pieces) {
            this.queue = queue;
            this.pieces = pieces;
            this.records = pieces.stream().mapToInt(p -> p.records).sum();
        }

        @Override
        public int items() {
            return records;
        }

        @Override
        public CompletableFuture<SendDataIntegrationEventResponse> send() {
            SendDataIntegrationEventRequest request = pieces.size() == 1 ? pieces.get(0).request : coalesced();
            if (LOG.isDebugEnabled()) {
                Piece first = pieces.get(0);
                if (pieces.size() == 1) {
                    LOG.debug("Sending event {}/{} of exchange {}: type={}, group={}, data={} characters",
                            first.index + 1, first.owner.events().requests().size(), first.owner.exchange().getExchangeId(),
                            request.eventTypeAsString(), request.eventGroupId(), request.data().length());
                } else {
                    LOG.debug("Sending an event coalescing {} records of {} exchanges: type={}, group={}, data={}"
                              + " characters", records, pieces.stream().map(p -> p.owner).distinct().count(),
                            request.eventTypeAsString(), request.eventGroupId(), request.data().length());
                }
            }
            SupplyChainAsyncClient supplyChain = client.get();
            if (supplyChain == null) {
                throw new IllegalStateException("The endpoint " + endpoint + " is not started");
            }
            endpoint.requestStarted();
            started = true;
            return supplyChain.sendDataIntegrationEvent(request);
        }

        /** One event with the records of every piece, in order, as a JSON array; its token from theirs. */
        private SendDataIntegrationEventRequest coalesced() {
            int length = 2 + pieces.size() - 1;
            for (Piece piece : pieces) {
                length += (int) piece.innerLength();
            }
            StringBuilder data = new StringBuilder(length).append('[');
            List<String> tokens = new ArrayList<>(pieces.size());
            for (int i = 0; i < pieces.size(); i++) {
                Piece piece = pieces.get(i);
                if (i > 0) {
                    data.append(',');
                }
                data.append(piece.request.data(), piece.innerStart, piece.innerEnd);
                tokens.add(piece.request.clientToken());
            }
            return pieces.get(0).request.toBuilder().data(data.append(']').toString())
                    .clientToken(ClientTokens.coalesced(tokens)).build();
        }

        @Override
        public void answered(SendDataIntegrationEventResponse response, Throwable error) {
            if (started) {
                endpoint.requestEnded(error == null);
            }
            List<ScnSubmission> settled = new ArrayList<>();
            if (error != null && refusedAsInvalid(error) && pieces.stream().map(p -> p.owner).distinct().count() > 1) {
                // one exchange's bad record must not fail the others it was coalesced with: the event is sent again in
                // halves, in order, until the refused part goes alone (a few rounds, not one event per record)
                int half = (pieces.size() + 1) / 2;
                LOG.debug("A coalesced event of {} records was refused ({}): sending it again in parts of {}", records,
                        SafeMessages.of(error), half);
                listener.retried(records); // its records go again: counted as retried, as partner entries are
                synchronized (ScnDelivery.this) {
                    for (int i = pieces.size() - 1; i >= 0; i--) {
                        pieces.get(i).coalesceLimit = half;
                        queue.waiting.addFirst(pieces.get(i));
                    }
                    waitingEvents += pieces.size();
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
                for (Piece piece : pieces) {
                    if (piece.owner.failed(piece.index, cause)) {
                        settled.add(piece.owner);
                    }
                }
            } else {
                healthCheck.recordSuccess();
                listener.accepted(records);
                LOG.debug("Event of {} records accepted: eventId={}", records, response.eventId());
                for (Piece piece : pieces) {
                    if (piece.owner.accepted(piece.index, response.eventId())) {
                        settled.add(piece.owner);
                    }
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
                        for (Piece piece : pieces) {
                            if (piece.owner.batchId() != null) {
                                batches.add(piece.owner.batchId());
                            }
                        }
                    }
                    for (Iterator<Piece> it = queue.waiting.iterator(); it.hasNext();) {
                        Piece piece = it.next();
                        if (!piece.owner.hasFailed() && piece.owner.batchId() != null
                                && batches.contains(piece.owner.batchId())
                                && piece.owner.notSent(piece.index, error)) {
                            settled.add(piece.owner);
                        }
                        if (piece.owner.hasFailed()) {
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
