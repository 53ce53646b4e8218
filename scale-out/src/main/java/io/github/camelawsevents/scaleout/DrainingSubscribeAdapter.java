package io.github.camelawsevents.scaleout;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.support.subcription.SubscribeAdapter;
import org.apache.camel.component.kafka.consumer.support.subcription.TopicInfo;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * camel-kafka's subscription hook (the bean {@value KafkaConstants#KAFKA_SUBSCRIBE_ADAPTER}), used to hear about
 * rebalances: it subscribes as camel-kafka's default adapter does, with camel-kafka's rebalance listener wrapped so that
 * the {@link PipelinedDelivery} of that consumer drains and commits revoked partitions before camel-kafka's listener
 * runs, and learns about assigned and lost ones. Consumers of routes without a {@link PipelinedDelivery} are subscribed
 * unchanged.
 */
final class DrainingSubscribeAdapter implements SubscribeAdapter {

    private final List<PipelinedDelivery> deliveries = new CopyOnWriteArrayList<>();

    /** The adapter of {@code context}, bound on first use. */
    static synchronized DrainingSubscribeAdapter install(CamelContext context) {
        SubscribeAdapter bound = context.getRegistry().lookupByNameAndType(KafkaConstants.KAFKA_SUBSCRIBE_ADAPTER,
                SubscribeAdapter.class);
        if (bound instanceof DrainingSubscribeAdapter adapter) {
            return adapter;
        }
        if (bound != null) {
            throw new IllegalStateException("A " + KafkaConstants.KAFKA_SUBSCRIBE_ADAPTER + " bean is bound already ("
                                            + bound.getClass().getName() + "): PipelinedDelivery needs its own");
        }
        DrainingSubscribeAdapter adapter = new DrainingSubscribeAdapter();
        context.getRegistry().bind(KafkaConstants.KAFKA_SUBSCRIBE_ADAPTER, SubscribeAdapter.class, adapter);
        return adapter;
    }

    void add(PipelinedDelivery delivery) {
        deliveries.add(delivery);
    }

    @Override
    public void subscribe(Consumer<?, ?> consumer, ConsumerRebalanceListener camelListener, TopicInfo topicInfo) {
        ConsumerRebalanceListener listener = camelListener;
        for (PipelinedDelivery delivery : deliveries) {
            if (delivery.ownsConsumer(consumer)) {
                listener = new Draining(delivery, consumer, camelListener);
            }
        }
        if (topicInfo.isPattern()) {
            consumer.subscribe(topicInfo.getPattern(), listener);
        } else {
            consumer.subscribe(topicInfo.getTopics(), listener);
        }
    }

    private record Draining(PipelinedDelivery delivery, Consumer<?, ?> consumer, ConsumerRebalanceListener camel)
            implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            delivery.revoked(consumer, partitions);
            camel.onPartitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            camel.onPartitionsAssigned(partitions);
            delivery.assigned(consumer, partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            delivery.lost(partitions);
            camel.onPartitionsLost(partitions);
        }
    }
}
