package io.github.camelawsevents.aws.scn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.camelawsevents.aws.core.BatchLimits;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Aggregate EIP strategy that collects the records of consecutive messages of one event type and event group into one
 * JSON array, closing it before the next message's records would make {@code data} longer than the API allows
 * (1,048,576 characters, brackets and commas counted) or the array longer than {@code maxRecords}, or when the event
 * type or group changes. The completed exchange's body is the JSON array text, with headers
 * {@code CamelAwsScnEventType} and {@code CamelAwsScnEventGroupId} of its records, so {@code aws-scn-event} sends it
 * as one event.
 * <p>
 * The key of a message is taken from those two headers, or else from the defaults set here. Each message may carry
 * one record or several (any body the component accepts as records). A message whose records alone exceed the limit
 * still forms an array of its own, and the producer then splits it.
 * <p>
 * Camel runs a strategy that can pre-complete in pre-completion mode, where {@code completionSize} and
 * {@code completionPredicate} are not used: arrays complete here (size, key change), by {@code completionTimeout} or
 * {@code completionInterval}, and by {@code forceCompletionOnStop}. The aggregate is built in memory: use the default
 * (memory) aggregation repository. Setters make it usable as a bean from YAML or XML routes.
 */
public class ScnEventAggregationStrategy implements AggregationStrategy {

    /** Exchange property holding the running total while a group is being built. */
    static final String STATE = "CamelAwsScnAggregation";
    /** Exchange property caching the records of an incoming message between preComplete and aggregate. */
    static final String RECORDS = "CamelAwsScnAggregationRecords";

    private String defaultEventType;
    private String defaultEventGroupId;
    private BatchLimits limits = new BatchLimits(Integer.MAX_VALUE, ScnConstraints.DATA_MAX_LENGTH, 2, 1);

    /** Key from headers only; the API's data limit; no limit on the number of records. */
    public ScnEventAggregationStrategy() {
    }

    /**
     * @param defaultEventType    used when a message has no {@code CamelAwsScnEventType} header; may be null
     * @param defaultEventGroupId used when a message has no {@code CamelAwsScnEventGroupId} header; may be null
     * @param maxDataLength       the longest {@code data} to build, at most (and normally) 1,048,576
     * @param maxRecords          the most records in one array
     */
    public ScnEventAggregationStrategy(String defaultEventType, String defaultEventGroupId, int maxDataLength,
                                       int maxRecords) {
        setDefaultEventType(defaultEventType);
        setDefaultEventGroupId(defaultEventGroupId);
        setMaxDataLength(maxDataLength);
        setMaxRecords(maxRecords);
    }

    /** The event type of messages without header {@code CamelAwsScnEventType}. */
    public void setDefaultEventType(String defaultEventType) {
        this.defaultEventType = defaultEventType;
    }

    /** The event group of messages without header {@code CamelAwsScnEventGroupId}. */
    public void setDefaultEventGroupId(String defaultEventGroupId) {
        this.defaultEventGroupId = defaultEventGroupId;
    }

    /** The longest {@code data} to build: 3 to 1,048,576 characters (the default). */
    public void setMaxDataLength(int maxDataLength) {
        if (maxDataLength < 3 || maxDataLength > ScnConstraints.DATA_MAX_LENGTH) {
            throw new IllegalArgumentException("maxDataLength must be within 3.." + ScnConstraints.DATA_MAX_LENGTH
                                               + ", but was " + maxDataLength);
        }
        limits = new BatchLimits(limits.maxItems(), maxDataLength, 2, 1);
    }

    /** The most records in one array (default: no limit but the size). */
    public void setMaxRecords(int maxRecords) {
        limits = new BatchLimits(maxRecords, limits.maxSize(), 2, 1);
    }

    @Override
    public boolean canPreComplete() {
        return true;
    }

    /** Closes the group before {@code newExchange} when its key differs or its records would not fit. */
    @Override
    public boolean preComplete(Exchange oldExchange, Exchange newExchange) {
        if (oldExchange == null) {
            return false;
        }
        Batch batch = oldExchange.getProperty(STATE, Batch.class);
        if (batch == null) {
            return false;
        }
        if (!batch.key.equals(keyOf(newExchange.getMessage()))) {
            return true;
        }
        return !batch.fits(recordsOf(newExchange));
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        DataRecords records = recordsOf(newExchange);
        newExchange.removeProperty(RECORDS);
        if (oldExchange == null || oldExchange.getProperty(STATE, Batch.class) == null) {
            Batch batch = new Batch(keyOf(newExchange.getMessage()), limits);
            batch.add(records);
            newExchange.setProperty(STATE, batch);
            newExchange.getMessage().setBody(batch.records);
            return newExchange;
        }
        oldExchange.getProperty(STATE, Batch.class).add(records);
        return oldExchange;
    }

    /** Turns the collected records into the JSON array text and sets the key headers. */
    @Override
    public void onCompletion(Exchange exchange) {
        Batch batch = exchange.getProperty(STATE, Batch.class);
        if (batch == null) {
            return;
        }
        exchange.removeProperty(STATE);
        Message message = exchange.getMessage();
        StringBuilder array = new StringBuilder((int) batch.budget.size()).append('[');
        for (int i = 0; i < batch.records.size(); i++) {
            array.append(i > 0 ? "," : "").append(batch.records.get(i));
        }
        message.setBody(array.append(']').toString());
        if (batch.key.eventType() != null) {
            message.setHeader(AwsScnEventConstants.EVENT_TYPE, batch.key.eventType());
        }
        if (batch.key.eventGroupId() != null) {
            message.setHeader(AwsScnEventConstants.EVENT_GROUP_ID, batch.key.eventGroupId());
        }
    }

    /** The records of a message, read once for preComplete and aggregate. */
    private static DataRecords recordsOf(Exchange exchange) {
        DataRecords records = exchange.getProperty(RECORDS, DataRecords.class);
        if (records == null) {
            records = ScnMessageReader.records(exchange, exchange.getMessage().getBody());
            exchange.setProperty(RECORDS, records);
        }
        return records;
    }

    private EventGroupKey keyOf(Message message) {
        Object type = message.getHeader(AwsScnEventConstants.EVENT_TYPE);
        Object group = message.getHeader(AwsScnEventConstants.EVENT_GROUP_ID);
        return new EventGroupKey(null, type != null ? type.toString() : defaultEventType,
                group != null ? group.toString() : defaultEventGroupId);
    }

    /** The records of one group being built and their running size. */
    private static final class Batch {
        private final EventGroupKey key;
        private final BatchLimits limits;
        private final BatchLimits.Budget budget;
        private final List<String> records = new ArrayList<>();

        Batch(EventGroupKey key, BatchLimits limits) {
            this.key = Objects.requireNonNull(key);
            this.limits = limits;
            this.budget = limits.newBudget();
        }

        /** Whether all these records fit after the ones collected (an empty group takes anything). */
        boolean fits(DataRecords more) {
            if (budget.isEmpty()) {
                return true;
            }
            if (more.count() == 1) {
                return budget.fits(more.recordLength(0));
            }
            long size = budget.size();
            for (int i = 0; i < more.count(); i++) {
                size += limits.separator() + more.recordLength(i);
            }
            return size <= limits.maxSize() && (long) budget.items() + more.count() <= limits.maxItems();
        }

        void add(DataRecords more) {
            for (int i = 0; i < more.count(); i++) {
                budget.add(more.recordLength(i));
                records.add(more.record(i));
            }
        }
    }
}
