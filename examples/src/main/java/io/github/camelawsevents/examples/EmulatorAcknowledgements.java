package io.github.camelawsevents.examples;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.camelawsevents.aws.emulator.Api;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.EmulatorStats;
import io.github.camelawsevents.aws.emulator.PartnerEvent;
import io.github.camelawsevents.aws.emulator.ScnEventKey;

/**
 * What the emulator accepted during a run, read from its inspection API.
 *
 * @param endpoint                 the emulator's URL
 * @param region                   the region it signs for
 * @param scnEvents                Supply Chain events stored
 * @param scnEventsByType          Supply Chain events stored per event type
 * @param scnRequests              SendDataIntegrationEvent requests received
 * @param scnRejected              SendDataIntegrationEvent requests answered with an error (then retried by the SDK)
 * @param scnIdempotentReplays     requests that repeated a known client token (a retry of a stored event)
 * @param partnerEntries           PutPartnerEvents entries stored
 * @param partnerRequests          PutPartnerEvents requests received
 * @param partnerRejected          PutPartnerEvents requests answered with an error
 * @param partnerBatchSizes        entries per PutPartnerEvents request answered with 200, in receipt order
 * @param failedEntriesByErrorCode entries answered with an ErrorCode (injected or invalid), per code
 * @param unknownEventIds          event ids the routes got back that the emulator does not hold (should be none)
 */
public record EmulatorAcknowledgements(String endpoint, String region, long scnEvents, Map<String, Long> scnEventsByType,
        long scnRequests, long scnRejected, long scnIdempotentReplays, long partnerEntries, long partnerRequests,
        long partnerRejected, List<Integer> partnerBatchSizes, Map<String, Long> failedEntriesByErrorCode,
        List<String> unknownEventIds) {

    /** Reads the emulator and checks that it holds every id in {@code eventIdsSeen}. */
    static EmulatorAcknowledgements of(AwsEventsEmulator emulator, List<String> eventIdsSeen) {
        EmulatorStats stats = emulator.stats();
        Map<String, Long> byType = new TreeMap<>();
        for (Map.Entry<ScnEventKey, Long> e : emulator.supplyChain().countsByKey().entrySet()) {
            byType.merge(e.getKey().eventType(), e.getValue(), Long::sum);
        }
        Set<String> partnerIds = new HashSet<>();
        for (PartnerEvent event : emulator.partnerEvents().events()) {
            partnerIds.add(event.eventId());
        }
        List<String> unknown = eventIdsSeen.stream()
                .filter(id -> !partnerIds.contains(id) && emulator.supplyChain().event(id).isEmpty())
                .toList();
        return new EmulatorAcknowledgements(emulator.endpoint().toString(), emulator.region(),
                emulator.supplyChain().count(), byType, stats.requests(Api.SUPPLY_CHAIN),
                stats.rejected(Api.SUPPLY_CHAIN), emulator.supplyChain().idempotentReplays(),
                emulator.partnerEvents().count(), stats.requests(Api.PARTNER_EVENTS), stats.rejected(Api.PARTNER_EVENTS),
                emulator.partnerEvents().batchSizes(), new TreeMap<>(stats.failedEntriesByErrorCode()), unknown);
    }
}
