package io.github.camelawsevents.reliability;

import java.time.Duration;
import java.util.List;

/**
 * The suite's scenarios, the same for the JUnit tests (reduced size, emulator in the test JVM) and for
 * {@link ReliabilitySuite} (full size, emulator in its own JVM). Each is a function of (emulator, seed, events).
 */
public final class Scenarios {

    /** Names, in the order the suite runs them. */
    public static final List<String> ALL = List.of("scn-faults", "partner-faults", "scn-stop-restart",
            "partner-stop-restart", "scn-forced-stop", "partner-forced-stop", "scn-dead-letter",
            "partner-dead-letter", "peer-aws2-eventbridge", "partner-same-fault-as-peer");

    static final int GROUPS = 64;
    /** Messages the Supply Chain producer holds (waiting for their group's turn or in flight). */
    static final int SCN_IN_FLIGHT = 256;
    static final int GRACEFUL = RouteScenario.SHUTDOWN_TIMEOUT_SECONDS;
    /** The forced-stop scenarios' shutdown timeout. */
    static final int FORCED = 2;

    private Scenarios() {
    }

    /** Generous: the run normally ends long before (it is signalled when the last event has an outcome). */
    static Duration timeout(int events) {
        return Duration.ofSeconds(120).plusMillis(events * 20L);
    }

    private static String scnRoute(int maxAttempts) {
        return "aws-scn-event, " + GROUPS + " groups, SEDA (1 consumer) -> producer with preserveOrder,"
               + " retryMode=STANDARD, maxAttempts=" + maxAttempts + ", maxInFlightRequests=" + SCN_IN_FLIGHT
               + "; dead-letter channel with 3 redeliveries; faults " + ScnScenario.issueFaults();
    }

    private static final String PARTNER_ROUTE = "aws-partner-events, one event per exchange, SEDA (1 consumer) ->"
            + " producer (entries of concurrent exchanges share requests) with entryRetryAttempts=10,"
            + " entryRetryMaxBackoff=1000, retryMode=STANDARD, maxAttempts=10; dead-letter channel (3 redeliveries,"
            + " none for entries that failed inside an accepted request)";

    private static ScnScenario.Options scn(String name, String description, int maxAttempts, int garbagePerMille,
                                          double stopAt, int events, int shutdown, boolean feedWhileStopping) {
        return new ScnScenario.Options(name, description, GROUPS, ScnScenario.issueFaults(), maxAttempts,
                SCN_IN_FLIGHT, 3, garbagePerMille, stopAt, timeout(events), shutdown, feedWhileStopping, false);
    }

    private static PartnerScenario.Options partner(String name, String description, double stopAt, int events,
                                                   int shutdown, boolean feedWhileStopping) {
        // a forced stop hands back (fails, to the dead-letter channel) the entries still waiting for a retry
        return new PartnerScenario.Options(name, description, List.of(PartnerScenario.issueFaults()), 10, 1000, 10,
                3, false, 0, stopAt, timeout(events), feedWhileStopping, shutdown, feedWhileStopping);
    }

