package io.github.camelawsevents.scaleout;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.testsupport.EmulatorControl;
import io.github.camelawsevents.aws.testsupport.JitQuiet;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/**
 * One scenario: topics of {@code PARTITIONS} partitions for Supply Chain records and partner events, N workers
 * consuming both, the emulator with faults and 20 ms latency, and at 40 % one thing happening (a worker killed and a
 * new one started, a worker added, the emulator unreachable for a while). Event {@code n} of a component is
 * identifiable: the Supply Chain record {@code {"order_id":"o-n","tpartner_id":"p1","grp":"gXX","seq":k,"n":n}} (the
 * k-th record of group gXX), keyed by its group, and the partner Detail {@code {"n":n,"grp":"gXX","seq":k}}, keyed by
 * its number (EventBridge keeps no order, so nothing needs a key to stay together). After the run every event the
 * emulator stored is read back and checked event by event.
 */
final class ScaleOutScenario {

    static final int PARTITIONS = 12;
    static final int GROUPS = 64;
    static final String INSTANCE = "8928ae12-15e5-4441-825d-ec2184f0a43a";

    enum Happening { NONE, KILL_AND_REPLACE, ADD_WORKER, EMULATOR_OUTAGE, PAUSE_PAST_SESSION_TIMEOUT }

    record Options(String name, String description, int workers, Happening happening, boolean coalesceRecords,
            boolean checkInvariants, boolean atSupplyChainProgress) {

        Options(String name, String description, int workers, Happening happening, boolean coalesceRecords,
                boolean checkInvariants) {
            this(name, description, workers, happening, coalesceRecords, checkInvariants, false);
        }
    }

