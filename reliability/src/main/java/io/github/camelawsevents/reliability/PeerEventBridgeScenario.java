package io.github.camelawsevents.reliability;

import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;

/**
 * Camel's own {@code aws2-eventbridge} (operation {@code putEvent}: one PutEvents request with one entry per
 * exchange) under per-entry throttling of PutEvents: the emulator answers HTTP 200 with {@code FailedEntryCount=1}
 * and the entry's ErrorCode {@code ThrottlingException}, as EventBridge does. The component does not look at the
 * entry results, so the exchange completes successfully and the event is gone. This scenario counts how many events
 * it reported delivered that EventBridge never stored. It is a measurement of the peer, not an invariant of ours.
 */
public final class PeerEventBridgeScenario extends RouteScenario {

    public static final String SOURCE = "com.example.reliability.orders";
    public static final String DETAIL_TYPE = "ReliabilityEvent";
    public static final String RESOURCE = "arn:aws:example:us-east-1:123456789012:tenant/tenant-0042";
    private static final String SEDA = "seda:peer-in?size=2000&blockWhenFull=true&concurrentConsumers=16";

    private final double entryThrottleRate;
    private final Duration timeout;

    private PeerEventBridgeScenario(EmulatorHandle emulator, long seed, int events, double entryThrottleRate,
                                    Duration timeout) {
        super(emulator, seed, events);
        this.entryThrottleRate = entryThrottleRate;
        this.timeout = timeout;
    }

    public static ScenarioResult run(EmulatorHandle emulator, long seed, int events, double entryThrottleRate,
                                     Duration timeout) throws Exception {
        return new PeerEventBridgeScenario(emulator, seed, events, entryThrottleRate, timeout).run();
    }

    @Override
    protected String sedaUri() {
        return SEDA;
    }

    @Override
    protected String routeId() {
        return "peer";
    }

    @Override
    protected Object body(long n) {
        return "{\"n\":" + n + ",\"src\":\"reliability\"}";
    }

    @Override
    protected Map<String, Object> headers(long n) {
        Map<String, Object> headers = new HashMap<>(8);
        headers.put(N_HEADER, n);
        headers.put("CamelAwsEventbridgeSource", SOURCE);
        headers.put("CamelAwsEventbridgeDetailType", DETAIL_TYPE);
        headers.put("CamelAwsEventbridgeResourcesArn", RESOURCE);
        return headers;
    }

    @Override
    protected RouteBuilder routes() {
        String uri = "aws2-eventbridge://default?operation=putEvent&" + connection();
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("direct:peer-dead").maximumRedeliveries(3).redeliveryDelay(100)
                        .onRedelivery(e -> ledger.redelivered(n(e))));
                from(SEDA).routeId("peer")
                        .process(e -> entered.incrementAndGet())
                        .to(uri)
                        .process(e -> {
                            ledger.ok(n(e));
                            progress.add(1);
                        });
                from("direct:peer-dead").routeId("peer-dead").errorHandler(noErrorHandler())
                        .process(e -> {
                            ledger.deadLettered(n(e), cause(e));
                            progress.add(1);
                        });
            }
        };
    }

    private ScenarioResult run() throws Exception {
        EmulatorControl control = emulator.control();
        control.reset();
        control.setFaults(Faults.forApis("PUT_EVENTS").entryThrottleRate(entryThrottleRate).json());
        Execution x = execute(-1, timeout);
        EmulatorControl.Stats stats = control.stats();
        control.clearFaults();

        BitSet stored = new BitSet(events);
        long[] duplicates = {0};
        control.forEachPutEvent(e -> {
            long n = EventIds.number(e.path("detail").asText(), "n");
            if (n >= 0 && n < events) {
                if (stored.get((int) n)) {
                    duplicates[0]++;
                }
                stored.set((int) n);
            }
        });
        BitSet reportedOk = ledger.reportedOk();
        BitSet silentDrops = (BitSet) reportedOk.clone();
        silentDrops.andNot(stored);
        BitSet lost = new BitSet(events);
        lost.set(0, events);
        lost.andNot(stored);
        lost.andNot(ledger.deadLettered());

        ScenarioResult r = new ScenarioResult("peer-aws2-eventbridge: Camel aws2-eventbridge putEvent, 10% entries throttled",
                "Camel's own aws2-eventbridge " + Versions.of("org.apache.camel", "camel-aws2-eventbridge")
                + " against PutEvents, every entry throttled with probability "
                + entryThrottleRate + " (emulator entryThrottleRate on PUT_EVENTS), SEDA with 16 consumers,"
                + " dead-letter channel with 3 redeliveries");
        r.metric("component", "aws2-eventbridge (Camel)");
        r.metric("events", events);
        r.metric("reported delivered", reportedOk.cardinality());
        r.metric("stored", (long) stored.cardinality() + duplicates[0]);
        r.metric("stored distinct", stored.cardinality());
        r.metric("lost", lost.cardinality());
        r.metric("lost %", percent(lost.cardinality(), events));
        r.metric("silently dropped (reported delivered, not stored)", silentDrops.cardinality());
        r.metric("silently dropped %", percent(silentDrops.cardinality(), events));
        r.metric("duplicates stored", duplicates[0]);
        r.metric("dead-lettered", ledger.deadLettered().cardinality());
        r.metric("PutEvents requests", stats.requests("PUT_EVENTS"));
        r.metric("faults: entries throttled", stats.fault("ENTRY_THROTTLED"));
        describe(r, x);
        r.note("measured, not asserted: the peer is expected to drop the throttled entries");
        return r;
    }
}
