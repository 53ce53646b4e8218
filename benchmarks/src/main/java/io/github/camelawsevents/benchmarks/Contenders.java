package io.github.camelawsevents.benchmarks;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** Every contender the harness knows, in table order, with how to build it from the settings. */
public final class Contenders {

    public static final String PEER = "peer";
    public static final String PEER_THREADS = "peer-threads";
    public static final String PARTNER_LOOP = "partner-loop";
    public static final String PARTNER_PER_EXCHANGE = "partner-per-exchange";
    public static final String PARTNER_PER_EXCHANGE_UNBATCHED = "partner-per-exchange-unbatched";
    public static final String PARTNER_THEN_STEP = "partner-then-step";
    public static final String PARTNER_THEN_NOTHING = "partner-then-nothing";
    public static final String PEER_THEN_STEP = "peer-then-step";
    public static final String PEER_THEN_NOTHING = "peer-then-nothing";
    public static final String PARTNER_AGGREGATED = "partner-aggregated";
    public static final String PARTNER_BATCH_BODIES = "partner-batch-bodies";
    public static final String PARTNER_LIMIT = "partner-limit";
    public static final String SCN_LOOP = "scn-loop";
    public static final String SCN_GROUPS_1 = "scn-groups-1";
    public static final String SCN_COALESCED_1 = "scn-coalesced-1";
    public static final String SCN_GROUPS_8 = "scn-groups-8";
    public static final String SCN_GROUPS_64 = "scn-groups-64";
    public static final String SCN_AGGREGATED = "scn-aggregated";
    public static final String SCN_LIMIT = "scn-limit";

    /** The groups the aggregated Supply Chain records are spread over. */
    static final int SCN_AGGREGATED_GROUPS = 2;
    /** The API's limit on {@code data}, which the aggregation strategy fills. */
    static final int SCN_DATA_LIMIT = 1_048_576;
    /** About how many sample records one aggregated Supply Chain event holds (brackets and commas counted). */
    static final int SCN_RECORDS_PER_EVENT =
            SCN_DATA_LIMIT / (SampleEvents.scnRecord(0, SampleEvents.scnGroup(0, SCN_AGGREGATED_GROUPS)).length() + 1);
    /** SEDA consumers of the routes with a step after the producer. */
    static final int STEP_CONSUMERS = 32;
    /** How long that step takes (it waits, as a database write or a call to another service does). */
    static final long STEP_MILLIS = 10;

    /** The event groups of the Supply Chain loop and limit: the stream of {@link #SCN_GROUPS_64}. */
    static final int SCN_STREAM_GROUPS = 64;

    /** Which API a contender calls. */
    public enum Api {
        PARTNER_EVENTS("Partner events (EventBridge PutPartnerEvents)"),
        SUPPLY_CHAIN("Supply Chain events (SendDataIntegrationEvent)");

        private final String title;

