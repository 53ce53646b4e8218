package io.github.camelawsevents.benchmarks;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsResponse;

/**
 * Contender 2: what a developer writes first: a loop on one thread calling {@code EventBridgeClient.putPartnerEvents}
 * with one entry per call (synchronous client, Apache HTTP client, SDK defaults). An event's latency is its call.
 */
final class PartnerSdkLoop implements Contender {

    private EventBridgeClient client;

    @Override
    public void start(EmulatorControl.Info emulator) {
        client = SdkClients.eventBridge(emulator);
    }

    @Override
    public RunOutcome run(long first, int count, LatencyRecorder latencies) {
        long failed = 0;
        for (long n = first; n < first + count; n++) {
            long start = System.nanoTime();
            PutPartnerEventsRequest request = PutPartnerEventsRequest.builder()
                    .entries(PutPartnerEventsRequestEntry.builder()
                            .source(SampleEvents.PARTNER_SOURCE)
                            .detailType(SampleEvents.DETAIL_TYPE)
                            .resources(SampleEvents.RESOURCE)
                            .detail(SampleEvents.partnerDetail(n))
                            .build())
                    .build();
            try {
                PutPartnerEventsResponse response = client.putPartnerEvents(request);
                if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                    failed++;
                }
            } catch (SdkException e) {
                failed++;
            }
            latencies.recordSince(start);
        }
        return new RunOutcome(failed, count - failed);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
