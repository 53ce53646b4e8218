package io.github.camelawsevents.aws.scn;

/**
 * The key under which AWS Supply Chain processes events in the order it receives them: events of one event group, of
 * one event type, in one instance.
 */
public record EventGroupKey(String instanceId, String eventType, String eventGroupId) {
}