    public static ScenarioResult run(String name, EmulatorHandle emulator, long seed, int events) throws Exception {
        return switch (name) {
            case "scn-faults" -> ScnScenario.run(emulator, seed, events, scn(
                    "scn-faults: 20% throttled, 5% 5xx, 2% lost responses, 1% dropped connections",
                    scnRoute(12), 12, 0, -1, events, GRACEFUL, false));
            case "scn-coalesce-faults" -> ScnScenario.run(emulator, seed, events, new ScnScenario.Options(
                    "scn-coalesce-faults: scn-faults with coalesceRecords=true",
                    scnRoute(12) + ", coalesceRecords=true", GROUPS, ScnScenario.issueFaults(), 12, SCN_IN_FLIGHT, 3,
                    0, -1, timeout(events), GRACEFUL, false, true));
            case "partner-faults" -> PartnerScenario.run(emulator, seed, events, partner(
                    "partner-faults: 10% entries throttled, 2% InternalFailure, 1% lost responses, bursts",
                    PARTNER_ROUTE + "; faults " + PartnerScenario.issueFaults(), -1, events, GRACEFUL, false));
            case "scn-stop-restart" -> ScnScenario.run(emulator, seed, events, scn(
                    "scn-stop-restart: route stopped at 40% and restarted (graceful), same faults",
                    "as scn-faults; when 40% of the events are done the route is stopped (shutdown timeout "
                    + GRACEFUL + " s) and started again; the feeder pauses meanwhile, as a broker holds its"
                    + " messages while the consumer is stopped", 12, 0, 0.4, events, GRACEFUL, false));
            case "partner-stop-restart" -> PartnerScenario.run(emulator, seed, events, partner(
                    "partner-stop-restart: route stopped at 40% and restarted (graceful), same faults",
                    "as partner-faults; when 40% of the events are done the route is stopped (shutdown timeout "
                    + GRACEFUL + " s; entries waiting for a retry are sent at once) and started"
                    + " again; the feeder pauses meanwhile", 0.4, events, GRACEFUL, false));
            case "scn-forced-stop" -> ScnScenario.run(emulator, seed, events, scn(
                    "scn-forced-stop: route forced down at 40% (shutdown timeout exceeded) and restarted",
                    "as scn-faults; when 40% of the events are done the route is stopped with a " + FORCED
                    + " s shutdown timeout while the feeder keeps the SEDA queue full, so Camel's graceful stop"
                    + " times out and forces the route down with requests in flight and the consumer thread waiting"
                    + " for a slot; then it is started again", 12, 0, 0.4, events, FORCED, true));
            case "partner-forced-stop" -> PartnerScenario.run(emulator, seed, events, partner(
                    "partner-forced-stop: route forced down at 40% (shutdown timeout exceeded) and restarted",
                    "as partner-faults; when 40% of the events are done the route is stopped with a " + FORCED
                    + " s shutdown timeout while the feeder keeps the SEDA queue full (forced stop: requests in"
                    + " flight, entries waiting for a request or a retry); then it is started again",
                    0.4, events, FORCED, true));
            case "scn-dead-letter" -> ScnScenario.run(emulator, seed, events, scn(
                    "scn-dead-letter: 1% garbage records, redelivery, same faults, maxAttempts=4",
                    "aws-scn-event as scn-faults but maxAttempts=4 (so some events exhaust the SDK's retries and are"
                    + " redelivered by Camel, with the same client tokens) and 1% garbage records (broken JSON, a"
                    + " refused connection_id column, no record); dead-letter channel with 3 redeliveries",
                    4, 10, -1, events, GRACEFUL, false));
            case "partner-dead-letter" -> PartnerScenario.run(emulator, seed, events, new PartnerScenario.Options(
                    "partner-dead-letter: 1% garbage, entries failing for good, redelivery",
                    "aws-partner-events with entryRetryAttempts=2 under 30% entry throttling and 5% InternalFailure"
                    + " (so ~4% of the entries still fail after the retries: permanent failures), 5% 5xx with"
                    + " maxAttempts=3, 1% garbage Details; dead-letter channel with 3 redeliveries, none for"
                    + " PartnerEventsFailedException (the DLC takes exactly the failed entries)",
                    List.of(Faults.forApis("PARTNER_EVENTS").entryThrottleRate(0.30).entryInternalFailureRate(0.05)
                            .serverErrorRate(0.05).randomLatencyMs(0, 10)),
                    2, 200, 3, 3, false, 10, -1, timeout(events), true, GRACEFUL, false));
            case "peer-aws2-eventbridge" -> PeerEventBridgeScenario.run(emulator, seed, events, 0.10,
                    timeout(events));
            case "partner-same-fault-as-peer" -> PartnerScenario.run(emulator, seed, events,
                    new PartnerScenario.Options(
                            "partner-same-fault-as-peer: aws-partner-events, 10% entries throttled (the peer's fault)",
                            "aws-partner-events as partner-faults, only per-entry throttling at 10% (the peer's"
                            + " fault, on PutPartnerEvents)",
                            List.of(Faults.forApis("PARTNER_EVENTS").entryThrottleRate(0.10)),
                            10, 1000, 10, 3, false, 0, -1, timeout(events), false, GRACEFUL, false));
            default -> throw new IllegalArgumentException("unknown scenario '" + name + "', known: " + ALL);
        };
    }
}
