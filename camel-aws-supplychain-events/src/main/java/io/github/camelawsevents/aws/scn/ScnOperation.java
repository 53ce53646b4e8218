package io.github.camelawsevents.aws.scn;

/** What the producer does with a message (header {@code CamelAwsScnOperation}). */
public enum ScnOperation {
    /** Send the body as one or more events (the default). */
    sendDataIntegrationEvent,
    /** Read back one event by its id (header {@code CamelAwsScnEventId}), as proof of delivery. */
    getDataIntegrationEvent
}
