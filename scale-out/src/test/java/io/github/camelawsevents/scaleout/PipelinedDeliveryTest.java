package io.github.camelawsevents.scaleout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import io.github.camelawsevents.aws.core.offsets.PartitionId;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link PipelinedDelivery} without a broker: Kafka's {@link MockConsumer} stands for the consumer, and an endpoint that
 * holds every exchange until the test completes it stands for an asynchronous producer.
 */
class PipelinedDeliveryTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);

    private final DefaultCamelContext context = new DefaultCamelContext();
    private final MockConsumer<Object, Object> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
    private final HeldEndpoint held = new HeldEndpoint();
    private final PipelinedDelivery delivery = new PipelinedDelivery();

    @BeforeEach
    void start() throws Exception {
        held.setCamelContext(context);
        context.addEndpoint("held:records", held);
        context.start();
        delivery.setCamelContext(context);
        delivery.setUri("held:records");
        delivery.setMaxInFlight(4);
        consumer.assign(List.of(P0, P1));
        delivery.assigned(consumer, List.of(P0, P1));
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void recordsGoOutWithoutWaitingAndTheCommitStopsAtTheFirstNotCompleted() throws Exception {
        consume(P0, 0);
        consume(P0, 1);
        consume(P0, 2);
        assertThat(held.exchanges).as("all three handed over while none completed").hasSize(3);

        complete(2, null);
        complete(1, null);
        delivery.afterPoll(consumer);
        assertThat(committed(P0)).as("offset 0 is in flight").isNull();

        complete(0, null);
        delivery.afterPoll(consumer);
        assertThat(committed(P0)).isEqualTo(3);
    }

    @Test
    void thePartitionsPauseAtMaxInFlightAndResumeAtHalf() throws Exception {
        for (long offset = 0; offset < 4; offset++) {
            consume(P0, offset);
        }
        delivery.afterPoll(consumer);
        assertThat(consumer.paused()).containsExactlyInAnyOrder(P0, P1);

        complete(0, null);
        delivery.afterPoll(consumer);
        assertThat(consumer.paused()).as("3 in flight, above half of 4").isNotEmpty();

        complete(1, null);
        delivery.afterPoll(consumer);
        assertThat(consumer.paused()).isEmpty();
        assertThat(committed(P0)).isEqualTo(2);
    }

    @Test
    void aRevokedPartitionIsDrainedAndCommittedBeforeItIsLetGo() throws Exception {
        consume(P0, 0);
        consume(P0, 1);
        consume(P1, 0);
        CompletableFuture<Void> revocation = CompletableFuture.runAsync(() -> delivery.revoked(consumer, List.of(P0)));
        assertThat(revocation).as("waits for offsets 0 and 1").isNotDone();
        assertThat(committed(P0)).isNull();

        complete(1, null);
        complete(0, null);
        revocation.get();
        assertThat(committed(P0)).isEqualTo(2);
        assertThat(committed(P1)).as("not revoked, nothing completed").isNull();

        consume(P0, 2);
        assertThat(held.exchanges).as("a record of a partition no longer owned is not delivered").hasSize(3);
    }

    @Test
    void aLostPartitionIsForgottenWithoutACommit() throws Exception {
        consume(P0, 0);
        delivery.lost(List.of(P0));
        complete(0, null);
        delivery.afterPoll(consumer);
        assertThat(committed(P0)).isNull();
        assertThat(delivery.tracker().inFlight()).isZero();
    }

    @Test
    void aRecordThatFailedForGoodIsCommittedOnlyOnceTheDeadLetterEndpointTookIt() throws Exception {
        delivery.setDeadLetterUri("seda:dead?size=10");
        consume(P0, 0);
        consume(P0, 1);
        complete(1, null);
        complete(0, new IllegalStateException("refused"));

        SedaEndpoint dead = context.getEndpoint("seda:dead?size=10", SedaEndpoint.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> dead.getQueue().size() == 1);
        Exchange deadLetter = dead.getQueue().peek();
        assertThat(deadLetter.getMessage().getBody(String.class)).isEqualTo("record 0");
        assertThat(deadLetter.getMessage().getHeaders()).containsEntry("scaleoutFailedOffset", 0L)
                .containsEntry("scaleoutFailedPartition", 0).containsEntry(KafkaConstants.KEY, "g0");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            delivery.afterPoll(consumer);
            return Long.valueOf(2).equals(committed(P0));
        });
    }

    @Test
    void withoutADeadLetterEndpointAFailedRecordHoldsItsPartitionBack() throws Exception {
        consume(P0, 0);
        consume(P0, 1);
        complete(0, new IllegalStateException("refused"));
        complete(1, null);
        delivery.afterPoll(consumer);
        assertThat(committed(P0)).isNull();
        assertThat(delivery.tracker().failed(new PartitionId("orders", 0)))
                .isEqualTo(1);
    }

    @Test
    void aFailedRecordIsSentAgainWhileRedeliveriesAreLeft() throws Exception {
        delivery.setRedeliveries(1);
        delivery.setRedeliveryDelayMs(1);
        consume(P0, 0);
        complete(0, new IllegalStateException("throttled"));
        await().atMost(Duration.ofSeconds(10)).until(() -> held.exchanges.size() == 2);
        complete(1, null);
        delivery.afterPoll(consumer);
        assertThat(committed(P0)).isEqualTo(1);
    }

    @Test
    void withAGroupHeaderAGroupHasOneRecordAtTheProducerAndTheOthersWaitInOrder() throws Exception {
        delivery.setGroupHeader("group");
        consume(P0, 0, "a");
        consume(P0, 1, "a");
        consume(P0, 2, "b");
        consume(P0, 3, "a");
        assertThat(bodies()).as("b goes, a's second waits").containsExactly("record 0", "record 2");

        complete(0, null);
        assertThat(bodies()).containsExactly("record 0", "record 2", "record 1");
        complete(2, null);
        complete(1, null);
        assertThat(bodies()).containsExactly("record 0", "record 2", "record 1", "record 3");
        complete(3, null);
        delivery.afterPoll(consumer);
        assertThat(committed(P0)).isEqualTo(4);
    }

    @Test
    void aFailedRecordHoldsItsGroupAndIsSentAgainBeforeTheGroupsLaterRecords() throws Exception {
        delivery.setGroupHeader("group");
        delivery.setRedeliveries(-1);
        delivery.setRedeliveryDelayMs(1);
        consume(P0, 0, "a");
        consume(P0, 1, "a");
        complete(0, new IllegalStateException("outage"));
        await().atMost(Duration.ofSeconds(10)).until(() -> held.exchanges.size() == 2);
        assertThat(bodies()).as("sent again, and not overtaken").containsExactly("record 0", "record 0");
        complete(1, null);
        assertThat(bodies()).containsExactly("record 0", "record 0", "record 1");
    }

    @Test
    void aRecordRefusedAsInvalidGoesToTheDeadLetterEndpointAndItsGroupGoesOn() throws Exception {
        delivery.setGroupHeader("group");
        delivery.setRedeliveries(-1);
        delivery.setDeadLetterUri("seda:invalid?size=10");
        consume(P0, 0, "a");
        consume(P0, 1, "a");
        complete(0, new RuntimeException("the producer's failure", AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).build()));
        SedaEndpoint dead = context.getEndpoint("seda:invalid?size=10", SedaEndpoint.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> dead.getQueue().size() == 1 && held.exchanges.size() == 2);
        assertThat(bodies()).containsExactly("record 0", "record 1");
    }

    @Test
    void aRevokedPartitionsWaitingRecordsAreNotSent() throws Exception {
        delivery.setGroupHeader("group");
        consume(P0, 0, "a");
        consume(P0, 1, "a");
        CompletableFuture<Void> revocation = CompletableFuture.runAsync(() -> delivery.revoked(consumer, List.of(P0)));
        await().atMost(Duration.ofSeconds(10)).until(() -> !delivery.owns(new PartitionId("orders", 0)));
        complete(0, null);
        revocation.get();
        assertThat(bodies()).as("record 1 is the next owner's").containsExactly("record 0");
        assertThat(committed(P0)).isEqualTo(1);
    }

    @Test
    void anOutageFailingThousandsOfRecordsAtOnceSendsEveryOneAgain() throws Exception {
        delivery.setRedeliveries(-1);
        delivery.setRedeliveryDelayMs(200); // all of them wait for their redelivery at the same time
        int records = 1500;
        for (long offset = 0; offset < records; offset++) {
            consume(P0, offset);
        }
        for (int i = 0; i < records; i++) {
            complete(i, new IllegalStateException("connection refused"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> held.exchanges.size() == 2 * records);
        for (int i = records; i < 2 * records; i++) {
            complete(i, null);
        }
        delivery.afterPoll(consumer);
        assertThat(committed(P0)).isEqualTo(records);
    }

    private List<String> bodies() {
        return held.exchanges.stream().map(h -> h.exchange.getMessage().getBody(String.class)).toList();
    }

    private void consume(TopicPartition partition, long offset) throws Exception {
        consume(partition, offset, null);
    }

    private void consume(TopicPartition partition, long offset, String group) throws Exception {
        Exchange record = new DefaultExchange(context);
        record.getMessage().setBody("record " + offset);
        record.getMessage().setHeaders(new java.util.HashMap<>(Map.of(KafkaConstants.TOPIC, partition.topic(),
                KafkaConstants.PARTITION, partition.partition(), KafkaConstants.OFFSET, offset, KafkaConstants.KEY,
                "g" + partition.partition())));
        if (group != null) {
            record.getMessage().setHeader("group", group);
        }
        delivery.process(record);
    }

    /** Completes the i-th exchange handed over, as the producer does when AWS answered. */
    private void complete(int i, Exception failure) {
        HeldExchange h = held.exchanges.stream().skip(i).findFirst().orElseThrow();
        if (failure != null) {
            h.exchange.setException(failure);
        }
        h.callback.done(false);
    }

    private Long committed(TopicPartition partition) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(partition));
        OffsetAndMetadata offset = committed.get(partition);
        return offset == null ? null : offset.offset();
    }

    private record HeldExchange(Exchange exchange, AsyncCallback callback) {
    }

    /** An asynchronous producer's stand-in: keeps each exchange until the test completes it. */
    private static final class HeldEndpoint extends DefaultEndpoint {
        final BlockingQueue<HeldExchange> exchanges = new LinkedBlockingQueue<>();

        HeldEndpoint() {
            super("held:records", null);
        }

        @Override
        public Producer createProducer() {
            return new DefaultAsyncProducer(this) {
                @Override
                public boolean process(Exchange exchange, AsyncCallback callback) {
                    exchanges.add(new HeldExchange(exchange, callback));
                    return false;
                }
            };
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isSingleton() {
            return true;
        }
    }
}
