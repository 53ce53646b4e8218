package io.github.camelawsevents.aws.partner;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.camelawsevents.aws.core.BatchLimits;
import io.github.camelawsevents.aws.core.SafeMessages;
import io.github.camelawsevents.aws.core.SendHealthCheck;
import io.github.camelawsevents.aws.core.delivery.AbstractDeliveringEndpoint;
import io.github.camelawsevents.aws.core.delivery.DeliveryListener;
import io.github.camelawsevents.aws.core.delivery.DeliveryPipeline;
import io.github.camelawsevents.aws.core.delivery.RequestPlanner;
import io.github.camelawsevents.aws.core.delivery.RetryPolicy;
import io.github.camelawsevents.aws.core.delivery.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResultEntry;

/**
 * The PutPartnerEvents side of the delivery pipeline for one endpoint: the queue of entries waiting to be sent (of
 * every exchange the endpoint's producers admitted), packed into requests when a slot is free, and the mapping of
 * each answer back to the entries, their exchanges and their retries. A request AWS refuses as too large is sent again
 * in halves; only an entry refused on its own fails.
 */
final class PartnerDelivery implements DeliveryPipeline.Source, AbstractDeliveringEndpoint.Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerDelivery.class);

    /** One entry of one exchange, waiting or in flight. */
    private static final class PendingEntry {
        final PartnerSubmission owner;
        final int position;
        final long size;
        long queuedAt;
        int retries;
        /**
         * The most entries a request this entry heads may carry: the endpoint's limit, until a request that carried it
         * was refused as too large; then half of that request, so the entry that is too large is found in a few rounds.
         */
        int requestLimit = Integer.MAX_VALUE;

        PendingEntry(PartnerSubmission owner, int position, long size, long queuedAt) {
            this.owner = owner;
            this.position = position;
            this.size = size;
            this.queuedAt = queuedAt;
        }

        PutPartnerEventsRequestEntry entry() {
            return owner.entries().entries().get(position);
        }
    }

    private final AwsPartnerEventsConfiguration configuration;
    private final Supplier<EventBridgeAsyncClient> client;
    private final SendHealthCheck healthCheck;
    private final BatchLimits limits;
    private final RetryPolicy retryPolicy;
    private final long lingerNanos;
    private final boolean acrossExchanges;
    private final DeliveryListener listener;
    private final DeliveryPipeline pipeline;
    private final ArrayDeque<PendingEntry> waiting = new ArrayDeque<>();
    private int waitingEntries;

    PartnerDelivery(AwsPartnerEventsConfiguration configuration, Supplier<EventBridgeAsyncClient> client,
                    SendHealthCheck healthCheck, DeliveryListener listener) {
        this.configuration = configuration;
        this.client = client;
        this.healthCheck = healthCheck;
        this.limits = configuration.requestLimits();
        this.retryPolicy = new RetryPolicy(configuration.getEntryRetryAttempts(), configuration.entryBackoff(),
                EntryErrors.RETRYABLE);
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(configuration.getLingerMs());
        this.acrossExchanges = configuration.isBatchAcrossExchanges();
        this.listener = listener;
        this.pipeline = new DeliveryPipeline(configuration.pipelineSettings("AwsPartnerEvents",
                configuration.getMaxInFlightRequests(), configuration.getMaxPendingExchanges()), this, listener);
    }

    @Override
    public DeliveryPipeline pipeline() {
        return pipeline;
    }

    /** Entries waiting for a request (not yet sent, or due for a retry). */
    @Override
    public synchronized int waitingItems() {
        return waitingEntries;
    }

    /**
     * Admits an exchange (waiting while the pending bound is full) and queues its entries at {@code positions}; the
     * exchange completes when all are answered for.
     */
    void submit(PartnerSubmission submission, List<Integer> positions) {
        pipeline.submit(submission, () -> {
            long now = System.nanoTime();
            long[] sizes = submission.entries().sizes();
            synchronized (this) {
                for (int position : positions) {
                    waiting.addLast(new PendingEntry(submission, position, sizes[position], now));
                }
                waitingEntries += positions.size();
            }
        });
    }

    @Override
    public DeliveryPipeline.Request<?> poll(long nowNanos, boolean flush) {
        List<PendingEntry> batch;
        synchronized (this) {
            PendingEntry head = waiting.peekFirst();
            if (head == null) {
                return null;
            }
            RequestPlanner.Plan plan = plan(head);
            if (!flush && lingers(head, plan, nowNanos)) {
                return null; // wait for more entries, until dueAt()
            }
            batch = new ArrayList<>(plan.count());
            for (int i = 0; i < plan.count(); i++) {
                batch.add(waiting.pollFirst());
            }
            waitingEntries -= batch.size();
        }
        return new PartnerRequest(batch);
    }

    /** False while the waiting entries make no full request and the first of them lingers (lingerMs). */
    @Override
    public boolean mayBeReady(long nowNanos) {
        if (lingerNanos == 0) {
            return true; // nothing lingers: no lock taken on the route thread, the drain decides
        }
        synchronized (this) {
            PendingEntry head = waiting.peekFirst();
            // due (no planning needed), or full already
            return head != null && (nowNanos - head.queuedAt >= lingerNanos || plan(head).full());
        }
    }

    /** The next request from the head of the queue. */
    private RequestPlanner.Plan plan(PendingEntry head) {
        BatchLimits requestLimits = head.requestLimit >= limits.maxItems() ? limits
                : new BatchLimits(head.requestLimit, limits.maxSize(), limits.overhead(), limits.separator());
        return RequestPlanner.next(waiting, entry -> entry.size,
                (first, next) -> acrossExchanges || first.owner == next.owner, requestLimits);
    }

    /** Whether {@code plan} (not full) waits for more entries: its first entry arrived less than lingerMs ago. */
    private boolean lingers(PendingEntry head, RequestPlanner.Plan plan, long nowNanos) {
        return !plan.full() && lingerNanos > 0 && nowNanos - head.queuedAt < lingerNanos;
    }

    @Override
    public synchronized long dueAt() {
        PendingEntry first = waiting.peekFirst();
        return first == null || lingerNanos == 0 ? Long.MAX_VALUE : first.queuedAt + lingerNanos;
    }

    @Override
    public synchronized Collection<PartnerSubmission> discardHead() {
        PendingEntry head = waiting.pollFirst();
        if (head == null) {
            return List.of();
        }
        waitingEntries--;
        return List.of(head.owner);
    }

    /** Puts entries back at the head of the queue, in their order, and sends. */
    private void requeue(List<PendingEntry> entries) {
        long now = System.nanoTime();
        synchronized (this) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                PendingEntry entry = entries.get(i);
                entry.queuedAt = now;
                waiting.addFirst(entry);
            }
            waitingEntries += entries.size();
        }
        pipeline.trigger();
    }

    /** One PutPartnerEvents request: entries of one or more exchanges. */
    private final class PartnerRequest implements DeliveryPipeline.Request<PutPartnerEventsResponse> {
        private final List<PendingEntry> entries;

        PartnerRequest(List<PendingEntry> entries) {
            this.entries = entries;
        }

        @Override
        public int items() {
            return entries.size();
        }

        @Override
        public Collection<PartnerSubmission> carried() {
            Set<PartnerSubmission> owners = new LinkedHashSet<>();
            for (PendingEntry entry : entries) {
                owners.add(entry.owner);
            }
            return owners;
        }

        private long bytes() {
            long total = 0;
            for (PendingEntry entry : entries) {
                total += entry.size;
            }
            return total;
        }

        @Override
        public CompletableFuture<PutPartnerEventsResponse> send() {
            List<PutPartnerEventsRequestEntry> request = new ArrayList<>(entries.size());
            for (PendingEntry entry : entries) {
                request.add(entry.entry());
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("PutPartnerEvents to {}: {} entries, {} bytes", configuration.getEventSource(),
                        entries.size(), bytes());
            }
            EventBridgeAsyncClient eventBridge = client.get();
            if (eventBridge == null) {
                throw new IllegalStateException("The aws-partner-events endpoint for " + configuration.getEventSource()
                                                + " is not started: it has no EventBridge client");
            }
            return eventBridge.putPartnerEvents(PutPartnerEventsRequest.builder().entries(request).build());
        }

        @Override
        public void answered(PutPartnerEventsResponse response, Throwable error) {
            if (error == null) {
                healthCheck.recordSuccess();
                if (response.failedEntryCount() != null && response.failedEntryCount() == 0 && response.hasEntries()
                        && response.entries().size() == entries.size()) {
                    allAccepted(response.entries());
                } else {
                    entriesAnswered(response);
                }
                return;
            }
            Throwable cause = SafeMessages.unwrap(error);
            if (tooLarge(cause) && entries.size() > 1) {
                split(cause);
                return;
            }
            requestFailed(cause);
        }

        /** The fast path: every entry accepted. */
        private void allAccepted(List<PutPartnerEventsResultEntry> results) {
            int accepted = 0;
            List<PartnerSubmission> settled = null;
            for (int j = 0; j < entries.size(); j++) {
                PendingEntry entry = entries.get(j);
                String eventId = results.get(j).eventId();
                if (eventId == null) {
                    if (entry.owner.ledger().failed(entry.position, DeliveryLedger.MISSING_RESULT,
                            "The response had no EventId for this entry")) {
                        settled = add(settled, entry.owner);
                    }
                    continue;
                }
                accepted++;
                if (entry.owner.ledger().accepted(entry.position, eventId)) {
                    settled = add(settled, entry.owner);
                }
            }
            listener.accepted(accepted);
            LOG.debug("PutPartnerEvents request of {} entries accepted", entries.size());
            completeAll(settled);
        }

        /** Refused as too large: sent again in two halves, in order (AWS's count can differ from the rule we pack by). */
        private void split(Throwable cause) {
            int half = (entries.size() + 1) / 2;
            LOG.debug("A PutPartnerEvents request of {} entries and {} bytes was refused as too large ({}): sending it"
                      + " again in requests of at most {} entries", entries.size(), bytes(), SafeMessages.of(cause),
                    half);
            for (PendingEntry entry : entries) {
                entry.requestLimit = half;
            }
            listener.retried(entries.size());
            requeue(entries);
        }

        private void requestFailed(Throwable error) {
            healthCheck.recordFailure(error);
            Throwable cause = tooLarge(error) ? new RequestTooLargeException(entries.size(), bytes(),
                    configuration.getMaxRequestSizeBytes(), error) : error;
            LOG.debug("PutPartnerEvents request of {} entries failed: {}", entries.size(), SafeMessages.of(cause));
            Map<PartnerSubmission, List<Integer>> byOwner = new IdentityHashMap<>();
            for (PendingEntry entry : entries) {
                byOwner.computeIfAbsent(entry.owner, o -> new ArrayList<>()).add(entry.position);
            }
            listener.failed(SafeMessages.errorCode(cause), entries.size(), SafeMessages.of(cause));
            List<PartnerSubmission> settled = null;
            for (Map.Entry<PartnerSubmission, List<Integer>> owner : byOwner.entrySet()) {
                if (owner.getKey().ledger().requestFailed(owner.getValue(), cause)) {
                    settled = add(settled, owner.getKey());
                }
            }
            completeAll(settled);
        }

        private void entriesAnswered(PutPartnerEventsResponse response) {
            int[] retries = new int[entries.size()];
            for (int j = 0; j < retries.length; j++) {
                retries[j] = entries.get(j).retries;
            }
            List<Verdict> verdicts = EntryVerdicts.of(response, retries, retryPolicy, ThreadLocalRandom.current());
            List<PendingEntry> retry = null;
            List<PartnerSubmission> settled = null;
            long delay = 0;
            int accepted = 0;
            for (int j = 0; j < entries.size(); j++) {
                PendingEntry entry = entries.get(j);
                Verdict verdict = verdicts.get(j);
                boolean all = false;
                if (verdict instanceof Verdict.Accepted ok) {
                    accepted++;
                    all = entry.owner.ledger().accepted(entry.position, ok.id());
                } else if (verdict instanceof Verdict.RetryAfter again) {
                    entry.retries++;
                    if (retry == null) {
                        retry = new ArrayList<>();
                    }
                    retry.add(entry);
                    delay = Math.max(delay, again.delayMillis());
                } else if (verdict instanceof Verdict.Failed failed) {
                    listener.failed(failed.errorCode(), 1, failed.errorMessage());
                    all = entry.owner.ledger().failed(entry.position, failed.errorCode(), failed.errorMessage());
                }
                if (all) {
                    settled = add(settled, entry.owner);
                }
            }
            if (accepted > 0) {
                listener.accepted(accepted);
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("PutPartnerEvents request of {} entries answered: {} failed, {} to retry", entries.size(),
                        response.failedEntryCount(), retry == null ? 0 : retry.size());
            }
            if (retry != null) {
                listener.retried(retry.size());
                List<PendingEntry> again = retry;
                LOG.debug("Retrying {} throttled or failed entries in {} ms", again.size(), delay);
                pipeline.retryAfter(delay, () -> requeue(again));
            }
            completeAll(settled);
        }
    }

    private static List<PartnerSubmission> add(List<PartnerSubmission> list, PartnerSubmission submission) {
        List<PartnerSubmission> to = list != null ? list : new ArrayList<>(4);
        to.add(submission);
        return to;
    }

    private static void completeAll(List<PartnerSubmission> settled) {
        if (settled != null) {
            for (PartnerSubmission submission : settled) {
                submission.complete();
            }
        }
    }

    /** Whether AWS refused a request for its size: HTTP 413 (no body), or 400 ValidationException on the size. */
    static boolean tooLarge(Throwable error) {
        if (!(error instanceof SdkServiceException service)) {
            return false;
        }
        if (service.statusCode() == 413) {
            return true;
        }
        String code = SafeMessages.errorCode(error);
        String message = error.getMessage();
        return service.statusCode() == 400 && "ValidationException".equals(code) && message != null
               && message.toLowerCase(java.util.Locale.ROOT).contains("size");
    }
}
