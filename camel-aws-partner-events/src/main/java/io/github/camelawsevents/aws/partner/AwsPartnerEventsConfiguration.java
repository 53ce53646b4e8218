package io.github.camelawsevents.aws.partner;

import java.util.List;

import io.github.camelawsevents.aws.core.AbstractAwsEventsConfiguration;
import io.github.camelawsevents.aws.core.Backoff;
import io.github.camelawsevents.aws.core.BatchLimits;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;

/**
 * The options of an {@code aws-partner-events} endpoint: the shared AWS options plus what PutPartnerEvents needs.
 */
@UriParams
public class AwsPartnerEventsConfiguration extends AbstractAwsEventsConfiguration {

    /** The partner event source. */
    @UriPath(description = "The partner event source name, aws.partner/PARTNER/NAMESPACE/NAME (for example"
                           + " aws.partner/example.com/orders/created), used as the Source of every entry that does"
                           + " not set its own (the CamelAwsPartnerEventsSource header overrides it per message)."
                           + " Validated at endpoint creation: 1 to 256 characters, aws.partner followed by at least"
                           + " two /-separated parts of letters, digits, dots, dashes and underscores (the API's"
                           + " pattern).")
    @Metadata(required = true)
    private String eventSource;

    /** The DetailType of the entries. */
    @UriParam(label = "producer",
              description = "The DetailType of the entries (at most 128 characters), for example OrderCreated. An"
                            + " entry's own DetailType and the CamelAwsPartnerEventsDetailType header take precedence."
                            + " Every entry needs one from somewhere.")
    private String detailType;

    /** Comma-separated resource ARNs. */
    @UriParam(label = "producer",
              description = "Comma-separated ARNs of the AWS resources the events concern (Resources). An entry's own"
                            + " Resources and the CamelAwsPartnerEventsResources header take precedence.")
    private String resources;

    /** Entries per PutPartnerEvents request. */
    @UriParam(label = "producer,advanced", defaultValue = "20",
              description = "The most entries one PutPartnerEvents request carries, 1 to 20 (the API's limit). Larger"
                            + " messages are split into several requests.")
    private int maxEntriesPerRequest = EntryRules.MAX_ENTRIES_PER_REQUEST;

    /** Request size limit. */
    @UriParam(label = "producer,advanced", defaultValue = "262144",
              description = "The request size limit in bytes, by EventBridge's entry size rule (Time counts 14 bytes;"
                            + " Source, DetailType, Detail and each Resource their UTF-8 bytes). The entries of one"
                            + " request always total strictly less than this; a single entry that cannot fit is"
                            + " refused before sending. At most 1048576: EventBridge announced 1 MB event payloads in"
                            + " January 2026 while the PutPartnerEvents reference still says 256 KB, so raise it"
                            + " only once AWS takes larger requests for your account and region.")
    private long maxRequestSizeBytes = EntryRules.REQUEST_SIZE_LIMIT;

    /** Retries of retryable failed entries. */
    @UriParam(label = "producer", defaultValue = "3",
              description = "How many times an entry that failed with a retryable error code (ThrottlingException,"
                            + " InternalFailure) inside a successful response is sent again, re-batched with the other"
                            + " retried entries, after a jittered exponential backoff. 0 disables these retries. Whole"
                            + " requests are retried by the AWS SDK (see retryMode and maxAttempts), never here.")
    private int entryRetryAttempts = 3;

    /** Base backoff before the first retry of failed entries. */
    @UriParam(label = "producer,advanced", javaType = "java.time.Duration", defaultValue = "100",
              description = "The backoff before the first retry of failed entries; it doubles with every further"
                            + " retry up to entryRetryMaxBackoff, and each delay is drawn between half and all of it"
                            + " (jitter). Milliseconds, or a duration such as 200ms or 1s.")
    private long entryRetryBackoff = 100;

    /** Largest backoff between retries of failed entries. */
    @UriParam(label = "producer,advanced", javaType = "java.time.Duration", defaultValue = "5000",
              description = "The largest backoff between two retries of failed entries. Milliseconds, or a duration"
                            + " such as 5s.")
    private long entryRetryMaxBackoff = 5000;

    /** Whether entries that finally failed fail the exchange. */
    @UriParam(label = "producer", defaultValue = "true",
              description = "Whether entries that still failed after the retries fail the exchange with a"
                            + " PartnerEventsFailedException (which carries exactly the failed entries, for the error"
                            + " handler or a dead-letter channel). When false, the failures are reported only in the"
                            + " CamelAwsPartnerEventsFailedEntryCount and CamelAwsPartnerEventsFailedEntries headers.")
    private boolean failOnPartialFailure = true;

