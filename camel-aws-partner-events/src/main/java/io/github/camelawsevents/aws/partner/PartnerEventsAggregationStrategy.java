package io.github.camelawsevents.aws.partner;

import java.util.ArrayList;
import java.util.List;

import io.github.camelawsevents.aws.core.BatchLimits;
import io.github.camelawsevents.aws.core.FieldValidationException;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

/**
 * An aggregation strategy for the Aggregate EIP that collects partner events into a
 * {@code List<PutPartnerEventsRequestEntry>} which is exactly one PutPartnerEvents request: it closes the batch
 * ({@link #preComplete}) before the next entry would exceed {@code maxEntriesPerRequest} entries or the request size
 * limit. Each incoming exchange's body becomes an entry as the producer reads it (a Detail, an entry, or a collection
 * of them), with Source, DetailType, Resources and Time from the entry, else from the incoming message's
 * {@code CamelAwsPartnerEvents*} headers, else from this strategy's settings. An entry that breaks a rule (no Source,
 * bad Detail, too large...) fails its own exchange and never joins the batch.
 *
 * <pre>
 * from("seda:orders")
 *     .aggregate(constant(true), new PartnerEventsAggregationStrategy("aws.partner/example.com/orders", "OrderCreated"))
 *         .completionTimeout(500)
 *     .to("aws-partner-events:aws.partner/example.com/orders");
 * </pre>
 *
 * Use a completion timeout or interval too, so a batch that never fills is sent; size-based completion is this
 * strategy's job.
 */
public class PartnerEventsAggregationStrategy implements AggregationStrategy {

    /** Where the running total of the batch is kept on the aggregated exchange (removed on completion). */
    static final String BUDGET_PROPERTY = "CamelAwsPartnerEventsAggregationBudget";
    /** Where the entries read from an incoming exchange wait between preComplete and aggregate. */
    static final String ENTRIES_PROPERTY = "CamelAwsPartnerEventsAggregationEntries";

    private String source;
    private String detailType;
    private String resources;
    private int maxEntriesPerRequest = EntryRules.MAX_ENTRIES_PER_REQUEST;
    private long maxRequestSizeBytes = EntryRules.REQUEST_SIZE_LIMIT;
    private volatile EntryReader reader;
    private volatile BatchLimits limits;

    public PartnerEventsAggregationStrategy() {
    }

    /**
     * @param source     the Source of entries that do not set one and whose message has no Source header
     * @param detailType the DetailType of entries that do not set one and whose message has no DetailType header
     */
    public PartnerEventsAggregationStrategy(String source, String detailType) {
        this.source = source;
        this.detailType = detailType;
    }

    @Override
    public boolean canPreComplete() {
        return true;
    }

    /** True when the incoming entries would not fit in the batch collected so far, so that batch is sent first. */
    @Override
    public boolean preComplete(Exchange oldExchange, Exchange newExchange) {
        if (oldExchange == null) {
            return false;
        }
        EntryReader.Entries incoming;
        try {
            incoming = entriesOf(newExchange);
        } catch (RuntimeException e) {
            // aggregate() reports it on the incoming exchange; the batch so far stays open
            return false;
        }
        BatchLimits.Budget budget = budgetOf(oldExchange);
        if (budget.isEmpty()) {
            return false;
        }
        return !budget.fits(incoming.size(), incoming.totalSize());
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        EntryReader.Entries incoming = entriesOf(newExchange);
        newExchange.removeProperty(ENTRIES_PROPERTY);
        if (oldExchange == null) {
            Message message = newExchange.getMessage();
            message.setBody(new ArrayList<>(incoming.entries()));
            // the entries carry what these headers said; left in place they would apply to later entries too
            message.removeHeader(AwsPartnerEventsConstants.SOURCE);
            message.removeHeader(AwsPartnerEventsConstants.DETAIL_TYPE);
            message.removeHeader(AwsPartnerEventsConstants.RESOURCES);
            message.removeHeader(AwsPartnerEventsConstants.TIME);
            BatchLimits.Budget budget = limits().newBudget();
            addAll(budget, incoming);
            newExchange.setProperty(BUDGET_PROPERTY, budget);
            return newExchange;
        }
        BatchLimits.Budget budget = budgetOf(oldExchange);
        entriesIn(oldExchange).addAll(incoming.entries());
        addAll(budget, incoming);
        return oldExchange;
    }

    @Override
    public void onCompletion(Exchange exchange) {
        if (exchange != null) {
            exchange.removeProperty(BUDGET_PROPERTY);
        }
    }

