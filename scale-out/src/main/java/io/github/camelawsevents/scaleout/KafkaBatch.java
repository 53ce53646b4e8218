package io.github.camelawsevents.scaleout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * The two steps a batch of Kafka records (camel-kafka {@code batching=true}: the body is a {@code List<Exchange>}, one
 * inner exchange per record) needs around the AWS producers, as a bean the YAML routes call.
 */
public final class KafkaBatch {

    private KafkaBatch() {
    }

    /**
     * Sets {@code CamelAwsScnEventGroupId} of every record to its Kafka key: the records are keyed by event group, so
     * one group lives in one partition and its order is the partition's order.
     */
    public static void eventGroupFromKey(Exchange batch) {
        for (Exchange record : records(batch)) {
            Object key = record.getMessage().getHeader(KafkaConstants.KEY);
            if (key != null) {
                record.getMessage().setHeader("CamelAwsScnEventGroupId", key.toString());
            }
        }
    }

    /**
     * Commits, per partition, the offset after the last record of this batch. Called as the step after the producer,
     * so it runs only when AWS accepted every record of the batch (a batch with a failed record fails, is redelivered,
     * and is committed only once it went through).
     * <p>
     * Each partition's highest-offset record commits {@code offset + 1} for that partition alone (camel-kafka's
     * per-record manual commit), so records the consumer already fetched for the next batch are never covered, as a
     * plain {@code commitSync()} of the consumer's position would. The commit is synchronous
     * ({@code DefaultKafkaManualCommitFactory}) and runs on the thread that completed the batch while the consumer's
     * own thread is parked waiting for it, so the {@code KafkaConsumer} is never used by two threads at once. Not
     * {@code DefaultKafkaManualAsyncCommitFactory}: with {@code batching=true} the offsets it records are never sent.
     */
    public static void commitOffsets(Exchange batch) {
        Map<String, Exchange> lastOfPartition = new HashMap<>();
        for (Exchange record : records(batch)) {
            String partition = record.getMessage().getHeader(KafkaConstants.TOPIC) + "/"
                               + record.getMessage().getHeader(KafkaConstants.PARTITION);
            lastOfPartition.merge(partition, record, (a, b) -> offset(b) > offset(a) ? b : a);
        }
        for (Exchange record : lastOfPartition.values()) {
            KafkaManualCommit commit = record.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
            if (commit == null) {
                throw new IllegalStateException("no " + KafkaConstants.MANUAL_COMMIT + " header: set allowManualCommit=true"
                                                + " and autoCommitEnable=false on the kafka endpoint");
            }
            commit.commit();
        }
    }

    private static long offset(Exchange record) {
        return record.getMessage().getHeader(KafkaConstants.OFFSET, Long.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Exchange> records(Exchange batch) {
        Object body = batch.getMessage().getBody();
        return body instanceof List<?> list ? (List<Exchange>) list : List.of();
    }
}
