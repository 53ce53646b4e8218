package io.github.camelawsevents.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.scn.AwsScnEventConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * AWS Supply Chain through {@code aws-scn-event:}: events over {@code groups} event groups, sent through a SEDA route
 * with one consumer thread into the producer with {@code preserveOrder} (the default), the SDK's STANDARD retries
 * with {@code maxAttempts}, and Camel redelivery plus a dead-letter channel for what exhausts them. Event {@code n} is
 * the record {@code {"order_id":"o-n","tpartner_id":"p1","grp":"gXX","seq":k,"n":n}}: the k-th event of its group.
 * <p>
 * Checked against the emulator's store (every accepted event, in receipt order): every valid event stored exactly
 * once, in send order within its group; every garbage event in the dead-letter channel exactly once; nothing else
 * there.
 */
public final class ScnScenario extends RouteScenario {

    public static final String INSTANCE = "8928ae12-15e5-4441-825d-ec2184f0a43a";
    public static final String EVENT_TYPE = "scn.data.inboundorder";
    private static final String SEDA = "seda:scn-in?size=200&blockWhenFull=true";

    /** How a run is set up. */
    public record Options(String name, String description, int groups, Faults faults, int maxAttempts,
            int maxInFlightRequests, int redeliveries, int garbagePerMille, double stopAt, Duration timeout,
            int shutdownTimeoutSeconds, boolean feedWhileStopping, boolean coalesceRecords) {
    }

    private final Options options;
    private final int[] nextSeq;

    private ScnScenario(EmulatorHandle emulator, long seed, int events, Options options) {
        super(emulator, seed, events);
        this.options = options;
        this.nextSeq = new int[options.groups()];
        this.shutdownTimeoutSeconds = options.shutdownTimeoutSeconds();
        this.feedWhileStopping = options.feedWhileStopping();
    }

    public static ScenarioResult run(EmulatorHandle emulator, long seed, int events, Options options) throws Exception {
        return new ScnScenario(emulator, seed, events, options).run();
    }

    /** The fault mix of the issue: 20% throttling, 5% 5xx, 2% lost responses, 1% dropped connections, latency. */
    public static Faults issueFaults() {
        return Faults.forApis("SUPPLY_CHAIN").requestThrottleRate(0.20).serverErrorRate(0.05).lostResponseRate(0.02)
                .dropConnectionRate(0.01).randomLatencyMs(0, 20);
    }

    @Override
    protected String sedaUri() {
        return SEDA;
    }

    @Override
    protected String routeId() {
        return "scn";
    }

    private boolean garbage(long n) {
        return EventIds.garbage(seed, n, options.garbagePerMille());
    }

    /** Feeder thread only: assigns each valid event its position in its group, in send order. */
    @Override
    protected Object body(long n) {
        int group = EventIds.group(seed, n, options.groups());
        if (garbage(n)) {
            return switch ((int) (n % 3)) {
                case 0 -> "{\"order_id\":\"o-" + n + "\",\"n\":" + n + ",\"grp\":";                 // broken JSON
                case 1 -> "{\"order_id\":\"o-" + n + "\",\"connection_id\":\"c1\",\"n\":" + n + "}"; // refused column
                default -> "[]";                                                                  // no record
            };
        }
        int seq = nextSeq[group]++;
        return "{\"order_id\":\"o-" + n + "\",\"tpartner_id\":\"p1\",\"grp\":\"" + EventIds.groupId(group)
               + "\",\"seq\":" + seq + ",\"n\":" + n + "}";
    }

    @Override
    protected Map<String, Object> headers(long n) {
        Map<String, Object> headers = new HashMap<>(4);
        headers.put(AwsScnEventConstants.EVENT_GROUP_ID,
                EventIds.groupId(EventIds.group(seed, n, options.groups())));
        headers.put(N_HEADER, n);
        return headers;
    }

