package io.github.camelawsevents.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

/**
 * The partner-events limit: the SDK's asynchronous client sending perfect 20-entry batches with at most
 * {@code inFlight} requests at once (the same bound and HTTP client set-up as our producer), nothing else: no
 * Camel, no validation, no sizing, no per-entry result mapping or retries. One thread builds entries and batches
 * and waits for a free request slot; completions record latencies on the SDK's threads.
 */
final class PartnerSdkLimit implements Contender {

    static final int BATCH = 20;

    private final int inFlight;
    private final Semaphore requests;
    private EventBridgeAsyncClient client;

    PartnerSdkLimit(int inFlight) {
        this.inFlight = inFlight;
        this.requests = new Semaphore(inFlight);
    }

    @Override
    public void start(EmulatorControl.Info emulator) {
        client = SdkClients.eventBridgeAsync(emulator, inFlight);
    }

    @Override
    public RunOutcome run(long first, int count, LatencyRecorder latencies) throws Exception {
        PendingEvents pending = new PendingEvents(count);
        List<PutPartnerEventsRequestEntry> batch = new ArrayList<>(BATCH);
        long[] times = new long[BATCH];
        for (long n = first; n < first + count; n++) {
            times[batch.size()] = System.nanoTime();
            batch.add(PutPartnerEventsRequestEntry.builder()
                    .source(SampleEvents.PARTNER_SOURCE)
                    .detailType(SampleEvents.DETAIL_TYPE)
                    .resources(SampleEvents.RESOURCE)
                    .detail(SampleEvents.partnerDetail(n))
                    .build());
            if (batch.size() == BATCH || n == first + count - 1) {
                send(batch, times.clone(), latencies, pending);
                batch = new ArrayList<>(BATCH);
            }
        }
        return pending.await();
    }

    private void send(List<PutPartnerEventsRequestEntry> batch, long[] times, LatencyRecorder latencies,
            PendingEvents pending) throws InterruptedException {
        requests.acquire();
        int size = batch.size();
        client.putPartnerEvents(PutPartnerEventsRequest.builder().entries(batch).build())
                .whenComplete((response, error) -> {
                    requests.release();
                    long now = System.nanoTime();
                    for (int i = 0; i < size; i++) {
                        latencies.record(now - times[i]);
                    }
                    int failed = error != null ? size
                            : response.failedEntryCount() == null ? 0 : response.failedEntryCount();
                    pending.completed(size, failed, size - failed);
                });
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
