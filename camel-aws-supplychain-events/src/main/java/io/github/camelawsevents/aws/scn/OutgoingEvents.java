package io.github.camelawsevents.aws.scn;

import java.util.List;

import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventRequest;

/**
 * The requests one message becomes, in the order they must be sent, all of one {@link EventGroupKey}: one request, or
 * several when the records did not fit in one {@code data}.
 *
 * @param key          the order key of the message
 * @param requests     the requests, in order
 * @param recordCounts how many records each request's data holds
 * @param coalescable  whether the records may share an event with records of other messages (they came as records,
 *                     not as a ready request)
 */
record OutgoingEvents(EventGroupKey key, List<SendDataIntegrationEventRequest> requests,
                             List<Integer> recordCounts, boolean coalescable) {

    public OutgoingEvents {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("a message becomes at least one request");
        }
        if (recordCounts.size() != requests.size()) {
            throw new IllegalArgumentException("one record count per request");
        }
        requests = List.copyOf(requests);
        recordCounts = List.copyOf(recordCounts);
    }
}
