package io.github.camelawsevents.scaleout;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.camelawsevents.aws.core.SafeMessages;
import io.github.camelawsevents.aws.core.offsets.OffsetTracker;
import io.github.camelawsevents.aws.core.offsets.PartitionId;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.errorhandler.KafkaConsumerListener;
import org.apache.camel.component.kafka.consumer.support.ProcessingResult;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the records of a {@code kafka:} route (one exchange per record, {@code batching=false}) to an asynchronous
 * producer without waiting for them: each record is handed to the producer on the consumer's thread, in partition
 * order, and the consumer goes on polling while earlier records are in flight. An {@link OffsetTracker} knows which
 * records completed; after every poll, on the consumer's own thread, the offsets up to the first record of each
 * partition that has not completed are committed ({@code commitAsync}), never beyond.
 * <p>
 * Used as the route policy of the route {@link #setRoute route} names (so it can attach itself to the consumer: it
 * registers itself as a route policy factory, which works with the YAML DSL of every Camel line, whose route field for
 * a policy changed name in 4.22) and as a step of that route:
 * <ul>
 * <li><b>Backpressure</b>: with {@link #setMaxInFlight maxInFlight} records in flight the consumer pauses its
 * partitions ({@code KafkaConsumer.pause}) and keeps polling, so heartbeats and {@code max.poll.interval.ms} are never
 * at risk; it resumes them at half of it.</li>
 * <li><b>Revocation</b>: when Kafka takes partitions away, their records are fenced (a failure is no longer sent again
 * or dead-lettered here), the consumer waits for those in flight (at most {@link #setDrainTimeoutMs drainTimeoutMs}),
 * commits what completed ({@code commitSync}) and forgets them, all before the new owner can start. Lost partitions
 * (this consumer was fenced, e.g. it stood still past {@code session.timeout.ms}) are forgotten without a commit.</li>
 * <li><b>A record that failed</b> (after the producer's own retries) is sent again up to
 * {@link #setRedeliveries redeliveries} times with exponential backoff, then handed to the
 * {@link #setDeadLetterUri dead-letter endpoint}; it completes when that endpoint took it. Without a dead-letter
 * endpoint it holds its partition's commit back and is consumed again by the partition's next owner.</li>
 * </ul>
 * Hooks used, all camel-kafka's own: a {@link KafkaConsumerListener} (called on the consumer's thread after every
 * poll) and a {@code SubscribeAdapter} bound as {@value KafkaConstants#KAFKA_SUBSCRIBE_ADAPTER} (to hear about
 * rebalances); camel-kafka itself commits nothing ({@code autoCommitEnable=false}, {@code allowManualCommit=false}).
 * One consumer per route ({@code consumersCount=1}); run more workers to scale out.
 */
public class PipelinedDelivery extends RoutePolicySupport
        implements Processor, CamelContextAware, org.apache.camel.spi.RoutePolicyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PipelinedDelivery.class);

    private String uri;
    private String route;
    private boolean registered;
    private String deadLetterUri;
    private int maxInFlight = 1000;
    private int redeliveries;
    private long redeliveryDelayMs = 500;
    private long maxRedeliveryDelayMs = 10_000;
    private long drainTimeoutMs = 20_000;
    private String groupHeader;
    private int maxInFlightPerGroup = 1;
    private Set<String> deadLetterErrorCodes = Set.of("ValidationException");
    /** Per group: records handed to the producer and records waiting for their turn. Guarded by itself. */
    private final Map<String, GroupGate> gates = new HashMap<>();

    private final OffsetTracker tracker = new OffsetTracker();
    /** The partitions this consumer owns, each with the number of its assignment (a record of an earlier one is stale). */
    private final Map<PartitionId, Integer> owned = new ConcurrentHashMap<>();
    private int assignments;
    private final Map<Pending, ScheduledFuture<?>> awaitingRedelivery = new ConcurrentHashMap<>();
    private final Listener listener = new Listener();
    private volatile boolean assignmentSeen;
    private volatile boolean running = true;
    private CamelContext context;
    private String routeId;
    private volatile AsyncProducer producer;
    private volatile ProducerTemplate deadLetters;
    private volatile ScheduledExecutorService timer;
    /** Only the consumer's thread reads and writes it. */
    private boolean paused;

    /** The producer endpoint the records go to, e.g. {@code aws-partner-events:...}. */
    public void setUri(String uri) {
        this.uri = uri;
    }

    /** Where a record goes after its last redelivery failed, e.g. {@code kafka:orders.dead-letter}; none by default. */
    public void setDeadLetterUri(String deadLetterUri) {
        this.deadLetterUri = deadLetterUri == null || deadLetterUri.isBlank() ? null : deadLetterUri;
    }

    /** Records handed over and not completed at which the consumer pauses its partitions (resumed at half). */
    public void setMaxInFlight(int maxInFlight) {
        if (maxInFlight < 2) {
            throw new IllegalArgumentException("maxInFlight must be at least 2, got " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
    }

    /** How often a failed record is handed to the producer again (-1: until it goes through); 0 by default. */
    public void setRedeliveries(int redeliveries) {
        this.redeliveries = redeliveries;
    }

    public void setRedeliveryDelayMs(long redeliveryDelayMs) {
        this.redeliveryDelayMs = redeliveryDelayMs;
    }

    public void setMaxRedeliveryDelayMs(long maxRedeliveryDelayMs) {
        this.maxRedeliveryDelayMs = maxRedeliveryDelayMs;
    }

    /**
     * How long a revocation waits for the revoked partitions' records in flight before it commits what completed and
     * lets the partitions go. Keep it well below {@code max.poll.interval.ms} (the rebalance waits for it).
     */
    public void setDrainTimeoutMs(long drainTimeoutMs) {
        this.drainTimeoutMs = drainTimeoutMs;
    }

    /**
     * A header naming each record's group (e.g. {@code CamelAwsScnEventGroupId}): then at most
     * {@link #setMaxInFlightPerGroup maxInFlightPerGroup} records of a group are with the producer at a time, the others
     * wait here in order. With 1 (the default) a failed record holds its group: it is sent again before any later
     * record of its group goes out, so a redelivery never overtakes. None by default (no gate).
     */
    public void setGroupHeader(String groupHeader) {
        this.groupHeader = groupHeader == null || groupHeader.isBlank() ? null : groupHeader;
    }

    /**
     * Records of one group with the producer at a time (with a {@link #setGroupHeader group header}). More than 1 lets
     * the producer coalesce them ({@code coalesceRecords}), but a redelivered record may then come after later records
     * of its group.
     */
    public void setMaxInFlightPerGroup(int maxInFlightPerGroup) {
        if (maxInFlightPerGroup < 1) {
            throw new IllegalArgumentException("maxInFlightPerGroup must be at least 1, got " + maxInFlightPerGroup);
        }
        this.maxInFlightPerGroup = maxInFlightPerGroup;
    }

    /**
     * AWS error codes that sending again cannot mend (comma-separated; {@code ValidationException} by default): such a
     * record goes to the dead-letter endpoint at once, whatever {@link #setRedeliveries redeliveries} says.
     */
    public void setDeadLetterErrorCodes(String codes) {
        this.deadLetterErrorCodes = codes == null ? Set.of()
                : java.util.Arrays.stream(codes.split(",")).map(String::trim).filter(c -> !c.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
    }

    /** The offsets in flight, for tests and the dev console. */
    public OffsetTracker tracker() {
        return tracker;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.context = camelContext;
        if (!registered && camelContext != null) {
            registered = true;
            camelContext.addRoutePolicyFactory(this);
        }
    }

    /** The id of the route whose policy this is (and in which it is a step). */
    public void setRoute(String route) {
        this.route = route;
    }

    @Override
    public org.apache.camel.spi.RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId,
                                                              org.apache.camel.NamedNode definition) {
        return routeId != null && routeId.equals(route) ? this : null;
    }

    @Override
    public void onInit(Route route) {
        context = route.getCamelContext();
        routeId = route.getRouteId();
        // DefaultRoute hands this to the kafka consumer (ConsumerListenerAware) when it creates it
        route.setConsumerListener(listener);
        DrainingSubscribeAdapter.install(context).add(this);
    }

    /** One record, on the consumer's thread: tracked, then handed to the producer without waiting for it. */
    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        PartitionId partition = new PartitionId(in.getHeader(KafkaConstants.TOPIC, String.class),
                in.getHeader(KafkaConstants.PARTITION, Integer.class));
        long offset = in.getHeader(KafkaConstants.OFFSET, Long.class);
        if (!assignmentSeen) {
            throw new IllegalStateException("Route " + routeId + ": no partition assignment was seen; set the "
                                            + getClass().getSimpleName() + "'s route property to this route's id");
        }
        Integer assignment = owned.get(partition);
        if (assignment == null) {
            LOG.debug("Record {} of {} not delivered: the partition is no longer this consumer's", offset, partition);
            return;
        }
        tracker.started(partition, offset);
        Object group = groupHeader == null ? null : in.getHeader(groupHeader);
        Pending record = new Pending(partition, assignment, offset, in.getBody(), new HashMap<>(in.getHeaders()),
                group == null ? null : group.toString());
        if (admitToGroup(record)) {
            send(record);
        }
    }

    /** Whether the record may go to the producer now; if not, it waits for its group's earlier records. */
    private boolean admitToGroup(Pending record) {
        if (record.group == null) {
            return true;
        }
        synchronized (gates) {
            GroupGate gate = gates.computeIfAbsent(record.group, g -> new GroupGate());
            if (gate.handedOver < maxInFlightPerGroup) {
                gate.handedOver++;
                return true;
            }
            gate.waiting.addLast(record);
            return false;
        }
    }

    /** The record is done with (delivered, dead-lettered, or given up here): the next of its group may go. */
    private void release(Pending record) {
        Pending next = record;
        while (next != null && next.group != null) {
            Pending current = next;
            next = null;
            synchronized (gates) {
                GroupGate gate = gates.get(current.group);
                if (gate == null) {
                    return;
                }
                gate.handedOver--;
                Pending waiting = gate.waiting.pollFirst();
                if (waiting != null) {
                    gate.handedOver++;
                } else if (gate.handedOver == 0) {
                    gates.remove(current.group);
                }
                next = waiting;
            }
            if (next == null) {
                return;
            }
            if (owns(next) && running()) {
                send(next);
                return;
            }
            // its partition is gone: the next owner delivers it; the one after it is released in turn
            tracker.failed(next.partition, next.offset);
        }
    }

    private void send(Pending record) {
        AsyncProducer target = producer();
        Exchange exchange = target.getEndpoint().createExchange();
        exchange.getMessage().setHeaders(new HashMap<>(record.headers));
        exchange.getMessage().setBody(record.body);
        try {
            target.process(exchange, doneSync -> completed(record, exchange));
        } catch (RuntimeException e) {
            exchange.setException(e);
            completed(record, exchange);
        }
    }

    private void completed(Pending record, Exchange exchange) {
        Exception failure = exchange.getException();
        if (failure == null) {
            tracker.completed(record.partition, record.offset);
            release(record);
            return;
        }
        if (!running() || !owns(record)) {
            // stopping, or the partition is another consumer's now: whoever consumes it next delivers the record
            giveUp(record);
            return;
        }
        record.attempts++;
        boolean mendable = !deadLetterCode(failure);
        if (mendable && (redeliveries < 0 || record.attempts <= redeliveries)) {
            long delay = Math.min(maxRedeliveryDelayMs,
                    redeliveryDelayMs << Math.min(20, record.attempts - 1));
            // an outage fails every record in flight at once: the first redeliveries only at DEBUG
            if (record.attempts >= 3 || LOG.isDebugEnabled()) {
                String message = "Record {} of {} failed ({}), sending it again in {} ms (attempt {})";
                Object[] args = { record.offset, record.partition, SafeMessages.of(failure), delay, record.attempts + 1 };
                if (record.attempts >= 3) {
                    LOG.warn(message, args);
                } else {
                    LOG.debug(message, args);
                }
            }
            // it keeps its group's place: nothing later of its group goes out before it
            try {
                awaitingRedelivery.put(record, timer().schedule(() -> {
                    awaitingRedelivery.remove(record);
                    if (owns(record) && running()) {
                        send(record);
                    } else {
                        giveUp(record);
                    }
                }, delay, TimeUnit.MILLISECONDS));
            } catch (RejectedExecutionException stopping) {
                giveUp(record);
            }
        } else if (deadLetterUri != null) {
            LOG.warn("Record {} of {} failed for good ({}): to the dead-letter endpoint", record.offset,
                    record.partition, SafeMessages.of(failure));
            try {
                timer().execute(() -> deadLetter(record, failure));
            } catch (RejectedExecutionException stopping) {
                giveUp(record);
            }
        } else {
            LOG.warn("Record {} of {} failed for good ({}): its partition is not committed past it", record.offset,
                    record.partition, SafeMessages.of(failure));
            giveUp(record);
        }
    }

    /** The record will not complete here: its partition's commit stays below it. */
    private void giveUp(Pending record) {
        tracker.failed(record.partition, record.offset);
        release(record);
    }

    private boolean deadLetterCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (deadLetterErrorCodes.contains(SafeMessages.errorCode(t))) {
                return true;
            }
        }
        return false;
    }

    private void deadLetter(Pending record, Exception failure) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(KafkaConstants.KEY, record.headers.get(KafkaConstants.KEY));
        headers.put("scaleoutFailedTopic", record.partition.topic());
        headers.put("scaleoutFailedPartition", record.partition.partition());
        headers.put("scaleoutFailedOffset", record.offset);
        headers.put("scaleoutFailure", SafeMessages.of(failure));
        try {
            deadLetters().sendBodyAndHeaders(deadLetterUri, record.body, headers);
            LOG.info("Record {} of {} is on the dead-letter endpoint", record.offset, record.partition);
            tracker.completed(record.partition, record.offset);
            release(record);
        } catch (RuntimeException e) {
            if (owns(record) && running()) {
                LOG.warn("Record {} of {} could not be dead-lettered ({}), trying again", record.offset,
                        record.partition, SafeMessages.of(e));
                try {
                    timer().schedule(() -> deadLetter(record, failure), maxRedeliveryDelayMs, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopping) {
                    giveUp(record);
                }
            } else {
                giveUp(record);
            }
        }
    }

    // --- on the consumer's thread -------------------------------------------------------------------------------

    /** After every poll: commit what completed, pause or resume the partitions. */
    void afterPoll(Consumer<?, ?> consumer) {
        Map<TopicPartition, OffsetAndMetadata> offsets = commitable(tracker.toCommit());
        if (!offsets.isEmpty()) {
            consumer.commitAsync(offsets, (committed, error) -> {
                if (error == null) {
                    committed.forEach((tp, o) -> tracker.committed(id(tp), o.offset()));
                } else {
                    LOG.debug("Commit of {} failed: {}", committed, SafeMessages.of(error));
                }
            });
        }
        int inFlight = tracker.inFlight();
        if (!paused && inFlight >= maxInFlight) {
            paused = true;
            consumer.pause(consumer.assignment());
            LOG.debug("{} records in flight: partitions paused", inFlight);
        } else if (paused && inFlight <= maxInFlight / 2) {
            paused = false;
            consumer.resume(consumer.assignment());
            LOG.debug("{} records in flight: partitions resumed", inFlight);
        }
    }

    /** Whether {@code partition} is this consumer's now. */
    boolean owns(PartitionId partition) {
        return owned.containsKey(partition);
    }

    /** Whether the record's partition is still this consumer's, in the assignment the record was consumed in. */
    private boolean owns(Pending record) {
        Integer assignment = owned.get(record.partition);
        return assignment != null && assignment == record.assignment;
    }

    void assigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assignmentSeen = true;
        assignments++;
        for (PartitionId id : ids(partitions)) {
            owned.put(id, assignments);
        }
        if (paused && !partitions.isEmpty()) {
            consumer.pause(partitions);
        }
        LOG.info("Route {}: assigned {}", routeId, partitions);
    }

    /** Fence, drain, commit, forget: before this returns the new owner cannot start. */
    void revoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<PartitionId> ids = ids(partitions);
        owned.keySet().removeAll(ids);
        failAwaitingRedelivery(ids);
        boolean drained;
        try {
            drained = tracker.awaitIdle(ids, drainTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        Map<PartitionId, Long> last = tracker.revoke(ids);
        Map<TopicPartition, OffsetAndMetadata> offsets = commitable(last);
        try {
            if (!offsets.isEmpty()) {
                consumer.commitSync(offsets);
            }
            LOG.info("Route {}: revoked {}, {}; committed {}", routeId, partitions,
                    drained ? "its records in flight completed" : "records still in flight after " + drainTimeoutMs + " ms",
                    offsets.entrySet().stream().map(e -> e.getKey() + "@" + e.getValue().offset())
                            .collect(Collectors.joining(", ", "[", "]")));
        } catch (RuntimeException e) {
            LOG.warn("Route {}: revoked {}, the commit of {} failed: {}", routeId, partitions, offsets,
                    SafeMessages.of(e));
        }
    }

    void lost(Collection<TopicPartition> partitions) {
        Set<PartitionId> ids = ids(partitions);
        owned.keySet().removeAll(ids);
        failAwaitingRedelivery(ids);
        tracker.revoke(ids);
        LOG.warn("Route {}: lost {} (not committed: they are another consumer's already)", routeId, partitions);
    }

    private void failAwaitingRedelivery(Set<PartitionId> ids) {
        awaitingRedelivery.keySet().removeIf(record -> {
            if (ids.contains(record.partition)) {
                ScheduledFuture<?> future = awaitingRedelivery.get(record);
                if (future != null) {
                    future.cancel(false);
                }
                giveUp(record);
                return true;
            }
            return false;
        });
    }

    boolean ownsConsumer(Consumer<?, ?> consumer) {
        return listener.getConsumer() == consumer;
    }

    private Map<TopicPartition, OffsetAndMetadata> commitable(Map<PartitionId, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> answer = new HashMap<>();
        offsets.forEach((p, o) -> answer.put(new TopicPartition(p.topic(), p.partition()), new OffsetAndMetadata(o)));
        return answer;
    }

    private static Set<PartitionId> ids(Collection<TopicPartition> partitions) {
        Set<PartitionId> ids = new HashSet<>();
        for (TopicPartition tp : partitions) {
            ids.add(id(tp));
        }
        return ids;
    }

    private static PartitionId id(TopicPartition tp) {
        return new PartitionId(tp.topic(), tp.partition());
    }

    // --- life cycle -----------------------------------------------------------------------------------------------

    private AsyncProducer producer() {
        AsyncProducer answer = producer;
        if (answer == null) {
            synchronized (this) {
                if (producer == null) {
                    Endpoint endpoint = context.getEndpoint(uri);
                    try {
                        AsyncProducer created = endpoint.createAsyncProducer();
                        // a service of the context: stopped after the routes, so what is in flight can finish
                        context.addService(created, true, true);
                        producer = created;
                    } catch (Exception e) {
                        throw new IllegalStateException("Cannot create the producer of " + endpoint, e);
                    }
                }
                answer = producer;
            }
        }
        return answer;
    }

    private synchronized ProducerTemplate deadLetters() {
        if (deadLetters == null) {
            deadLetters = context.createProducerTemplate();
        }
        return deadLetters;
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            // an unbounded queue: in an outage every record in flight may wait for its redelivery at once (Camel's
            // default profile refuses tasks beyond 1,000 queued, and a refused redelivery would leave its record open)
            ThreadPoolProfile profile = new ThreadPoolProfile("PipelinedDelivery");
            profile.setPoolSize(1);
            profile.setMaxQueueSize(-1);
            profile.addDefaults(context.getExecutorServiceManager().getDefaultThreadPoolProfile());
            timer = context.getExecutorServiceManager().newScheduledThreadPool(this, "PipelinedDelivery", profile);
        }
        return timer;
    }

    @Override
    public void onStart(Route route) {
        running = true;
    }

    @Override
    public void onStop(Route route) {
        running = false;
    }

    @Override
    public void onSuspend(Route route) {
        running = false;
    }

    @Override
    public void onResume(Route route) {
        running = true;
    }

    /** Whether the route runs: a failure while it stops is left to the partition's next consumer. */
    private boolean running() {
        return running && !context.isStopping();
    }

    /** A record handed to the producer: what it needs to be sent again or dead-lettered. */
    private static final class Pending {
        final PartitionId partition;
        final int assignment;
        final long offset;
        final Object body;
        final Map<String, Object> headers;
        final String group;
        int attempts;

        Pending(PartitionId partition, int assignment, long offset, Object body, Map<String, Object> headers,
                String group) {
            this.partition = partition;
            this.assignment = assignment;
            this.offset = offset;
            this.body = body;
            this.headers = headers;
            this.group = group;
        }
    }

    /** One group's place at the producer: how many of its records are there, and which wait, in order. */
    private static final class GroupGate {
        int handedOver;
        final java.util.ArrayDeque<Pending> waiting = new java.util.ArrayDeque<>();
    }

    /** camel-kafka calls it on the consumer's thread after every poll. */
    private final class Listener extends KafkaConsumerListener {

        @Override
        public boolean afterConsume(Object consumer) {
            afterPoll((Consumer<?, ?>) consumer);
            return true; // never skip a poll's records: they are processed and tracked
        }

        @Override
        public boolean afterProcess(ProcessingResult result) {
            return true; // failures are handled per record, never by pausing the whole consumer
        }
    }
}
