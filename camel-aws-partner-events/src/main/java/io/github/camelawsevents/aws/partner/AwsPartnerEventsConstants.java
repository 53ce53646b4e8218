package io.github.camelawsevents.aws.partner;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the {@code aws-partner-events} component. Headers in override the endpoint options for one
 * message; an entry body ({@code PutPartnerEventsRequestEntry}) overrides both.
 */
public final class AwsPartnerEventsConstants {

    @Metadata(label = "producer", javaType = "String",
              description = "The partner event source (Source) of the message's entries, overriding the endpoint's"
                            + " eventSource path. Same rule as eventSource: 1 to 256 characters, aws.partner followed"
                            + " by at least two /-separated parts (aws.partner/PARTNER/NAMESPACE/NAME).")
    public static final String SOURCE = "CamelAwsPartnerEventsSource";

    @Metadata(label = "producer", javaType = "String",
              description = "The DetailType of the message's entries (at most 128 characters), overriding the"
                            + " detailType option.")
    public static final String DETAIL_TYPE = "CamelAwsPartnerEventsDetailType";

    @Metadata(label = "producer", javaType = "java.util.List<String> or String",
              description = "The Resources (ARNs) of the message's entries, as a List or a comma-separated String,"
                            + " overriding the resources option.")
    public static final String RESOURCES = "CamelAwsPartnerEventsResources";

    @Metadata(label = "producer", javaType = "java.time.Instant, java.util.Date or Long (epoch milliseconds)",
              description = "The Time of the message's entries. When absent (and not set on an entry) no Time is sent"
                            + " and EventBridge uses the time it receives the event. Also accepted: an ISO-8601"
                            + " String, an OffsetDateTime or a ZonedDateTime.")
    public static final String TIME = "CamelAwsPartnerEventsTime";

    @Metadata(label = "producer", javaType = "java.util.List<String>",
              description = "Out: the EventId of every entry of the message, in input order; null where the entry"
                            + " failed.")
    public static final String EVENT_IDS = "CamelAwsPartnerEventsEventIds";

    @Metadata(label = "producer", javaType = "String",
              description = "Out: the EventId, when the message held exactly one event and it was accepted.")
    public static final String EVENT_ID = "CamelAwsPartnerEventsEventId";

    @Metadata(label = "producer", javaType = "Integer",
              description = "Out: how many entries of the message finally failed (after the per-entry retries).")
    public static final String FAILED_ENTRY_COUNT = "CamelAwsPartnerEventsFailedEntryCount";

    @Metadata(label = "producer",
              javaType = "java.util.List<io.github.camelawsevents.aws.partner.FailedEntry>",
              description = "Out: the entries that finally failed, each with its input index, the entry, ErrorCode and"
                            + " ErrorMessage. Set only when at least one entry failed; a dead-letter route can split"
                            + " it to resend or park exactly what failed.")
    public static final String FAILED_ENTRIES = "CamelAwsPartnerEventsFailedEntries";

    private AwsPartnerEventsConstants() {
    }
}
