package io.github.camelawsevents.aws.emulator;

import java.time.Instant;

/**
 * One accepted {@code SendDataIntegrationEvent}.
 *
 * @param instanceId        the instance id from the path
 * @param eventId           the id the emulator answered with
 * @param eventType         the event type
 * @param eventGroupId      the event group (partition key)
 * @param data              the {@code data} member as sent (JSON text of one record or an array of records)
 * @param eventTimestamp    the {@code eventTimestamp} sent, or {@code null} when absent
 * @param clientToken       the idempotency token sent, or {@code null} when absent
 * @param datasetIdentifier {@code datasetTarget.datasetIdentifier}, or {@code null}
 * @param operationType     {@code datasetTarget.operationType}, or {@code null}
 * @param sequence          receipt position within its {@link ScnEventKey}, 1-based
 * @param receivedAt        when the emulator accepted it
 */
public record ScnEvent(String instanceId, String eventId, String eventType, String eventGroupId, String data,
        Instant eventTimestamp, String clientToken, String datasetIdentifier, String operationType,
        long sequence, Instant receivedAt) {

    /** This event's ordering key. */
    public ScnEventKey key() {
        return new ScnEventKey(instanceId, eventType, eventGroupId);
    }
}
