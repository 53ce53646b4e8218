package io.github.camelawsevents.benchmarks;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.supplychain.SupplyChainClient;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventRequest;

/**
 * Contender 1 of Supply Chain: a loop on one thread calling {@code SupplyChainClient.sendDataIntegrationEvent} once
 * per record (synchronous client, Apache HTTP client, SDK defaults: the SDK makes a random client token per call).
 * The events are those of the 64-group stream, sent in order. An event's latency is its call.
 */
final class ScnSdkLoop implements Contender {

    private SupplyChainClient client;

    @Override
    public void start(EmulatorControl.Info emulator) {
        client = SdkClients.supplyChain(emulator);
    }

    @Override
    public RunOutcome run(long first, int count, LatencyRecorder latencies) {
        long failed = 0;
        for (long n = first; n < first + count; n++) {
            long start = System.nanoTime();
            try {
                client.sendDataIntegrationEvent(request(n));
            } catch (SdkException e) {
                failed++;
            }
            latencies.recordSince(start);
        }
        return new RunOutcome(failed, count - failed);
    }

    /** The request of event {@code n} of the 64-group stream. */
    static SendDataIntegrationEventRequest request(long n) {
        String group = SampleEvents.scnGroup(n, Contenders.SCN_STREAM_GROUPS);
        return SendDataIntegrationEventRequest.builder()
                .instanceId(SampleEvents.SCN_INSTANCE)
                .eventType(SampleEvents.SCN_EVENT_TYPE)
                .eventGroupId(group)
                .data(SampleEvents.scnRecord(n, group))
                .build();
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
