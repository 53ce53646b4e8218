package io.github.camelawsevents.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Warms the emulator's JVM up before the first cell (every API it serves: PutPartnerEvents, PutEvents,
 * SendDataIntegrationEvent), so that the first contender does not pay for the server's JIT compilation in its
 * throughput and in the emulator CPU column.
 */
final class EmulatorWarmup {

    private EmulatorWarmup() {
    }

    static void run(EmulatorControl control, int seconds) throws Exception {
        if (seconds <= 0) {
            return;
        }
        control.latency(0);
        EmulatorControl.Info info = control.info();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        try (PartnerSdkLimit partner = new PartnerSdkLimit(32);
             ScnSdkLimit scn = new ScnSdkLimit(64);
             EventBridgeAsyncClient putEvents = SdkClients.eventBridgeAsync(info, 32)) {
            partner.start(info);
            scn.start(info);
            while (System.nanoTime() < end) {
                partner.run(n, 10_000, new LatencyRecorder());
                n += 10_000;
                scn.run(n, 2_000, new LatencyRecorder());
                n += 2_000;
                putEvents(putEvents, n, 2_000);
                n += 2_000;
            }
        }
        control.reset();
    }

    /** PutEvents, the peer's API, in batches of 10 entries, 32 requests at once. */
    private static void putEvents(EventBridgeAsyncClient client, long first, int count) {
        List<CompletableFuture<?>> window = new ArrayList<>();
        for (long n = first; n < first + count; n += 10) {
            List<PutEventsRequestEntry> entries = new ArrayList<>(10);
            for (long i = n; i < n + 10; i++) {
                entries.add(PutEventsRequestEntry.builder().source(SampleEvents.PUT_EVENTS_SOURCE)
                        .detailType(SampleEvents.DETAIL_TYPE).resources(SampleEvents.RESOURCE)
                        .detail(SampleEvents.partnerDetail(i)).build());
            }
            window.add(client.putEvents(r -> r.entries(entries)));
            if (window.size() == 32) {
                CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
                window.clear();
            }
        }
        CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
    }
}
