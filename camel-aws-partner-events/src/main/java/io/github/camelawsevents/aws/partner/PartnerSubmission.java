package io.github.camelawsevents.aws.partner;

import java.util.ArrayList;
import java.util.List;

import io.github.camelawsevents.aws.core.delivery.Submission;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One exchange's entries on their way: what AWS said of each, and how the exchange ends. */
final class PartnerSubmission extends Submission {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerSubmission.class);

    /**
     * Exchange property holding an {@link AcceptedEarlier}: what an attempt that failed did get accepted, so that a
     * Camel redelivery of the same message sends only the rest. Internal; removed once the message is delivered.
     */
    static final String ACCEPTED_PROPERTY = "CamelAwsPartnerEventsAcceptedEarlier";

    private final EntryReader.Entries entries;
    private final DeliveryLedger ledger;
    private final boolean failOnPartialFailure;

    PartnerSubmission(Exchange exchange, AsyncCallback callback, EntryReader.Entries entries,
                      boolean failOnPartialFailure) {
        super(exchange, callback);
        this.entries = entries;
        this.ledger = new DeliveryLedger(entries.entries());
        this.failOnPartialFailure = failOnPartialFailure;
    }

    EntryReader.Entries entries() {
        return entries;
    }

    DeliveryLedger ledger() {
        return ledger;
    }

    /**
     * The positions to send: all of them, except when Camel redelivers this message after an attempt that failed:
     * then the entries that attempt got accepted keep their EventIds and are not sent again.
     */
    List<Integer> positionsToSend() {
        Exchange exchange = exchange();
        Object earlier = exchange.getProperty(ACCEPTED_PROPERTY);
        if (earlier != null) {
            exchange.removeProperty(ACCEPTED_PROPERTY);
        }
        List<Integer> positions = new ArrayList<>(entries.size());
        if (!(earlier instanceof AcceptedEarlier accepted) || accepted.eventIds().size() != entries.size()
                || !exchange.getMessage().getHeader(Exchange.REDELIVERED, false, Boolean.class)
                || !accepted.digest().equals(AcceptedEarlier.digestOf(entries.entries()))) {
            for (int i = 0; i < entries.size(); i++) {
                positions.add(i);
            }
            return positions;
        }
        for (int i = 0; i < entries.size(); i++) {
            String eventId = accepted.eventIds().get(i);
            if (eventId == null) {
                positions.add(i);
            } else {
                ledger.accepted(i, eventId);
            }
        }
        LOG.debug("Redelivery: sending the {} of {} entries not accepted on an earlier attempt", positions.size(),
                entries.size());
        return positions;
    }

    @Override
    protected void abandon(Exception reason) {
        ledger.abandon(reason);
    }

    /** Sets the result headers and the exception the outcome and options call for. */
    @Override
    protected void finish() {
        Exchange exchange = exchange();
        DeliveryLedger.Outcome outcome = ledger.outcome();
        Message message = exchange.getMessage();
        message.setHeader(AwsPartnerEventsConstants.EVENT_IDS, outcome.eventIds());
        message.setHeader(AwsPartnerEventsConstants.FAILED_ENTRY_COUNT, outcome.failed().size());
        if (outcome.eventIds().size() == 1 && outcome.eventIds().get(0) != null) {
            message.setHeader(AwsPartnerEventsConstants.EVENT_ID, outcome.eventIds().get(0));
        } else {
            message.removeHeader(AwsPartnerEventsConstants.EVENT_ID);
        }
        if (outcome.failed().isEmpty()) {
            message.removeHeader(AwsPartnerEventsConstants.FAILED_ENTRIES);
            exchange.removeProperty(ACCEPTED_PROPERTY);
            return;
        }
        message.setHeader(AwsPartnerEventsConstants.FAILED_ENTRIES, outcome.failed());
        exchange.setProperty(ACCEPTED_PROPERTY,
                new AcceptedEarlier(AcceptedEarlier.digestOf(entries.entries()), outcome.eventIds()));
        if (outcome instanceof DeliveryLedger.RequestFailed failed) {
            exchange.setException(new PartnerEventsFailedException(failed.failed(), failed.eventIds(), failed.error()));
        } else if (failOnPartialFailure) {
            exchange.setException(new PartnerEventsFailedException(outcome.failed(), outcome.eventIds()));
        } else {
            LOG.debug("{} of {} entries failed (failOnPartialFailure=false)", outcome.failed().size(),
                    outcome.eventIds().size());
        }
    }
}