        Api(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** What part a contender plays in its API's table. */
    public enum Role {
        /** Contender 1: the ratio "× c1" is to it. */
        BASELINE,
        /** The ratio "× limit" is to it. */
        LIMIT,
        OTHER
    }

    /**
     * @param id         the id used in settings and result lines
     * @param api        the API it calls
     * @param label      the table label
     * @param role       baseline, limit or other
     * @param inFlight   how many events it can have in flight at most (requests in flight times events per
     *                   request), which bounds its events/s when latency is added
     * @param factory    builds it
     */
    public record Spec(String id, Api api, String label, Role role, ToIntFunction<BenchSettings> inFlight,
            Function<BenchSettings, Contender> factory) {

        /**
         * N for a regime: all of it without added latency; with latency, no more than the events its requests in
         * flight can carry in {@code latencyRunSeconds} (at least 20).
         */
        int events(BenchSettings s, int latencyMs) {
            if (latencyMs <= 0) {
                return s.events();
            }
            long carried = (long) s.latencyRunSeconds() * 1000 * inFlight.applyAsInt(s) / latencyMs;
            return (int) Math.min(s.events(), Math.max(20, carried));
        }
    }

    private Contenders() {
    }

    /** All contenders, in table order. */
    public static List<Spec> all() {
        return List.of(
                new Spec(PEER, Api.PARTNER_EVENTS, "1. Camel aws2-eventbridge putEvent, 1 SEDA consumer",
                        Role.BASELINE, s -> 1, s -> new PeerEventBridge(partnerWindow(s), 1)),
                new Spec(PEER_THREADS, Api.PARTNER_EVENTS,
                        "1b. Camel aws2-eventbridge putEvent, SEDA concurrentConsumers=%d",
                        Role.OTHER, BenchSettings::partnerInFlight,
                        s -> new PeerEventBridge(partnerWindow(s), s.partnerInFlight())),
                new Spec(PARTNER_LOOP, Api.PARTNER_EVENTS, "2. SDK loop, putPartnerEvents, 1 entry/call",
                        Role.OTHER, s -> 1, s -> new PartnerSdkLoop()),
                new Spec(PARTNER_PER_EXCHANGE, Api.PARTNER_EVENTS,
                        "3. aws-partner-events, 1 event/exchange (entries of concurrent exchanges share requests)",
                        Role.OTHER, Contenders::partnerBatchesInFlight,
                        s -> new PartnerPerExchange(partnerWindow(s), s.partnerInFlight(), true)),
                new Spec(PARTNER_PER_EXCHANGE_UNBATCHED, Api.PARTNER_EVENTS,
                        "3b. aws-partner-events, 1 event/exchange, batchAcrossExchanges=false",
                        Role.OTHER, BenchSettings::partnerInFlight,
                        s -> new PartnerPerExchange(partnerWindow(s), s.partnerInFlight(), false)),
                new Spec(PARTNER_THEN_STEP, Api.PARTNER_EVENTS,
                        "3c. aws-partner-events, 1 event/exchange, SEDA concurrentConsumers=" + STEP_CONSUMERS
                        + ", then a " + STEP_MILLIS + " ms step",
                        Role.OTHER, Contenders::partnerBatchesInFlight,
                        s -> StepAfterProducer.ours(partnerWindow(s), s.partnerInFlight(), STEP_CONSUMERS,
                                STEP_MILLIS)),
                new Spec(PARTNER_THEN_NOTHING, Api.PARTNER_EVENTS,
                        "3d. the same route as 3c without the step",
                        Role.OTHER, Contenders::partnerBatchesInFlight,
                        s -> StepAfterProducer.ours(partnerWindow(s), s.partnerInFlight(), STEP_CONSUMERS, 0)),
                new Spec(PEER_THEN_STEP, Api.PARTNER_EVENTS,
                        "1c. Camel aws2-eventbridge putEvent, SEDA concurrentConsumers=" + STEP_CONSUMERS
                        + ", then a " + STEP_MILLIS + " ms step",
                        Role.OTHER, s -> STEP_CONSUMERS,
                        s -> StepAfterProducer.peer(partnerWindow(s), STEP_CONSUMERS, STEP_MILLIS)),
                new Spec(PEER_THEN_NOTHING, Api.PARTNER_EVENTS,
                        "1d. the same route as 1c without the step",
                        Role.OTHER, s -> STEP_CONSUMERS,
                        s -> StepAfterProducer.peer(partnerWindow(s), STEP_CONSUMERS, 0)),
                new Spec(PARTNER_AGGREGATED, Api.PARTNER_EVENTS,
                        "4. aws-partner-events + PartnerEventsAggregationStrategy",
                        Role.OTHER, Contenders::partnerBatchesInFlight,
                        s -> new PartnerAggregated(partnerWindow(s), s.partnerInFlight())),
                new Spec(PARTNER_BATCH_BODIES, Api.PARTNER_EVENTS,
                        "4b. aws-partner-events, batch bodies (List of 20 Details per exchange)",
                        Role.OTHER, Contenders::partnerBatchesInFlight,
                        s -> new PartnerBatchBodies(partnerWindow(s), s.partnerInFlight())),
                new Spec(PARTNER_LIMIT, Api.PARTNER_EVENTS, "5. limit: async SDK, 20-entry batches, %d in flight",
                        Role.LIMIT, Contenders::partnerBatchesInFlight, s -> new PartnerSdkLimit(s.partnerInFlight())),
                new Spec(SCN_LOOP, Api.SUPPLY_CHAIN, "1. SDK loop, sendDataIntegrationEvent, 1 event/call",
                        Role.BASELINE, s -> 1, s -> new ScnSdkLoop()),
                new Spec(SCN_GROUPS_1, Api.SUPPLY_CHAIN, "2. aws-scn-event, 1 group, order preserved",
                        Role.OTHER, s -> 1, s -> new ScnPerExchange(scnWindow(s), s.scnInFlight(), s.scnRecordCheck(), 1, false)),
                new Spec(SCN_COALESCED_1, Api.SUPPLY_CHAIN, "2b. aws-scn-event, 1 group, coalesceRecords=true",
                        Role.OTHER, Contenders::scnWindow,
                        s -> new ScnPerExchange(scnWindow(s), s.scnInFlight(), s.scnRecordCheck(), 1, true)),
                new Spec(SCN_GROUPS_8, Api.SUPPLY_CHAIN, "2. aws-scn-event, 8 groups, order preserved",
                        Role.OTHER, s -> Math.min(8, s.scnInFlight()),
                        s -> new ScnPerExchange(scnWindow(s), s.scnInFlight(), s.scnRecordCheck(), 8, false)),
                new Spec(SCN_GROUPS_64, Api.SUPPLY_CHAIN, "2. aws-scn-event, 64 groups, order preserved",
                        Role.OTHER, s -> Math.min(64, s.scnInFlight()),
                        s -> new ScnPerExchange(scnWindow(s), s.scnInFlight(), s.scnRecordCheck(), 64, false)),
                new Spec(SCN_AGGREGATED, Api.SUPPLY_CHAIN,
                        "3. aws-scn-event + ScnEventAggregationStrategy, ~" + ResultTable.count(SCN_RECORDS_PER_EVENT)
                        + " records/event (1 MB), " + SCN_AGGREGATED_GROUPS + " groups",
                        Role.OTHER, s -> SCN_AGGREGATED_GROUPS * SCN_RECORDS_PER_EVENT,
                        s -> new ScnAggregated(scnAggregatedWindow(), s.scnInFlight(), s.scnRecordCheck())),
                new Spec(SCN_LIMIT, Api.SUPPLY_CHAIN, "4. limit: async SDK, 1 event/request, %d in flight",
                        Role.LIMIT, BenchSettings::scnInFlight, s -> new ScnSdkLimit(s.scnInFlight())));
    }

    public static Optional<Spec> byId(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The table label with the settings' numbers filled in. */
    static String label(Spec spec, BenchSettings settings) {
        if (!spec.label().contains("%d")) {
            return spec.label();
        }
        int n = spec.api() == Api.PARTNER_EVENTS ? settings.partnerInFlight() : settings.scnInFlight();
        return spec.label().replace("%d", String.valueOf(n));
    }

    /** Events the 20-entry batch contenders can have in flight: one batch per request. */
    static int partnerBatchesInFlight(BenchSettings s) {
        return s.partnerInFlight() * PartnerSdkLimit.BATCH;
    }

    /** Outstanding events of the partner route contenders: one 20-entry batch per request in flight, plus one. */
    static int partnerWindow(BenchSettings s) {
        return (s.partnerInFlight() + 1) * PartnerSdkLimit.BATCH;
    }

    /** Outstanding events of the Supply Chain per-exchange routes: twice the producer's bound. */
    static int scnWindow(BenchSettings s) {
        return 2 * s.scnInFlight();
    }

    /**
     * Outstanding records of the aggregated Supply Chain route: two full events per group (one in flight, one
     * filling) and a quarter more since records differ a little in length, so no group waits for its timeout.
     */
    static int scnAggregatedWindow() {
        return 5 * SCN_AGGREGATED_GROUPS * SCN_RECORDS_PER_EVENT / 2;
    }
}
