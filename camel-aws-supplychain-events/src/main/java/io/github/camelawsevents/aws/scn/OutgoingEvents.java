package io.github.camelawsevents.aws.scn;

import java.util.List;

import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventRequest;

/**
 * The requests one message becomes, in the order they must be sent, all of one {@link EventGroupKey}: one request, or
 * several when the records did not fit in one {@code data}.
 */
public record OutgoingEvents(EventGroupKey key, List<SendDataIntegrationEventRequest> requests) {

    public OutgoingEvents {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("a message becomes at least one request");
        }
        requests = List.copyOf(requests);
    }
}
