package io.github.camelawsevents.scaleout;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.time.Duration;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;

import static org.awaitility.Awaitility.await;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process) in a JVM of its own, on two free loopback
 * ports, its log directory under {@code target/}: formatted with Kafka's {@code StorageTool} (a JVM of its own too,
 * since the tool ends its JVM), then started with {@code kafka.Kafka}. Plus the admin calls the scenarios need.
 */
final class KafkaBroker implements AutoCloseable {

    private final ChildJvm process;
    private final String bootstrap;
    private final Admin admin;

    private KafkaBroker(ChildJvm process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(p);
    }

    static KafkaBroker start(Path dir) throws Exception {
        int brokerPort = freePort();
        int controllerPort = freePort();
        Path logs = dir.resolve("kraft-logs");
        Files.createDirectories(logs);
        Path config = dir.resolve("server.properties");
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logs.toAbsolutePath(),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "group.min.session.timeout.ms=2000",
                "auto.create.topics.enable=false",
                "num.network.threads=2",
                "num.io.threads=2",
                "background.threads=2",
                "log.flush.interval.messages=9223372036854775807",
                "");
        Files.writeString(config, properties);
        ChildJvm format = ChildJvm.start("kafka-storage-format", List.of("-Xmx128m"), "kafka.tools.StorageTool",
                List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toAbsolutePath().toString()));
        int exit = format.waitFor(60);
        if (exit != 0) {
            throw new IllegalStateException("formatting the KRaft log directory failed: " + format.lastLines());
        }
        ChildJvm broker = ChildJvm.start("kafka-broker", List.of("-Xms256m", "-Xmx512m"), "kafka.Kafka",
                List.of(config.toAbsolutePath().toString()));
        KafkaBroker started = new KafkaBroker(broker, "127.0.0.1:" + brokerPort);
        try {
            await("the broker answers on " + started.bootstrap).atMost(Duration.ofSeconds(90))
                    .pollInterval(200, TimeUnit.MILLISECONDS).ignoreExceptions()
                    .until(() -> {
                        if (!broker.isAlive()) {
                            throw new IllegalStateException("the broker ended: " + broker.lastLines());
                        }
                        return started.admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == 1;
                    });
        } catch (RuntimeException e) {
            started.close();
            throw new IllegalStateException("the broker did not start: " + broker.lastLines(), e);
        }
        return started;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    String bootstrap() {
        return bootstrap;
    }

    void createTopics(int partitions, String... topics) throws ExecutionException, InterruptedException {
        List<NewTopic> newTopics = new ArrayList<>();
        for (String t : topics) {
            newTopics.add(new NewTopic(t, partitions, (short) 1));
        }
        admin.createTopics(newTopics).all().get();
    }

    /** The committed offset of every partition of {@code topic} for {@code group} (0 where nothing was committed). */
    Map<Integer, Long> committed(String group, String topic, int partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<Integer, Long> out = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            OffsetAndMetadata o = offsets.get(new TopicPartition(topic, p));
            out.put(p, o == null ? 0L : o.offset());
        }
        return out;
    }

    Map<Integer, Long> endOffsets(String topic, int partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
    }

    /** Members of {@code group} with partitions, when the group is stable; empty otherwise. */
    List<String> stableMembersWithPartitions(String group) throws Exception {
        ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS)
                .get(group);
        if (d == null || d.state() != ConsumerGroupState.STABLE) {
            return List.of();
        }
        return d.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty())
                .map(m -> m.clientId() + "@" + m.host()).collect(Collectors.toList());
    }

    int assignedPartitions(String group) throws Exception {
        ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS)
                .get(group);
        if (d == null || d.state() != ConsumerGroupState.STABLE) {
            return 0;
        }
        Collection<?> all = d.members().stream().flatMap(m -> m.assignment().topicPartitions().stream()).toList();
        return all.size();
    }

    List<String> lastLines() {
        return process.lastLines();
    }

    @Override
    public void close() {
        admin.close();
        process.close();
    }

    /** CPU time used so far, in seconds. */
    double cpuSeconds() {
        return process.cpuSeconds();
    }
}
