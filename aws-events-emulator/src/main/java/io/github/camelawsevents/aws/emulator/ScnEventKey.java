package io.github.camelawsevents.aws.emulator;

/**
 * The ordering key of Supply Chain events: the service processes the events of one key in receipt order.
 *
 * @param instanceId   the Supply Chain instance id (path)
 * @param eventType    e.g. {@code scn.data.inboundorder}
 * @param eventGroupId the partition key sent with the event
 */
public record ScnEventKey(String instanceId, String eventType, String eventGroupId) {
}