    /** Bound on requests in flight. */
    @UriParam(label = "producer,advanced", defaultValue = "32",
              description = "The most PutPartnerEvents requests the endpoint has in flight at once (also the HTTP"
                            + " client's connection limit). Entries that arrive while every request is in flight wait"
                            + " and share the next free one.")
    private int maxInFlightRequests = 32;

    /** Whether entries of different exchanges share requests. */
    @UriParam(label = "producer", defaultValue = "true",
              description = "Whether the entries of concurrent exchanges share PutPartnerEvents requests (up to"
                            + " maxEntriesPerRequest entries and maxRequestSizeBytes). Each exchange still gets its own"
                            + " event ids and, when its entries fail, an exception with only its own entries. When"
                            + " false, a request carries entries of one exchange only.")
    private boolean batchAcrossExchanges = true;

    /** How long a request may wait to fill. */
    @UriParam(label = "producer", defaultValue = "2",
              description = "How long, in milliseconds, a request that is not full may wait for more entries before it"
                            + " is sent; a full request never waits. The default of 2 ms fills requests under load (a"
                            + " slot freed by an answer no longer leaves with the few entries that arrived since) at"
                            + " the cost of at most 2 ms of latency for a lone event. 0: a request goes as soon as a"
                            + " request slot is free, and entries that arrive while every slot is busy share the next"
                            + " request. Larger values fill requests at low rates too, which saves requests against the"
                            + " PutPartnerEvents quota. Waiting ends at once when the producer stops; Camel stops a"
                            + " route's producers after its graceful shutdown waited for the route's in-flight"
                            + " exchanges, lingering ones included, so a route stop can take up to lingerMs longer (at"
                            + " most the shutdown timeout).")
    private long lingerMs = 2;

    /** Bound on exchanges taken and not completed. */
    @UriParam(label = "producer,advanced", defaultValue = "2048",
              description = "The most exchanges the endpoint takes and has not completed yet (waiting for a request,"
                            + " in flight, or waiting for a retry). When reached, the thread that sends the next"
                            + " exchange waits (backpressure), so memory stays bounded however fast messages arrive.")
    private int maxPendingExchanges = 2048;

    /** A ready EventBridge client. */
    @UriParam(label = "advanced",
              description = "A ready EventBridgeAsyncClient to use instead of building one from the options above. It"
                            + " is autowired when exactly one is bound in the registry, and never closed by the"
                            + " component.")
    @Metadata(autowired = true)
    private EventBridgeAsyncClient eventBridgeClient;

    public String getEventSource() {
        return eventSource;
    }

    public void setEventSource(String eventSource) {
        this.eventSource = eventSource;
    }

    public String getDetailType() {
        return detailType;
    }

    public void setDetailType(String detailType) {
        this.detailType = detailType;
    }

    public String getResources() {
        return resources;
    }

    public void setResources(String resources) {
        this.resources = resources;
    }

    public int getMaxEntriesPerRequest() {
        return maxEntriesPerRequest;
    }

    public void setMaxEntriesPerRequest(int maxEntriesPerRequest) {
        this.maxEntriesPerRequest = maxEntriesPerRequest;
    }

    public long getMaxRequestSizeBytes() {
        return maxRequestSizeBytes;
    }

    public void setMaxRequestSizeBytes(long maxRequestSizeBytes) {
        this.maxRequestSizeBytes = maxRequestSizeBytes;
    }

    public int getEntryRetryAttempts() {
        return entryRetryAttempts;
    }

    public void setEntryRetryAttempts(int entryRetryAttempts) {
        this.entryRetryAttempts = entryRetryAttempts;
    }

    public long getEntryRetryBackoff() {
        return entryRetryBackoff;
    }

    public void setEntryRetryBackoff(long entryRetryBackoff) {
        this.entryRetryBackoff = entryRetryBackoff;
    }

    public long getEntryRetryMaxBackoff() {
        return entryRetryMaxBackoff;
    }

    public void setEntryRetryMaxBackoff(long entryRetryMaxBackoff) {
        this.entryRetryMaxBackoff = entryRetryMaxBackoff;
    }

    public boolean isFailOnPartialFailure() {
        return failOnPartialFailure;
    }

    public void setFailOnPartialFailure(boolean failOnPartialFailure) {
        this.failOnPartialFailure = failOnPartialFailure;
    }

    public int getMaxInFlightRequests() {
        return maxInFlightRequests;
    }

    public void setMaxInFlightRequests(int maxInFlightRequests) {
        this.maxInFlightRequests = maxInFlightRequests;
    }

    public boolean isBatchAcrossExchanges() {
        return batchAcrossExchanges;
    }

