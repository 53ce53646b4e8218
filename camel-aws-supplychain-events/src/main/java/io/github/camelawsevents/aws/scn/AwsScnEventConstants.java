package io.github.camelawsevents.aws.scn;

import org.apache.camel.spi.Metadata;

/** The message headers of the {@code aws-scn-event} component. */
public final class AwsScnEventConstants {

    /** In: overrides the eventType option for this message. */
    @Metadata(description = "The event type of this message, e.g. scn.data.inboundorder; overrides the eventType"
                            + " option. Also accepts the SDK's DataIntegrationEventType.",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelAwsScnEventType";

    /** In: overrides the eventGroupId option for this message. */
    @Metadata(description = "The event group (partition key, 1 to 255 characters) of this message; overrides the"
                            + " eventGroupId option. Events of one instance, type and group are processed in the"
                            + " order received.",
              javaType = "String")
    public static final String EVENT_GROUP_ID = "CamelAwsScnEventGroupId";

    /** In: the event timestamp; server time when absent. */
    @Metadata(description = "The event timestamp: an Instant, Date, Calendar, OffsetDateTime, ZonedDateTime, a Long"
                            + " of epoch milliseconds or ISO-8601 text. When absent the service uses its own time.",
              javaType = "java.time.Instant")
    public static final String EVENT_TIMESTAMP = "CamelAwsScnEventTimestamp";

    /** In: the idempotency token; wins over the clientTokenSource option. */
    @Metadata(description = "The idempotency token of this message, at most 126 characters (a shorter one than 33 is"
                            + " padded deterministically). Wins over the clientTokenSource option. When the message"
                            + " becomes several events each gets a token derived from this one and its position.",
              javaType = "String")
    public static final String CLIENT_TOKEN = "CamelAwsScnClientToken";

    /** In: overrides the datasetIdentifier option. */
    @Metadata(description = "The dataset ARN for eventType scn.data.dataset; overrides the datasetIdentifier option.",
              javaType = "String")
    public static final String DATASET_IDENTIFIER = "CamelAwsScnDatasetIdentifier";

    /** In: overrides the operationType option. */
    @Metadata(description = "The dataset load operation (APPEND, UPSERT or DELETE) for eventType scn.data.dataset;"
                            + " overrides the operationType option.",
              javaType = "String", enums = "APPEND,UPSERT,DELETE")
    public static final String DATASET_OPERATION_TYPE = "CamelAwsScnDatasetOperationType";

    /** In: what the producer does with this message. */
    @Metadata(description = "The operation: sendDataIntegrationEvent (the default, when absent) sends the body;"
                            + " getDataIntegrationEvent reads back the event whose id is in CamelAwsScnEventId"
                            + " (the body becomes the SDK's DataIntegrationEvent).",
              javaType = "String", enums = "sendDataIntegrationEvent,getDataIntegrationEvent")
    public static final String OPERATION = "CamelAwsScnOperation";

    /** Out: the id of the (first) event; in, for getDataIntegrationEvent. */
    @Metadata(description = "Out: the id AWS gave the event (the first one when the message became several)."
                            + " In, with operation getDataIntegrationEvent: the id of the event to read.",
              javaType = "String")
    public static final String EVENT_ID = "CamelAwsScnEventId";

    /** Out: the ids of all events the message became. */
    @Metadata(description = "Out: the ids of all events the message became, in order (one element when it was one"
                            + " event). On failure, the ids of the events sent before the failure.",
              javaType = "java.util.List<String>")
    public static final String EVENT_IDS = "CamelAwsScnEventIds";

    /** Out, with operation getDataIntegrationEvent: the load status of a scn.data.dataset event. */
    @Metadata(description = "Out, with operation getDataIntegrationEvent, for a scn.data.dataset event: the status of"
                            + " its load into the dataset as AWS reports it now (datasetTargetDetails"
                            + ".datasetLoadExecution.status): IN_PROGRESS, SUCCEEDED or FAILED. Also out after a send"
                            + " with confirmDatasetLoad: the status the load finished with (SUCCEEDED; FAILED with a"
                            + " DatasetLoadFailedException; IN_PROGRESS at the time limit), for a message of several"
                            + " events the worst. Absent for the 15 fixed event types, for which AWS reports no load"
                            + " status.",
              javaType = "String", enums = "IN_PROGRESS,SUCCEEDED,FAILED")
    public static final String DATASET_LOAD_STATUS = "CamelAwsScnDatasetLoadStatus";

    /** Out, with operation getDataIntegrationEvent: AWS's message about the load, e.g. why it failed. */
    @Metadata(description = "Out, with operation getDataIntegrationEvent, or after a send with confirmDatasetLoad,"
                            + " for a scn.data.dataset event: AWS's message about its load (datasetTargetDetails"
                            + ".datasetLoadExecution.message), e.g. why it FAILED; absent when AWS gives none.",
              javaType = "String")
    public static final String DATASET_LOAD_MESSAGE = "CamelAwsScnDatasetLoadMessage";

    private AwsScnEventConstants() {
    }
}
