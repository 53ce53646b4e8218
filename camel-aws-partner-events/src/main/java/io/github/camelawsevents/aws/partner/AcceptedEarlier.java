package io.github.camelawsevents.aws.partner;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.camelawsevents.aws.core.ContentDigest;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

/**
 * What an attempt at a message that failed did get accepted, kept on the exchange as a value so that Camel's
 * redelivery of the same message sends only the rest (PutPartnerEvents has no idempotency token: sending an accepted
 * entry again would store it twice). It applies only to a message whose entries have the same content digest.
 *
 * @param digest   the SHA-256 of the message's entries as sent (Source, DetailType, Detail, Resources, Time), in order
 * @param eventIds the EventId of each entry in input order, null where it was not accepted
 */
record AcceptedEarlier(String digest, List<String> eventIds) implements Serializable {

    AcceptedEarlier {
        eventIds = Collections.unmodifiableList(new ArrayList<>(eventIds));
    }

    /** The content digest of entries, as {@link #digest} holds it. */
    static String digestOf(List<PutPartnerEventsRequestEntry> entries) {
        ContentDigest digest = new ContentDigest().add(entries.size());
        for (PutPartnerEventsRequestEntry entry : entries) {
            digest.add(entry.source()).add(entry.detailType()).add(entry.detail());
            if (entry.hasResources()) {
                digest.add(entry.resources().size());
                entry.resources().forEach(digest::add);
            } else {
                digest.add(-1);
            }
            digest.add(entry.time() != null ? entry.time().toString() : null);
        }
        return digest.hex();
    }

    @Override
    public String toString() {
        return "AcceptedEarlier[" + eventIds.stream().filter(id -> id != null).count() + " of " + eventIds.size() + "]";
    }
}