    /** The entries of an incoming exchange, read once and kept until aggregate() takes them. */
    private EntryReader.Entries entriesOf(Exchange exchange) {
        EntryReader.Entries entries = exchange.getProperty(ENTRIES_PROPERTY, EntryReader.Entries.class);
        if (entries == null) {
            entries = reader().read(exchange.getMessage());
            exchange.setProperty(ENTRIES_PROPERTY, entries);
        }
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static List<PutPartnerEventsRequestEntry> entriesIn(Exchange aggregated) {
        return aggregated.getMessage().getBody(List.class);
    }

    /** The batch's running total; rebuilt from the entries when an aggregation repository did not keep it. */
    private BatchLimits.Budget budgetOf(Exchange aggregated) {
        BatchLimits.Budget budget = aggregated.getProperty(BUDGET_PROPERTY, BatchLimits.Budget.class);
        if (budget == null) {
            budget = limits().newBudget();
            for (PutPartnerEventsRequestEntry entry : entriesIn(aggregated)) {
                budget.add(EntrySizer.sizeOf(entry) + (entry.source() == null ? EntryRules.SOURCE_MAX_BYTES : 0)
                           + (entry.detailType() == null ? EntryRules.DETAIL_TYPE_MAX_BYTES : 0));
            }
            aggregated.setProperty(BUDGET_PROPERTY, budget);
        }
        return budget;
    }

    private static void addAll(BatchLimits.Budget budget, EntryReader.Entries entries) {
        for (long size : entries.sizes()) {
            budget.add(size);
        }
    }

    private BatchLimits limits() {
        BatchLimits current = limits;
        if (current == null) {
            if (maxEntriesPerRequest < 1 || maxEntriesPerRequest > EntryRules.MAX_ENTRIES_PER_REQUEST) {
                throw new FieldValidationException("maxEntriesPerRequest", "1 to " + EntryRules.MAX_ENTRIES_PER_REQUEST,
                        String.valueOf(maxEntriesPerRequest), -1);
            }
            current = EntryRules.requestLimits(maxEntriesPerRequest, maxRequestSizeBytes);
            limits = current;
        }
        return current;
    }

    private EntryReader reader() {
        EntryReader current = reader;
        if (current == null) {
            current = EntryReader.forAggregation(source, detailType, ResourceList.parse(resources), limits());
            reader = current;
        }
        return current;
    }

    private void changed() {
        reader = null;
        limits = null;
    }

    public String getSource() {
        return source;
    }

    /** The Source of entries that have none and whose message has no {@code CamelAwsPartnerEventsSource} header. */
    public void setSource(String source) {
        this.source = source;
        changed();
    }

    public String getDetailType() {
        return detailType;
    }

    /** The DetailType of entries that have none and whose message has no DetailType header. */
    public void setDetailType(String detailType) {
        this.detailType = detailType;
        changed();
    }

    public String getResources() {
        return resources;
    }

    /** Comma-separated Resources (ARNs) of entries that have none and whose message has no Resources header. */
    public void setResources(String resources) {
        this.resources = resources;
        changed();
    }

    public int getMaxEntriesPerRequest() {
        return maxEntriesPerRequest;
    }

    /** The most entries in a batch, 1 to 20 (default 20); use the endpoint's maxEntriesPerRequest. */
    public void setMaxEntriesPerRequest(int maxEntriesPerRequest) {
        this.maxEntriesPerRequest = maxEntriesPerRequest;
        changed();
    }

    public long getMaxRequestSizeBytes() {
        return maxRequestSizeBytes;
    }

    /** The request size limit in bytes (default 262144); a batch stays strictly under it. */
    public void setMaxRequestSizeBytes(long maxRequestSizeBytes) {
        this.maxRequestSizeBytes = maxRequestSizeBytes;
        changed();
    }

    /** Fluent {@link #setResources(String)}. */
    public PartnerEventsAggregationStrategy resources(String resources) {
        setResources(resources);
        return this;
    }

    /** Fluent {@link #setMaxEntriesPerRequest(int)}. */
    public PartnerEventsAggregationStrategy maxEntriesPerRequest(int maxEntriesPerRequest) {
        setMaxEntriesPerRequest(maxEntriesPerRequest);
        return this;
    }

    /** Fluent {@link #setMaxRequestSizeBytes(long)}. */
    public PartnerEventsAggregationStrategy maxRequestSizeBytes(long maxRequestSizeBytes) {
        setMaxRequestSizeBytes(maxRequestSizeBytes);
        return this;
    }
}
