/**
 * Offsets of records delivered concurrently: which offset of each partition can be committed while later records are
 * still in flight, and earlier ones complete out of order. Pure Java, no Kafka types, so it is tested without a broker;
 * the scale-out recipe wires it to camel-kafka.
 */
package io.github.camelawsevents.aws.core.offsets;