    public void setBatchAcrossExchanges(boolean batchAcrossExchanges) {
        this.batchAcrossExchanges = batchAcrossExchanges;
    }

    public long getLingerMs() {
        return lingerMs;
    }

    public void setLingerMs(long lingerMs) {
        this.lingerMs = lingerMs;
    }

    public int getMaxPendingExchanges() {
        return maxPendingExchanges;
    }

    public void setMaxPendingExchanges(int maxPendingExchanges) {
        this.maxPendingExchanges = maxPendingExchanges;
    }

    public EventBridgeAsyncClient getEventBridgeClient() {
        return eventBridgeClient;
    }

    public void setEventBridgeClient(EventBridgeAsyncClient eventBridgeClient) {
        this.eventBridgeClient = eventBridgeClient;
    }

    /** The resources option as a list (trimmed, empty parts dropped), or null when not set. */
    public List<String> resourceList() {
        return ResourceList.parse(resources);
    }

    /** The batching limits these options select. */
    public BatchLimits requestLimits() {
        return EntryRules.requestLimits(maxEntriesPerRequest, maxRequestSizeBytes);
    }

    /** The backoff between retries of failed entries. */
    public Backoff entryBackoff() {
        return new Backoff(java.time.Duration.ofMillis(entryRetryBackoff),
                java.time.Duration.ofMillis(entryRetryMaxBackoff));
    }

    /**
     * Checks the options, so that a wrong endpoint fails when it is created rather than on its first message.
     *
     * @throws IllegalArgumentException naming the option, what it allows and what it got
     */
    public void validate() {
        EntryRules.checkSource(eventSource, -1);
        if (detailType != null) {
            EntryRules.checkDetailType(detailType, -1);
        }
        List<String> resourceList = resourceList();
        if (resourceList != null) {
            EntryRules.checkResources(resourceList, -1);
        }
        if (maxEntriesPerRequest < 1 || maxEntriesPerRequest > EntryRules.MAX_ENTRIES_PER_REQUEST) {
            throw new IllegalArgumentException("maxEntriesPerRequest must be 1 to " + EntryRules.MAX_ENTRIES_PER_REQUEST
                                               + ", got " + maxEntriesPerRequest);
        }
        if (maxRequestSizeBytes < 2 || maxRequestSizeBytes > EntryRules.REQUEST_SIZE_CEILING) {
            throw new IllegalArgumentException("maxRequestSizeBytes must be 2 to " + EntryRules.REQUEST_SIZE_CEILING
                                               + " (requests stay strictly under it), got " + maxRequestSizeBytes);
        }
        if (lingerMs < 0 || lingerMs > 60_000) {
            throw new IllegalArgumentException("lingerMs must be 0 to 60000, got " + lingerMs);
        }
        if (entryRetryAttempts < 0) {
            throw new IllegalArgumentException("entryRetryAttempts must be 0 or more, got " + entryRetryAttempts);
        }
        if (entryRetryBackoff < 0 || entryRetryMaxBackoff < entryRetryBackoff) {
            throw new IllegalArgumentException("entryRetryBackoff must be 0 or more and entryRetryMaxBackoff at least"
                                               + " entryRetryBackoff, got " + entryRetryBackoff + "ms and "
                                               + entryRetryMaxBackoff + "ms");
        }
        pipelineSettings("AwsPartnerEvents", maxInFlightRequests, maxPendingExchanges);
    }

    /** A copy for one endpoint, so it can change options without touching the component's. */
    public AwsPartnerEventsConfiguration copy() {
        return copyOf();
    }

    @Override
    protected void describe(StringBuilder out) {
        out.append(", eventSource=").append(eventSource);
        if (detailType != null) {
            out.append(", detailType=").append(detailType);
        }
        if (resources != null) {
            out.append(", resources=").append(resourceList());
        }
        out.append(", maxEntriesPerRequest=").append(maxEntriesPerRequest)
                .append(", maxRequestSizeBytes=").append(maxRequestSizeBytes)
                .append(", entryRetryAttempts=").append(entryRetryAttempts)
                .append(", entryRetryBackoff=").append(entryRetryBackoff).append("ms")
                .append(", entryRetryMaxBackoff=").append(entryRetryMaxBackoff).append("ms")
                .append(", failOnPartialFailure=").append(failOnPartialFailure)
                .append(", maxInFlightRequests=").append(maxInFlightRequests)
                .append(", batchAcrossExchanges=").append(batchAcrossExchanges)
                .append(", lingerMs=").append(lingerMs)
                .append(", maxPendingExchanges=").append(maxPendingExchanges);
        if (eventBridgeClient != null) {
            out.append(", eventBridgeClient=supplied");
        }
    }
}
