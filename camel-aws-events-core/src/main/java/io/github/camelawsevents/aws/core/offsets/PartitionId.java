package io.github.camelawsevents.aws.core.offsets;

import java.util.Objects;

/**
 * A partition of a log such as a Kafka topic, as a plain value: the offset tracking needs no Kafka type.
 *
 * @param topic     the topic's name
 * @param partition the partition's number, from 0
 */
public record PartitionId(String topic, int partition) {

    public PartitionId {
        Objects.requireNonNull(topic, "topic");
        if (partition < 0) {
            throw new IllegalArgumentException("a partition number is 0 or more, got " + partition);
        }
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