    private final KafkaBroker broker;
    private final Emulator emulator;
    private final long seed;
    private final int perComponent;
    private final Options options;
    private final Duration outage;
    /** The workers' session timeout: a killed or stopped worker's partitions move after it. */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);
    private final Duration deadline;
    /** Events per component of one warm-up round: 5 % of them. */
    private final int warmUpRound;
    /**
     * Warm-up rounds at most: at the throughput sizes (C2 on) rounds run until the workers' compilers were quiet during
     * one, at most 20 % of the events; at the reduced size (C1 only) one round.
     */
    static final int MAX_WARM_UP_ROUNDS = 4;

    ScaleOutScenario(KafkaBroker broker, Emulator emulator, long seed, int perComponent, Options options,
            Duration outage, Duration deadline) {
        this.broker = broker;
        this.emulator = emulator;
        this.seed = seed;
        this.perComponent = perComponent;
        this.options = options;
        this.outage = outage;
        this.deadline = deadline;
        this.warmUpRound = Math.max(1, perComponent / 20);
    }

    /** Where the scenario's wall time goes: each step's end, in seconds from the scenario's start. */
    private final StringBuilder phases = new StringBuilder();
    private final long begun = System.nanoTime();

    private void phase(String step) {
        phases.append(phases.length() == 0 ? "" : ", ").append(step).append(' ')
                .append(Math.round((System.nanoTime() - begun) / 1e8) / 10.0);
    }

    /** The faults: throttling, 5xx and lost responses on both APIs, 20 ms latency on every answer. */
    static String faults() {
        return "[{\"appliesTo\":[\"SUPPLY_CHAIN\"],\"requestThrottleRate\":0.05,\"serverErrorRate\":0.02,"
               + "\"lostResponseRate\":0.01,\"latencyMs\":20},"
               + "{\"appliesTo\":[\"PARTNER_EVENTS\"],\"requestThrottleRate\":0.02,\"serverErrorRate\":0.02,"
               + "\"lostResponseRate\":0.01,\"entryThrottleRate\":0.05,\"latencyMs\":20}]";
    }

    ScenarioResult run() throws Exception {
        String scnTopic = options.name() + "-scn";
        String partnerTopic = options.name() + "-partner";
        String scnGroup = options.name() + "-scn-workers";
        String partnerGroup = options.name() + "-partner-workers";
        broker.createTopics(PARTITIONS, scnTopic, partnerTopic);
        // the workers' dead-letter topics (the broker does not create topics on first use)
        broker.createTopics(1, scnTopic + ".dead-letter", partnerTopic + ".dead-letter");
        emulator.reset();
        emulator.faults(faults());

        OutageProxy proxy = options.happening() == Happening.EMULATOR_OUTAGE
                ? new OutageProxy(new InetSocketAddress(emulator.endpoint().getHost(), emulator.endpoint().getPort()))
                : null;
        URI awsEndpoint = proxy == null ? emulator.endpoint() : URI.create("http://127.0.0.1:" + proxy.port());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("scaleout.scn.topic", scnTopic);
        settings.put("scaleout.partner.topic", partnerTopic);
        settings.put("scaleout.scn.consumerGroup", scnGroup);
        settings.put("scaleout.partner.consumerGroup", partnerGroup);
        settings.put("scaleout.scn.instanceId", INSTANCE);
        settings.put("camel.component.aws-scn-event.coalesce-records", Boolean.toString(options.coalesceRecords()));
        if (options.coalesceRecords()) {
            // a group's records must wait at the producer to be coalesced
            settings.put("scaleout.scn.maxInFlightPerGroup", "1000");
        }

        ScenarioResult r = new ScenarioResult(options.name(), options.description());
        List<Worker> workers = new ArrayList<>();
        long[] scnOffset = new long[perComponent];
        int[] scnPartition = new int[perComponent];
        long[] partnerOffset = new long[perComponent];
        int[] partnerPartition = new int[perComponent];
        Map<Integer, Long> scnCommittedAtEvent = null;
        Map<Integer, Long> partnerCommittedAtEvent = null;
        String happened = "";
        long started;
        Map<String, Double> cpuAtStart = Map.of();
        long scnDone = -1;
        long partnerDone = -1;
        int warmedUp = warmUpRound;
        try {
            for (int i = 0; i < options.workers(); i++) {
                workers.add(Worker.start(options.name() + "-worker-" + i, broker.bootstrap(), awsEndpoint, settings));
            }
            phase("topics and JVMs launched");
            workers.forEach(Worker::awaitStarted);
            phase("Camel started");
            awaitAssigned(scnGroup, options.workers());
            awaitAssigned(partnerGroup, options.workers());
            phase("groups stable");

            // the warm-up: the first events of both components, fed and delivered before the clock starts, so every
            // worker has loaded and compiled its delivery path and the timed part measures delivery, not JVM start-up
            // (on a machine with fewer cores than JVMs, fresh JVMs compiling at once share the cores). At the
            // throughput sizes (C2 on) in rounds of 5 %, until the workers' compilers were quiet during a round: an
            // idle worker compiles nothing, so only a round under load tells
            int[] nextSeq = new int[GROUPS];
            long warmUpDeadline = System.nanoTime() + deadline.toNanos();
            JitQuiet.WarmUp w = warmUp(workers, (from, to) -> {
                feed(scnTopic, partnerTopic, from, to, nextSeq, scnPartition, scnOffset, partnerPartition,
                        partnerOffset);
                awaitCommitted(scnGroup, scnTopic, partnerGroup, partnerTopic, warmUpDeadline);
            });
            warmedUp = w.rounds() * warmUpRound;
            r.metric("warm-up", describe(w));
            phase("warm-up committed");

            // then the rest, as fast as the broker takes them; the clock starts with its first record
            cpuAtStart = cpu(workers);
            started = System.nanoTime();
            feed(scnTopic, partnerTopic, warmedUp, perComponent, nextSeq, scnPartition, scnOffset, partnerPartition,
                    partnerOffset);
            long deadlineAt = System.nanoTime() + deadline.toNanos();
            phase("fed");

            if (options.happening() != Happening.NONE) {
                // at 40 % of the records of the component that gets there first (so both are still in flight), or of
                // the Supply Chain records; counted as stored, which lands in the middle of a batch, except for
                // coalesced Supply Chain events (an event carries many records), counted as committed records
                await("40 % of one component's records delivered").atMost(deadline)
                        .pollInterval(50, TimeUnit.MILLISECONDS)
                        .until(() -> {
                            JsonNode st = emulator.stats();
                            long scn = options.coalesceRecords() ? sum(broker.committed(scnGroup, scnTopic, PARTITIONS))
                                    : st.path("supplyChainEvents").asLong();
                            long partner = options.atSupplyChainProgress() ? 0 : st.path("partnerEvents").asLong();
                            return Math.max(scn, partner) >= perComponent * 4L / 10;
                        });
                switch (options.happening()) {
                    case KILL_AND_REPLACE -> {
                        Worker victim = workers.get(0);
                        victim.kill();
                        // nothing the dead worker did can change the committed offsets any more
                        scnCommittedAtEvent = broker.committed(scnGroup, scnTopic, PARTITIONS);
                        partnerCommittedAtEvent = broker.committed(partnerGroup, partnerTopic, PARTITIONS);
                        happened = victim.name() + " killed (SIGKILL) at "
                                   + percentStored(scnGroup, scnTopic, partnerGroup, partnerTopic);
                        Worker replacement = Worker.start(options.name() + "-worker-new", broker.bootstrap(),
                                awsEndpoint, settings);
                        workers.add(replacement);
                        replacement.awaitStarted();
                    }
                    case ADD_WORKER -> {
                        scnCommittedAtEvent = broker.committed(scnGroup, scnTopic, PARTITIONS);
                        partnerCommittedAtEvent = broker.committed(partnerGroup, partnerTopic, PARTITIONS);
                        happened = "worker added at "
                                   + percentStored(scnGroup, scnTopic, partnerGroup, partnerTopic);
                        Worker added = Worker.start(options.name() + "-worker-added", broker.bootstrap(), awsEndpoint,
                                settings);
                        workers.add(added);
                        added.awaitStarted();
                    }
                    case EMULATOR_OUTAGE -> {
                        scnCommittedAtEvent = broker.committed(scnGroup, scnTopic, PARTITIONS);
                        partnerCommittedAtEvent = broker.committed(partnerGroup, partnerTopic, PARTITIONS);
                        happened = "emulator unreachable for " + outage.toSeconds() + " s from "
                                   + percentStored(scnGroup, scnTopic, partnerGroup, partnerTopic);
                        proxy.down();
                        // the length of the outage is the fault itself, not a wait for something to happen
                        Thread.sleep(outage.toMillis());
                        proxy.up();
                    }
                    case PAUSE_PAST_SESSION_TIMEOUT -> {
                        Worker paused = workers.get(0);
                        paused.pause();
                        long pausedAt = System.nanoTime();
                        // a stopped JVM commits nothing: these are the offsets its partitions' next owners start from
                        scnCommittedAtEvent = broker.committed(scnGroup, scnTopic, PARTITIONS);
                        partnerCommittedAtEvent = broker.committed(partnerGroup, partnerTopic, PARTITIONS);
                        String at = percentStored(scnGroup, scnTopic, partnerGroup, partnerTopic);
                        // it stands still until both groups dropped it (past session.timeout.ms: a stopped JVM sends
                        // no heartbeat) and gave all its partitions to the others, then wakes up with its records
                        // in flight; no fixed length, the condition is the fault
                        awaitAssigned(scnGroup, options.workers() - 1);
                        awaitAssigned(partnerGroup, options.workers() - 1);
                        paused.resume();
                        happened = paused.name() + " paused (SIGSTOP) for "
                                   + seconds(System.nanoTime() - pausedAt) + " s, until both groups had moved its"
                                   + " partitions to the others past the " + SESSION_TIMEOUT.toSeconds()
                                   + " s session timeout, at " + at;
                    }
                    default -> throw new IllegalStateException();
                }
                phase("happening over");
            }

            // done = every record of a topic committed: the workers commit only what AWS accepted
            Map<Integer, Long> scnEnd = broker.endOffsets(scnTopic, PARTITIONS);
            Map<Integer, Long> partnerEnd = broker.endOffsets(partnerTopic, PARTITIONS);
            // polled at 50 ms until both topics are fully committed or the deadline passes; each is timed when done
            long[] done = { -1, -1 };
            String scnGroupId = scnGroup;
            String partnerGroupId = partnerGroup;
            try {
                await().atMost(Duration.ofNanos(Math.max(1, deadlineAt - System.nanoTime())))
                        .pollInterval(50, TimeUnit.MILLISECONDS).until(() -> {
                            if (done[0] < 0 && broker.committed(scnGroupId, scnTopic, PARTITIONS).equals(scnEnd)) {
                                done[0] = System.nanoTime();
                            }
                            if (done[1] < 0
                                    && broker.committed(partnerGroupId, partnerTopic, PARTITIONS).equals(partnerEnd)) {
                                done[1] = System.nanoTime();
                            }
                            return done[0] >= 0 && done[1] >= 0;
                        });
            } catch (org.awaitility.core.ConditionTimeoutException timedOut) {
                // reported below as not done within the deadline
            }
            scnDone = done[0];
            partnerDone = done[1];
            phase("all committed");
            if (scnDone < 0 || partnerDone < 0) {
                workers.forEach(Worker::dumpThreads);
            }
            r.metric("workers alive at the end", workers.stream().filter(Worker::isAlive).count());
            r.metric("cpu", cpuReport(cpuAtStart, cpu(workers), System.nanoTime() - started));
        } finally {
            Worker.closeAll(workers);
            if (proxy != null) {
                proxy.close();
            }
            phase("workers ended");
        }
        JsonNode stats = emulator.stats();
        emulator.clearFaults();
        long scnDeadLettered = sum(broker.endOffsets(scnTopic + ".dead-letter", 1));
        long partnerDeadLettered = sum(broker.endOffsets(partnerTopic + ".dead-letter", 1));

        r.metric("workers", options.workers());
        r.metric("scn dead-lettered", scnDeadLettered);
        r.metric("partner dead-lettered", partnerDeadLettered);
        r.metric("happening", happened.isEmpty() ? "none" : happened);
        r.metric("events per component", perComponent);
        r.metric("coalesceRecords", options.coalesceRecords());
        r.metric("scn time (s)", scnDone < 0 ? "timed out" : seconds(scnDone - started));
        r.metric("partner time (s)", partnerDone < 0 ? "timed out" : seconds(partnerDone - started));
        int timed = perComponent - warmedUp;
        r.metric("warm-up events per component (not timed)", warmedUp);
        r.metric("scn events/s", scnDone < 0 ? 0 : Math.round(timed / ((scnDone - started) / 1e9)));
        r.metric("partner events/s", partnerDone < 0 ? 0 : Math.round(timed / ((partnerDone - started) / 1e9)));
        long lostResponses = stats.path("faults").path("LOST_RESPONSE").asLong();
        r.metric("faults: throttled", stats.path("faults").path("REQUEST_THROTTLED").asLong());
        r.metric("faults: 5xx", stats.path("faults").path("SERVER_ERROR").asLong());
        r.metric("faults: lost responses", lostResponses);
        r.metric("faults: entries throttled", stats.path("failedEntriesByErrorCode").path("ThrottlingException").asLong());
        r.metric("idempotent replays", stats.path("idempotentReplays").asLong());
        if (proxy != null) {
            r.metric("connections cut by the outage", proxy.cutConnections());
        }
        r.check("every record of both topics committed within the deadline", scnDone >= 0 && partnerDone >= 0,
                "scn " + (scnDone >= 0 ? "done" : "not done") + ", partner " + (partnerDone >= 0 ? "done" : "not done"));

        checkSupplyChain(r, scnPartition, scnOffset, scnCommittedAtEvent);
        checkPartner(r, partnerPartition, partnerOffset, partnerCommittedAtEvent, lostResponses,
                proxy == null ? 0 : proxy.cutConnections());
        phase("checked");
        r.metric("wall time (s)", phases);
        return r;
    }

    /**
     * The reference row: the same producers fed by {@code seda:} in one JVM ({@link SedaReference}), the same events,
     * faults and latency, no Kafka. Checked like the scenarios (no event is consumed again, so every partner duplicate
     * must come from a lost answer).
     */
    ScenarioResult runSedaReference() throws Exception {
        emulator.reset();
        emulator.faults(faults());
        ScenarioResult r = new ScenarioResult(options.name(), options.description());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("scaleout.scn.instanceId", INSTANCE);
        settings.put("camel.component.aws-scn-event.coalesce-records", Boolean.toString(options.coalesceRecords()));
        // the Java routes of SedaReference only, not the worker's YAML routes
        settings.put("camel.main.routes-include-pattern", "classpath:routes/none-*.yaml");
        settings.put("reference.events", Integer.toString(perComponent));
        settings.put("reference.seed", Long.toString(seed));
        settings.put("reference.warmUpRounds", Integer.toString(ChildJvm.quickStart() ? 1 : MAX_WARM_UP_ROUNDS));
        String line;
        double emulatorCpu = emulator.cpuSeconds();
        long begin = System.nanoTime();
        try (Worker reference = Worker.start(options.name(), "127.0.0.1:1", emulator.endpoint(), settings,
                SedaReference.class.getName())) {
            line = reference.awaitLine("seda reference done:", deadline.toSeconds());
            phase("done");
            r.metric("cpu", cpuReport(Map.of("emulator", emulatorCpu), Map.of("reference JVM (from its start)",
                    reference.cpuSeconds(), "emulator", emulator.cpuSeconds()), System.nanoTime() - begin));
            // its work is done and in the emulator, and it commits nothing: SIGKILL, not a graceful stop (the stop
            // and the checks took 18 s at 40,000 events)
            reference.kill();
        }
        phase("JVM ended");
        String[] words = line.substring(line.indexOf("seda reference done:")).split(" ");
        long scnNanos = Long.parseLong(words[4]);
        long partnerNanos = Long.parseLong(words[6]);
        int warmedUp = Integer.parseInt(words[10]);
        int timed = perComponent - warmedUp;
        JsonNode stats = emulator.stats();
        emulator.clearFaults();
        r.metric("workers", "1 JVM, seda");
        r.metric("happening", "none");
        r.metric("events per component", perComponent);
        r.metric("coalesceRecords", options.coalesceRecords());
        r.metric("scn time (s)", seconds(scnNanos));
        r.metric("partner time (s)", seconds(partnerNanos));
        r.metric("warm-up", line.substring(line.indexOf("warm-up: ") + "warm-up: ".length()));
        r.metric("warm-up events per component (not timed)", warmedUp);
        r.metric("scn events/s", Math.round(timed / (scnNanos / 1e9)));
        r.metric("partner events/s", Math.round(timed / (partnerNanos / 1e9)));
        r.metric("scn failed for good", Long.parseLong(words[8]));
        long lostResponses = stats.path("faults").path("LOST_RESPONSE").asLong();
        r.metric("faults: throttled", stats.path("faults").path("REQUEST_THROTTLED").asLong());
        r.metric("faults: 5xx", stats.path("faults").path("SERVER_ERROR").asLong());
        r.metric("faults: lost responses", lostResponses);
        r.metric("faults: entries throttled", stats.path("failedEntriesByErrorCode").path("ThrottlingException").asLong());
        r.metric("idempotent replays", stats.path("idempotentReplays").asLong());
        checkSupplyChain(r, new int[perComponent], new long[perComponent], null);
        checkPartner(r, new int[perComponent], new long[perComponent], null, lostResponses, 0);
        phase("checked");
        r.metric("wall time (s)", phases);
        return r;
    }

    /** CPU seconds used so far by every process of the scenario (a killed worker's stop counting when it dies). */
    private Map<String, Double> cpu(List<Worker> workers) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (Worker w : workers) {
            if (w.isAlive()) {
                cpu.put(w.name().substring(options.name().length() + 1), w.cpuSeconds());
            }
        }
        cpu.put("emulator", emulator.cpuSeconds());
        cpu.put("broker", broker.cpuSeconds());
        cpu.put("test JVM (feeder, checks)", ProcessHandle.current().info().totalCpuDuration()
                .map(d -> d.toMillis() / 1000.0).orElse(-1.0));
        return cpu;
    }

    /** CPU seconds per process between two readings, and as a share of the wall time on all cores. */
    static String cpuReport(Map<String, Double> before, Map<String, Double> after, long wallNanos) {
        double wall = wallNanos / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder sb = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> e : after.entrySet()) {
            double used = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            total += used;
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                    .append(Math.round(used * 10) / 10.0).append(" s");
        }
        return sb.append(" (all ").append(Math.round(total * 10) / 10.0).append(" s of ")
                .append(Math.round(wall * cores * 10) / 10.0).append(" core-s in ").append(Math.round(wall * 10) / 10.0)
                .append(" s on ").append(cores).append(" cores, load average ").append(loadAverage()).append(")")
                .toString();
    }

    /** The 1-minute load average: the machine is shared, so every number comes with it. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** Waits until both consumer groups committed everything fed so far (the warm-up). */
    private void awaitCommitted(String scnGroup, String scnTopic, String partnerGroup, String partnerTopic,
            long deadlineAt) throws Exception {
        Map<Integer, Long> scnEnd = broker.endOffsets(scnTopic, PARTITIONS);
        Map<Integer, Long> partnerEnd = broker.endOffsets(partnerTopic, PARTITIONS);
        await("the warm-up committed").atMost(Duration.ofNanos(Math.max(1, deadlineAt - System.nanoTime())))
                .pollInterval(50, TimeUnit.MILLISECONDS)
                .until(() -> broker.committed(scnGroup, scnTopic, PARTITIONS).equals(scnEnd)
                             && broker.committed(partnerGroup, partnerTopic, PARTITIONS).equals(partnerEnd));
    }

    private String percentStored(String scnGroup, String scnTopic, String partnerGroup, String partnerTopic)
            throws Exception {
        JsonNode st = emulator.stats();
        return "Supply Chain " + percent(st.path("supplyChainEvents").asLong()) + " stored ("
               + percent(sum(broker.committed(scnGroup, scnTopic, PARTITIONS))) + " committed), partner "
               + percent(st.path("partnerEvents").asLong()) + " stored ("
               + percent(sum(broker.committed(partnerGroup, partnerTopic, PARTITIONS))) + " committed)";
    }

    private String percent(long records) {
        return Math.round(100.0 * records / perComponent) + " %";
    }

    private static long sum(Map<Integer, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e7) / 100.0;
    }

    private void awaitAssigned(String group, int members) {
        await(group + " stable with " + members + " members owning all partitions").atMost(Duration.ofSeconds(90))
                .pollInterval(100, TimeUnit.MILLISECONDS)
                .until(() -> broker.stableMembersWithPartitions(group).size() == Math.min(members, PARTITIONS)
                             && broker.assignedPartitions(group) == PARTITIONS);
    }

    /** Feeds and delivers events [from, to) of both components: one warm-up round. */
    @FunctionalInterface
    interface WarmUpRound {
        void run(int from, int to) throws Exception;
    }

    /**
     * The warm-up ({@link JitQuiet#warmUp}): rounds of {@link #warmUpRound} events per component until the workers'
     * compilers were quiet during one, at most {@link #MAX_WARM_UP_ROUNDS}; one round at the reduced size.
     */
    private JitQuiet.WarmUp warmUp(List<Worker> workers, WarmUpRound round) throws Exception {
        List<JitQuiet.CompileClock> clocks = new ArrayList<>();
        try {
            if (!ChildJvm.quickStart()) {
                for (Worker w : workers) {
                    clocks.add(JitQuiet.attached(w.pid()));
                }
            }
            return JitQuiet.warmUp(clocks, 1, MAX_WARM_UP_ROUNDS, i -> round.run(i * warmUpRound, (i + 1) * warmUpRound));
        } finally {
            for (JitQuiet.CompileClock c : clocks) {
                c.close();
            }
        }
    }

    /** What a warm-up did, for the results. */
    static String describe(JitQuiet.WarmUp w) {
        return w.rounds() + (w.rounds() == 1 ? " round" : " rounds") + (w.lastRoundCompiledMillis().isEmpty() ? ""
                : ", the last " + w.lastRoundMillis() + " ms long with " + w.lastRoundCompiledMillis()
                  + " ms compiling per JVM (" + (w.quiet() ? "quiet" : "not quiet: out of rounds") + ")");
    }

    /** Feeds events {@code from} (inclusive) to {@code to} (exclusive) of both components; keeps their coordinates. */
    private void feed(String scnTopic, String partnerTopic, int from, int to, int[] nextSeq, int[] scnPartition,
            long[] scnOffset, int[] partnerPartition, long[] partnerOffset) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int n = from; n < to; n++) {
                int group = group(n);
                int seq = nextSeq[group]++;
                String g = groupId(group);
                final int i = n;
                producer.send(new ProducerRecord<>(scnTopic, g, scnRecord(n, g, seq)), (md, e) -> {
                            if (e != null) {
                                failure.set(e);
                            } else {
                                scnPartition[i] = md.partition();
                                scnOffset[i] = md.offset();
                            }
                        });
                // keyed by the event, so partner events spread evenly over the partitions: 64 group keys hashed
                // into 12 partitions gave the busiest of three workers 35.9 % of them (full size), which alone
                // capped three workers at 2.79x one
                producer.send(new ProducerRecord<>(partnerTopic, partnerKey(n), partnerDetail(n, g, seq)), (md, e) -> {
                            if (e != null) {
                                failure.set(e);
                            } else {
                                partnerPartition[i] = md.partition();
                                partnerOffset[i] = md.offset();
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    int group(long n) {
        return groupOf(seed, n);
    }

    /** The group of event {@code n}: a seeded hash over {@link #GROUPS} groups. */
    static int groupOf(long seed, long n) {
        return (int) Long.remainderUnsigned(mix64(seed * 0x9E3779B97F4A7C15L + n), GROUPS);
    }

    /** The Kafka key of partner event {@code n}. */
    static String partnerKey(int n) {
        return "e-" + n;
    }

    /** Supply Chain record {@code n}, the {@code seq}-th of group {@code g}. */
    static String scnRecord(int n, String g, int seq) {
        return "{\"order_id\":\"o-" + n + "\",\"tpartner_id\":\"p1\",\"grp\":\"" + g + "\",\"seq\":" + seq + ",\"n\":"
               + n + "}";
    }

    /** Partner event {@code n}'s Detail, the {@code seq}-th of group {@code g}. */
    static String partnerDetail(int n, String g, int seq) {
        return "{\"n\":" + n + ",\"grp\":\"" + g + "\",\"seq\":" + seq + "}";
    }

    static String groupId(int group) {
        return String.format("g%02d", group);
    }

    private void checkSupplyChain(ScenarioResult r, int[] partition, long[] offset, Map<Integer, Long> committedAtEvent) {
        BitSet stored = new BitSet(perComponent);
        long[] total = {0};
        long[] duplicates = {0};
        long[] wrongGroup = {0};
        long[] duplicatesReconsumed = {0};
        Map<String, long[]> lastSeq = new HashMap<>();
        long[] orderViolations = {0};
        emulator.forEachScnEvent(INSTANCE, e -> {
            String data = e.path("data").asText();
            String group = e.path("eventGroupId").asText();
            // a coalesced event carries several records: each is one of ours
            for (JsonNode record : records(data)) {
                total[0]++;
                int n = record.path("n").asInt(-1);
                long seq = record.path("seq").asLong(-1);
                if (n < 0 || n >= perComponent || !group.equals(groupId(group(n)))) {
                    wrongGroup[0]++;
                    continue;
                }
                if (stored.get(n)) {
                    duplicates[0]++;
                    if (committedAtEvent != null && offset[n] >= committedAtEvent.get(partition[n])) {
                        duplicatesReconsumed[0]++;
                    }
                    continue;
                }
                stored.set(n);
                long[] last = lastSeq.computeIfAbsent(group, g -> new long[] {-1});
                if (seq < last[0]) {
                    orderViolations[0]++;
                }
                last[0] = Math.max(last[0], seq);
            }
        });
        BitSet lost = new BitSet(perComponent);
        lost.set(0, perComponent);
        lost.andNot(stored);
        r.metric("scn stored", total[0]);
        r.metric("scn stored distinct", stored.cardinality());
        r.metric("scn lost", lost.cardinality());
        r.metric("scn duplicates", duplicates[0]);
        r.metric("scn duplicates of records consumed again", duplicatesReconsumed[0]);
        r.metric("scn order violations", orderViolations[0]);
        r.metric("scn groups", lastSeq.size());
        double inOrder = lastSeq.isEmpty() ? 0 : 100.0 * (stored.cardinality() - orderViolations[0]) / Math.max(1,
                stored.cardinality());
        r.metric("scn per-group order %", Math.round(inOrder * 1000) / 1000.0);
        if (options.checkInvariants()) {
            r.check("Supply Chain: 0 lost", lost.isEmpty(), lost.cardinality() + " lost" + sample(lost));
            r.check("Supply Chain: 0 duplicates", duplicates[0] == 0, duplicates[0] + " duplicates");
            r.check("Supply Chain: per-group order 100 %", orderViolations[0] == 0,
                    orderViolations[0] + " records received after a later record of their group");
            r.check("Supply Chain: every record in its own group", wrongGroup[0] == 0, wrongGroup[0] + " elsewhere");
        }
    }

    private static List<JsonNode> records(String data) {
        try {
            JsonNode node = EmulatorControl.JSON.readTree(data);
            List<JsonNode> out = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(out::add);
            } else {
                out.add(node);
            }
            return out;
        } catch (Exception e) {
            return List.of();
        }
    }

    private void checkPartner(ScenarioResult r, int[] partition, long[] offset, Map<Integer, Long> committedAtEvent,
            long lostResponses, int cutConnections) {
        BitSet stored = new BitSet(perComponent);
        long[] total = {0};
        long[] duplicates = {0};
        long[] reconsumed = {0};
        long[] foreign = {0};
        emulator.forEachPartnerEvent(e -> {
            total[0]++;
            String detail = e.path("detail").asText();
            int n = (int) number(detail, "n");
            if (n < 0 || n >= perComponent) {
                foreign[0]++;
                return;
            }
            if (stored.get(n)) {
                duplicates[0]++;
                if (committedAtEvent != null && offset[n] >= committedAtEvent.get(partition[n])) {
                    reconsumed[0]++;
                }
                return;
            }
            stored.set(n);
        });
        BitSet lost = new BitSet(perComponent);
        lost.set(0, perComponent);
        lost.andNot(stored);
        long others = duplicates[0] - reconsumed[0];
        // a request whose answer never came holds at most 20 entries, and the SDK sends it again
        long othersBound = 20L * (lostResponses + cutConnections);
        r.metric("partner stored", total[0]);
        r.metric("partner stored distinct", stored.cardinality());
        r.metric("partner lost", lost.cardinality());
        r.metric("partner duplicates", duplicates[0]);
        r.metric("partner duplicates of records consumed again", reconsumed[0]);
        r.metric("partner other duplicates (lost answers)", others);
        r.metric("partner records past the committed offsets at the event",
                committedAtEvent == null ? 0 : countPast(partition, offset, committedAtEvent));
        if (options.checkInvariants()) {
            r.check("partner events: 0 lost", lost.isEmpty(), lost.cardinality() + " lost" + sample(lost));
            r.check("partner events: duplicates only for records consumed again after the event (offset at or past the"
                    + " committed offset) or for requests whose answer was lost (at most 20 entries each)",
                    others <= othersBound, reconsumed[0] + " re-consumed, " + others + " others, bound " + othersBound
                    + " (" + lostResponses + " lost answers, " + cutConnections + " cut connections)");
            r.check("partner events: nothing stored that was not sent", foreign[0] == 0, foreign[0] + " foreign");
        }
    }

    private long countPast(int[] partition, long[] offset, Map<Integer, Long> committed) {
        long c = 0;
        for (int n = 0; n < perComponent; n++) {
            if (offset[n] >= committed.get(partition[n])) {
                c++;
            }
        }
        return c;
    }

    static long number(String json, String name) {
        String key = "\"" + name + "\":";
        int at = json == null ? -1 : json.indexOf(key);
        if (at < 0) {
            return -1;
        }
        int i = at + key.length();
        long value = 0;
        boolean any = false;
        while (i < json.length() && Character.isDigit(json.charAt(i))) {
            value = value * 10 + (json.charAt(i++) - '0');
            any = true;
        }
        return any ? value : -1;
    }

    private static String sample(BitSet set) {
        if (set.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (e.g. n=");
        int shown = 0;
        for (int i = set.nextSetBit(0); i >= 0 && shown < 5; i = set.nextSetBit(i + 1), shown++) {
            sb.append(shown > 0 ? "," : "").append(i);
        }
        return sb.append(')').toString();
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
