package io.github.camelawsevents.aws.emulator;

import java.time.Instant;
import java.util.Objects;

/** A validated SendDataIntegrationEvent request. */
record ScnSendRequest(String instanceId, String eventType, String data, String eventGroupId, Instant eventTimestamp,
        String clientToken, String datasetIdentifier, String operationType) {

    /**
     * A 64-bit fingerprint of everything but the client token, to tell a replay (same payload) from a
     * conflicting reuse of the token. Uses the strings' cached hash codes, so it is cheap for large data.
     */
    long fingerprint() {
        long h = 1125899906842597L;
        h = 31 * h + eventType.hashCode();
        h = 31 * h + eventGroupId.hashCode();
        h = 31 * h + data.hashCode();
        h = 31 * h + data.length();
        h = 31 * h + Objects.hashCode(eventTimestamp);
        h = 31 * h + Objects.hashCode(datasetIdentifier);
        h = 31 * h + Objects.hashCode(operationType);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
