package io.github.camelawsevents.benchmarks;

import java.util.concurrent.Semaphore;

import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;

/**
 * The Supply Chain limit: the SDK's asynchronous client with at most {@code inFlight} requests at once (the same
 * bound and HTTP client set-up as our producer), one record per request, the 64-group stream; nothing else: no
 * Camel, no validation, no client tokens of its own, and no ordering (two events of one group may be in flight
 * together), so it is an upper bound for an order-preserving sender.
 */
final class ScnSdkLimit implements Contender {

    private final int inFlight;
    private final Semaphore requests;
    private SupplyChainAsyncClient client;

    ScnSdkLimit(int inFlight) {
        this.inFlight = inFlight;
        this.requests = new Semaphore(inFlight);
    }

    @Override
    public void start(EmulatorControl.Info emulator) {
        client = SdkClients.supplyChainAsync(emulator, inFlight);
    }

    @Override
    public RunOutcome run(long first, int count, LatencyRecorder latencies) throws Exception {
        PendingEvents pending = new PendingEvents(count);
        for (long n = first; n < first + count; n++) {
            long start = System.nanoTime();
            requests.acquire();
            client.sendDataIntegrationEvent(ScnSdkLoop.request(n)).whenComplete((response, error) -> {
                requests.release();
                latencies.recordSince(start);
                pending.completed(1, error != null ? 1 : 0, error != null ? 0 : 1);
            });
        }
        return pending.await();
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