    @Override
    protected RouteBuilder routes() {
        String uri = "aws-scn-event:" + INSTANCE + "?eventType=" + EVENT_TYPE + "&retryMode=STANDARD&maxAttempts="
                     + options.maxAttempts() + "&maxInFlightRequests=" + options.maxInFlightRequests()
                     + "&coalesceRecords=" + options.coalesceRecords() + "&" + connection();
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("direct:scn-dead")
                        .maximumRedeliveries(options.redeliveries()).redeliveryDelay(100)
                        .onRedelivery(e -> ledger.redelivered(n(e))));

                from(SEDA).routeId("scn")
                        .process(e -> entered.incrementAndGet())
                        .to(uri)
                        .process(e -> {
                            ledger.ok(n(e));
                            progress.add(1);
                        });

                from("direct:scn-dead").routeId("scn-dead").errorHandler(noErrorHandler())
                        .process(e -> {
                            ledger.deadLettered(n(e), cause(e));
                            progress.add(1);
                        });
            }
        };
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The records of an event's data: the object itself, or each element of an array. */
    static List<String> records(String data) {
        if (!data.stripLeading().startsWith("[")) {
            return List.of(data);
        }
        try {
            List<String> out = new ArrayList<>();
            JSON.readTree(data).forEach(record -> out.add(record.toString()));
            return out;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of(data);
        }
    }

    private ScenarioResult run() throws Exception {
        EmulatorControl control = emulator.control();
        control.reset();
        control.setFaults(options.faults().json());
        Execution x = execute(options.stopAt(), options.timeout());
        EmulatorControl.Stats stats = control.stats();
        control.clearFaults();

        // what AWS stored, in receipt order
        BitSet stored = new BitSet(events);
        long[] storedTotal = {0};
        long[] duplicates = {0};
        long[] wrongGroup = {0};
        Map<String, List<long[]>> receiptsByGroup = new HashMap<>();
        long[] storedEvents = {0};
        control.forEachScnEvent(INSTANCE, e -> {
            storedEvents[0]++;
            String group = e.path("eventGroupId").asText();
            // one record per event, or (coalesceRecords) the records of several exchanges in one array
            for (String data : records(e.path("data").asText())) {
                storedTotal[0]++;
                long n = EventIds.number(data, "n");
                long seq = EventIds.number(data, "seq");
                if (n < 0 || !group.equals(EventIds.groupId(EventIds.group(seed, n, options.groups())))) {
                    wrongGroup[0]++;
                }
                if (n >= 0 && stored.get((int) n)) {
                    duplicates[0]++;
                    continue;
                }
                if (n >= 0) {
                    stored.set((int) n);
                }
                receiptsByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(new long[] {seq, n});
            }
        });

        BitSet garbage = new BitSet(events);
        for (int n = 0; n < events; n++) {
            if (garbage(n)) {
                garbage.set(n);
            }
        }
        long valid = events - garbage.cardinality();
        BitSet dead = ledger.deadLettered();
        BitSet redelivered = ledger.redelivered();

        BitSet lost = new BitSet(events);
        lost.set(0, events);
        lost.andNot(stored);
        lost.andNot(dead);
        BitSet validNotStored = new BitSet(events);
        validNotStored.set(0, events);
        validNotStored.andNot(garbage);
        validNotStored.andNot(stored);
        BitSet garbageStored = (BitSet) garbage.clone();
        garbageStored.and(stored);
        BitSet deadNotGarbage = (BitSet) dead.clone();
        deadNotGarbage.andNot(garbage);
        BitSet silentDrops = ledger.reportedOk();
        silentDrops.andNot(stored);

        // per-group receipt order: the seq values must rise exactly as they were sent (0, 1, 2, ...)
        long orderViolations = 0;
        long orderViolationsNotRedelivered = 0;
        int groupsOutOfOrder = 0;
        for (List<long[]> receipts : receiptsByGroup.values()) {
            long maxSeq = -1;
            long maxSeqKept = -1;
            boolean outOfOrder = false;
            for (long[] r : receipts) {
                if (r[0] < maxSeq) {
                    orderViolations++;
                    outOfOrder = true;
                }
                maxSeq = Math.max(maxSeq, r[0]);
                if (!redelivered.get((int) r[1])) {
                    if (r[0] < maxSeqKept) {
                        orderViolationsNotRedelivered++;
                    }
                    maxSeqKept = Math.max(maxSeqKept, r[0]);
                }
            }
            if (outOfOrder) {
                groupsOutOfOrder++;
            }
        }

        ScenarioResult r = new ScenarioResult(options.name(), options.description());
        r.metric("component", "aws-scn-event");
        r.metric("events", events);
        r.metric("groups", options.groups());
        r.metric("garbage events", garbage.cardinality());
        r.metric("stored", storedTotal[0]);
        r.metric("events stored (requests AWS accepted, records per event = stored / this)", storedEvents[0]);
        r.metric("stored distinct", stored.cardinality());
        r.metric("lost", lost.cardinality());
        r.metric("lost %", percent(lost.cardinality(), events));
        r.metric("duplicates stored", duplicates[0]);
        r.metric("groups checked for order", receiptsByGroup.size());
        r.metric("order violations", orderViolations);
        r.metric("groups out of order", groupsOutOfOrder);
        r.metric("dead-lettered", dead.cardinality());
        r.metric("SDK requests", stats.requests("SUPPLY_CHAIN"));
        r.metric("idempotent replays", stats.idempotentReplays());
        r.metric("faults: throttled", stats.fault("REQUEST_THROTTLED"));
        r.metric("faults: 5xx", stats.fault("SERVER_ERROR"));
        r.metric("faults: lost responses", stats.fault("LOST_RESPONSE"));
        r.metric("faults: dropped connections", stats.fault("DROPPED_CONNECTION"));
        r.metric("faults: latency added", stats.fault("LATENCY_ADDED"));
        r.metric("Camel redeliveries", ledger.redeliveryAttempts());
        r.metric("events Camel redelivered", redelivered.cardinality());
        r.metric("dead-letter causes", ledger.deadLetterCauses());
        describe(r, x);

        long faultsTotal = stats.fault("REQUEST_THROTTLED") + stats.fault("SERVER_ERROR")
                           + stats.fault("LOST_RESPONSE") + stats.fault("DROPPED_CONNECTION");
        r.metric("faulted requests", faultsTotal);
        r.metric("faulted requests %", percent(faultsTotal, stats.requests("SUPPLY_CHAIN")));

        r.check("0 lost: every event is stored or in the dead-letter channel", lost.isEmpty(),
                lost.cardinality() + " lost" + sample(lost));
        r.check("every valid event is stored", validNotStored.isEmpty(),
                validNotStored.cardinality() + " of " + valid + " valid events not stored" + sample(validNotStored));
        r.check("0 duplicates stored (client tokens)", duplicates[0] == 0,
                duplicates[0] + " duplicates, " + stats.idempotentReplays() + " idempotent replays answered");
        r.check("every stored event is in the group it was sent to", wrongGroup[0] == 0,
                wrongGroup[0] + " in another group");
        r.check("per-group receipt order equals send order for every group, except events Camel redelivered"
                + " after a final SDK failure (documented)", orderViolationsNotRedelivered == 0,
                orderViolations + " out of order in " + groupsOutOfOrder + " groups; " + orderViolationsNotRedelivered
                + " of them not redelivered");
        if (redelivered.isEmpty()) {
            r.check("per-group receipt order equals send order for every group", orderViolations == 0,
                    orderViolations + " events out of order over " + receiptsByGroup.size() + " groups");
        }
        r.check("the dead-letter channel received exactly the garbage events, each once",
                dead.equals(garbage) && ledger.deadLetterRepeats() == 0 && garbageStored.isEmpty()
                && ledger.deadLetterDeliveries() == garbage.cardinality(),
                dead.cardinality() + " dead-lettered (" + ledger.deadLetterDeliveries() + " deliveries, "
                + ledger.deadLetterRepeats() + " repeats), " + garbage.cardinality() + " garbage, "
                + deadNotGarbage.cardinality() + " valid events dead-lettered" + sample(deadNotGarbage) + ", "
                + garbageStored.cardinality() + " garbage stored");
        r.check("no event reported delivered that AWS did not store", silentDrops.isEmpty(),
                silentDrops.cardinality() + " reported delivered but not stored");
        return r;
    }

    static String sample(BitSet set) {
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
}
