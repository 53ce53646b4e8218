package io.github.camelawsevents.aws.emulator;

import java.time.Instant;
import java.util.List;

/**
 * One accepted PutPartnerEvents or PutEvents entry.
 *
 * @param eventId      the EventId the emulator answered with
 * @param source       {@code Source}
 * @param detailType   {@code DetailType}
 * @param detail       {@code Detail} (JSON text)
 * @param resources    {@code Resources}, empty when absent
 * @param time         {@code Time}, or {@code null} when absent
 * @param eventBusName {@code EventBusName} (PutEvents only), or {@code null}
 * @param request      the request that stored it
 */
public record PartnerEvent(String eventId, String source, String detailType, String detail, List<String> resources,
        Instant time, String eventBusName, StoredBy request) {

    public PartnerEvent {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /**
     * The request that stored an entry, so that a test can tell where each copy of an entry stored twice came from:
     * the SDK resending the same call (same invocation id, a later attempt) or the sender calling again (another
     * invocation id), and whether the sender could know the entry was stored.
     *
     * @param sequence     the request's number among the PutPartnerEvents (or PutEvents) requests since the last
     *                     reset, from 1
     * @param invocationId the AWS SDK's {@code amz-sdk-invocation-id} header (one per API call, the same on each of its
     *                     attempts), or {@code null} when the client sent none
     * @param attempt      the attempt in the SDK's {@code amz-sdk-request} header ({@code attempt=2; max=10}), or 0
     *                     when the client sent none
     * @param responseLost whether the emulator stored the request and then closed the connection without answering
     *                     (the lost-response fault): the sender cannot know these entries were stored
     */
    public record StoredBy(long sequence, String invocationId, int attempt, boolean responseLost) {
    }
}
