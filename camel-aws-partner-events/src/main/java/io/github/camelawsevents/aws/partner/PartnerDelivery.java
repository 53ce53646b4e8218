package io.github.camelawsevents.aws.partner;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * The PutPartnerEvents side of the delivery pipeline for one endpoint: the queue of entries waiting to be sent (of
 * every exchange the endpoint's producers admitted), packed into requests when a slot is free, and the mapping of
 * each answer back to the entries, their exchanges and their retries.
 */
final class PartnerDelivery implements DeliveryPipeline.Source, AbstractDeliveringEndpoint.Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerDelivery.class);

    /** One entry of one exchange, waiting or in flight. */
    private static final class Item {
        final PartnerSubmission owner;
        final int position;
        final long size;
        long queuedAt;
        int retries;

        Item(PartnerSubmission owner, int position, long size, long queuedAt) {
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
    private final ArrayDeque<Item> waiting = new ArrayDeque<>();
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
        this.pipeline = new DeliveryPipeline("AwsPartnerEvents", configuration.getMaxInFlightRequests(),
                configuration.getMaxPendingExchanges(), this, listener);
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
     *
     * @return whether the calling thread was interrupted while waiting
     */
    boolean submit(PartnerSubmission submission, List<Integer> positions) {
        boolean interrupted = pipeline.admit(submission);
        long now = System.nanoTime();
        long[] sizes = submission.entries().sizes();
        synchronized (this) {
            for (int position : positions) {
                waiting.addLast(new Item(submission, position, sizes[position], now));
            }
            waitingEntries += positions.size();
        }
        pipeline.trigger();
        return interrupted;
    }

    @Override
    public DeliveryPipeline.Request<?> poll(long nowNanos, boolean flush) {
        List<Item> batch;
        synchronized (this) {
            RequestPlanner.Plan plan = RequestPlanner.next(waiting, item -> item.size,
                    (first, next) -> acrossExchanges || first.owner == next.owner, limits);
            if (plan.isEmpty()) {
                return null;
            }
            if (!plan.full() && !flush && lingerNanos > 0 && nowNanos - waiting.peekFirst().queuedAt < lingerNanos) {
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

    @Override
    public synchronized long dueAt() {
        Item first = waiting.peekFirst();
        return first == null || lingerNanos == 0 ? Long.MAX_VALUE : first.queuedAt + lingerNanos;
    }

    /** Puts entries due for a retry back at the head of the queue and sends. */
    private void requeue(List<Item> items) {
        long now = System.nanoTime();
        synchronized (this) {
            for (int i = items.size() - 1; i >= 0; i--) {
                Item item = items.get(i);
                item.queuedAt = now;
                waiting.addFirst(item);
            }
            waitingEntries += items.size();
        }
        pipeline.trigger();
    }

    /** One PutPartnerEvents request: entries of one or more exchanges. */
    private final class PartnerRequest implements DeliveryPipeline.Request<PutPartnerEventsResponse> {
        private final List<Item> items;

        PartnerRequest(List<Item> items) {
            this.items = items;
        }

        @Override
        public int items() {
            return items.size();
        }

        @Override
        public CompletableFuture<PutPartnerEventsResponse> send() {
            List<PutPartnerEventsRequestEntry> entries = new ArrayList<>(items.size());
            for (Item item : items) {
                entries.add(item.entry());
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("PutPartnerEvents to {}: {} entries, {} bytes", configuration.getEventSource(), items.size(),
                        items.stream().mapToLong(i -> i.size).sum());
            }
            EventBridgeAsyncClient eventBridge = client.get();
            if (eventBridge == null) {
                throw new IllegalStateException("The aws-partner-events endpoint for " + configuration.getEventSource()
                                                + " is not started: it has no EventBridge client");
            }
            return eventBridge.putPartnerEvents(PutPartnerEventsRequest.builder().entries(entries).build());
        }

        @Override
        public void answered(PutPartnerEventsResponse response, Throwable error) {
            List<PartnerSubmission> settled = new ArrayList<>();
            if (error != null) {
                requestFailed(SafeMessages.unwrap(error), settled);
            } else {
                healthCheck.recordSuccess();
                entriesAnswered(response, settled);
            }
            for (PartnerSubmission submission : settled) {
                submission.complete();
            }
        }

        private void requestFailed(Throwable error, List<PartnerSubmission> settled) {
            healthCheck.recordFailure(error);
            Throwable cause = tooLarge(error) ? new RequestTooLargeException(items.size(),
                    items.stream().mapToLong(i -> i.size).sum(), configuration.getMaxRequestSizeBytes(), error) : error;
            LOG.debug("PutPartnerEvents request of {} entries failed: {}", items.size(), SafeMessages.of(cause));
            Map<PartnerSubmission, List<Integer>> byOwner = new IdentityHashMap<>();
            for (Item item : items) {
                byOwner.computeIfAbsent(item.owner, o -> new ArrayList<>()).add(item.position);
            }
            listener.failed(SafeMessages.errorCode(cause), items.size(), SafeMessages.of(cause));
            for (Map.Entry<PartnerSubmission, List<Integer>> owner : byOwner.entrySet()) {
                if (owner.getKey().ledger().requestFailed(owner.getValue(), cause)) {
                    settled.add(owner.getKey());
                }
            }
        }

        private void entriesAnswered(PutPartnerEventsResponse response, List<PartnerSubmission> settled) {
            int[] retries = new int[items.size()];
            for (int j = 0; j < retries.length; j++) {
                retries[j] = items.get(j).retries;
            }
            List<Verdict> verdicts = EntryVerdicts.of(response, retries, retryPolicy, ThreadLocalRandom.current());
            List<Item> retry = null;
            long delay = 0;
            int accepted = 0;
            for (int j = 0; j < items.size(); j++) {
                Item item = items.get(j);
                Verdict verdict = verdicts.get(j);
                boolean all = false;
                if (verdict instanceof Verdict.Accepted ok) {
                    accepted++;
                    all = item.owner.ledger().accepted(item.position, ok.id());
                } else if (verdict instanceof Verdict.RetryAfter again) {
                    item.retries++;
                    if (retry == null) {
                        retry = new ArrayList<>();
                    }
                    retry.add(item);
                    delay = Math.max(delay, again.delayMillis());
                } else if (verdict instanceof Verdict.Failed failed) {
                    listener.failed(failed.errorCode(), 1, failed.errorMessage());
                    all = item.owner.ledger().failed(item.position, failed.errorCode(), failed.errorMessage());
                }
                if (all) {
                    settled.add(item.owner);
                }
            }
            if (accepted > 0) {
                listener.accepted(accepted);
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("PutPartnerEvents request of {} entries answered: {} failed, {} to retry", items.size(),
                        response.failedEntryCount(), retry == null ? 0 : retry.size());
            }
            if (retry != null) {
                listener.retried(retry.size());
                List<Item> again = retry;
                LOG.debug("Retrying {} throttled or failed entries in {} ms", again.size(), delay);
                pipeline.later(delay, () -> requeue(again));
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
