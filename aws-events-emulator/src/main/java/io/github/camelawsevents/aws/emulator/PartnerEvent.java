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
 */
public record PartnerEvent(String eventId, String source, String detailType, String detail, List<String> resources,
        Instant time, String eventBusName) {

    public PartnerEvent {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }
}
