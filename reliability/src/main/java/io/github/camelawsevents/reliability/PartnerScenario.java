package io.github.camelawsevents.reliability;

import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelawsevents.aws.partner.AwsPartnerEventsConstants;
import io.github.camelawsevents.aws.partner.FailedEntry;
import io.github.camelawsevents.aws.partner.PartnerEventsFailedException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

/**
 * EventBridge partner events through {@code aws-partner-events:}: one event per exchange on a SEDA route, the route a
 * user writes first (no Aggregate EIP): the producer packs the entries of concurrent exchanges into shared
 * PutPartnerEvents requests, retries failed entries ({@code entryRetryAttempts}), the SDK retries whole requests
 * (STANDARD, {@code maxAttempts}), and each exchange completes with its own outcome, so the dead-letter channel gets
 * exactly the exchanges whose entry failed. Event {@code n} is the Detail {@code {"n":n,"src":"reliability"}}.
 * <p>
 * PutPartnerEvents has no idempotency token: a request whose response was lost is sent again by the SDK and its
 * entries are stored twice (at-least-once, as documented). Duplicates are therefore counted, and every copy of an
 * event but its last is checked to have been stored by a request whose response the emulator then lost ({@link
 * StoredCopies}; the emulator names the request of every stored entry: its number, the SDK's invocation id and
 * attempt, and whether its response was lost).
 */
public final class PartnerScenario extends RouteScenario {

    public static final String SOURCE = "aws.partner/example.com/reliability/orders";
    public static final String DETAIL_TYPE = "ReliabilityEvent";
    private static final String SEDA = "seda:partner-in?size=200&blockWhenFull=true";

    /** How a run is set up; {@code faults} are installed in order (the first replaces, the others add per API). */
    public record Options(String name, String description, List<Faults> faults, int entryRetryAttempts,
            long entryRetryMaxBackoffMs, int maxAttempts, int redeliveries, boolean redeliverFailedEntries,
            int garbagePerMille, double stopAt, Duration timeout, boolean permanentFailuresExpected,
            int shutdownTimeoutSeconds, boolean feedWhileStopping) {
    }

    private final Options options;

    private PartnerScenario(EmulatorHandle emulator, long seed, int events, Options options) {
        super(emulator, seed, events);
        this.options = options;
        this.shutdownTimeoutSeconds = options.shutdownTimeoutSeconds();
        this.feedWhileStopping = options.feedWhileStopping();
    }

    public static ScenarioResult run(EmulatorHandle emulator, long seed, int events, Options options) throws Exception {
        return new PartnerScenario(emulator, seed, events, options).run();
    }

    /** The fault mix of the issue: 10% entry throttling, 2% InternalFailure, 1% lost responses, throttling bursts. */
    public static Faults issueFaults() {
        return Faults.forApis("PARTNER_EVENTS").entryThrottleRate(0.10).entryInternalFailureRate(0.02)
                .lostResponseRate(0.01).throttleBurstMs(2000, 100).randomLatencyMs(0, 10);
    }

    @Override
    protected String sedaUri() {
        return SEDA;
    }

    @Override
    protected String routeId() {
        return "partner";
    }

    private boolean garbage(long n) {
        return EventIds.garbage(seed, n, options.garbagePerMille());
    }

    @Override
    protected Object body(long n) {
        if (garbage(n)) {
            return (n % 2 == 0) ? "{\"n\":" + n + ",\"src\":" : "[\"n\"," + n + "]"; // broken JSON; not an object
        }
        return "{\"n\":" + n + ",\"src\":\"reliability\"}";
    }

    @Override
    protected Map<String, Object> headers(long n) {
        Map<String, Object> headers = new HashMap<>(2);
        headers.put(N_HEADER, n);
        return headers;
    }

    @Override
    protected RouteBuilder routes() {
        String uri = "aws-partner-events:" + SOURCE + "?detailType=" + DETAIL_TYPE + "&entryRetryAttempts="
                     + options.entryRetryAttempts() + "&entryRetryMaxBackoff=" + options.entryRetryMaxBackoffMs()
                     + "&retryMode=STANDARD&maxAttempts=" + options.maxAttempts() + "&maxInFlightRequests=32&"
                     + connection();
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("direct:partner-dead")
                        .maximumRedeliveries(options.redeliveries()).redeliveryDelay(100)
                        .onRedelivery(e -> ledger.redelivered(n(e))));
                if (!options.redeliverFailedEntries()) {
                    // entries that still failed after the producer's own retries go straight to the dead-letter
                    // channel (a Camel redelivery would resend only them, but they already had their retries); a
                    // whole request that failed after the SDK's retries (the exception has the SDK's as its cause)
                    // is redelivered
                    onException(PartnerEventsFailedException.class).onWhen(e -> e.getException().getCause() == null)
                            .maximumRedeliveries(0);
                }

                from(SEDA).routeId("partner")
                        .process(e -> entered.incrementAndGet())
                        .to(uri)
                        .process(e -> {
                            ledger.ok(n(e));
                            progress.add(1);
                        });

                from("direct:partner-dead").routeId("partner-dead").errorHandler(noErrorHandler())
                        .process(e -> deadLetter(e));
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void failedOutsideDeadLetter(Exchange e) {
        Object body = e.getMessage().getBody();
        String cause = e.getException().getClass().getSimpleName();
        if (body instanceof List<?> entries) {
            List<String> ids = e.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS, List.class);
            for (int i = 0; i < entries.size(); i++) {
                long n = EventIds.number(((PutPartnerEventsRequestEntry) entries.get(i)).detail(), "n");
                if (ids != null && i < ids.size() && ids.get(i) != null) {
                    ledger.ok(n);
                } else {
                    ledger.failedOutsideDeadLetter(n, cause);
                }
            }
            progress.add(entries.size());
        } else {
            ledger.failedOutsideDeadLetter(n(e), cause);
            progress.add(1);
        }
    }

    /** A batch with entries that finally failed, or a single event refused before it joined a batch. */
    @SuppressWarnings("unchecked")
    private void deadLetter(Exchange e) {
        Object body = e.getMessage().getBody();
        if (body instanceof List<?> entries) {
            List<String> ids = e.getMessage().getHeader(AwsPartnerEventsConstants.EVENT_IDS, List.class);
            List<FailedEntry> failed = e.getMessage().getHeader(AwsPartnerEventsConstants.FAILED_ENTRIES, List.class);
            if (ids != null && failed != null) {
                for (int i = 0; i < entries.size(); i++) {
                    if (ids.get(i) != null) {
                        ledger.ok(EventIds.number(((PutPartnerEventsRequestEntry) entries.get(i)).detail(), "n"));
                    }
                }
                String exception = cause(e);
                for (FailedEntry f : failed) {
                    ledger.deadLettered(EventIds.number(f.entry().detail(), "n"), exception + "/" + f.errorCode());
                }
            } else {
                for (Object entry : entries) {
                    ledger.deadLettered(EventIds.number(((PutPartnerEventsRequestEntry) entry).detail(), "n"),
                            cause(e));
                }
            }
            progress.add(entries.size());
        } else {
            ledger.deadLettered(n(e), cause(e));
            progress.add(1);
        }
    }

    /** One stored copy's request, as the check's failure message shows it. */
    private static String storedBy(JsonNode request) {
        String invocation = request.path("invocationId").asText("");
        return request.path("sequence").asLong() + "/" + (invocation.length() > 8 ? invocation.substring(0, 8)
                : invocation) + "/" + request.path("attempt").asInt() + "/" + request.path("responseLost").asBoolean();
    }

    private ScenarioResult run() throws Exception {
        EmulatorControl control = emulator.control();
        control.reset();
        control.setFaults(options.faults().get(0).json(),
                options.faults().subList(1, options.faults().size()).stream().map(Faults::json)
                        .toArray(com.fasterxml.jackson.databind.node.ObjectNode[]::new));
        Execution x = execute(options.stopAt(), options.timeout());
        EmulatorControl.Stats stats = control.stats();
        control.clearFaults();

        StoredCopies copies = new StoredCopies(events);
        control.forEachPartnerEvent(e -> copies.add(EventIds.number(e.path("detail").asText(), "n"),
                e.path("request").path("responseLost").asBoolean(), storedBy(e.path("request"))));
        BitSet stored = copies.distinct();

        BitSet garbage = new BitSet(events);
        for (int n = 0; n < events; n++) {
            if (garbage(n)) {
                garbage.set(n);
            }
        }
        BitSet dead = ledger.deadLettered();
        BitSet lost = new BitSet(events);
        lost.set(0, events);
        lost.andNot(stored);
        lost.andNot(dead);
        BitSet deadAndStored = (BitSet) dead.clone();
        deadAndStored.and(stored);
        BitSet garbageNotDead = (BitSet) garbage.clone();
        garbageNotDead.andNot(dead);
        BitSet silentDrops = ledger.reportedOk();
        silentDrops.andNot(stored);
        long lostResponses = stats.fault("LOST_RESPONSE");

        ScenarioResult r = new ScenarioResult(options.name(), options.description());
        r.metric("component", "aws-partner-events");
        r.metric("events", events);
        r.metric("garbage events", garbage.cardinality());
        r.metric("stored", copies.total());
        r.metric("stored distinct", stored.cardinality());
        r.metric("lost", lost.cardinality());
        r.metric("lost %", percent(lost.cardinality(), events));
        r.metric("duplicates stored", copies.duplicates());
        r.metric("duplicates %", percent(copies.duplicates(), events));
        r.metric("duplicates not explained by a lost response", copies.unexplained());
        r.metric("dead-lettered", dead.cardinality());
        r.metric("dead-lettered, not garbage (permanent entry failures)", dead.cardinality() - garbage.cardinality());
        r.metric("PutPartnerEvents requests", stats.requests("PARTNER_EVENTS"));
        r.metric("faults: entries throttled", stats.fault("ENTRY_THROTTLED"));
        r.metric("faults: entries InternalFailure", stats.fault("ENTRY_INTERNAL_FAILURE"));
        r.metric("faults: lost responses", lostResponses);
        r.metric("faults: requests throttled in bursts", stats.fault("BURST_THROTTLED"));
        r.metric("faults: requests throttled", stats.fault("REQUEST_THROTTLED"));
        r.metric("faults: 5xx", stats.fault("SERVER_ERROR"));
        r.metric("Camel redeliveries", ledger.redeliveryAttempts());
        r.metric("dead-letter causes", ledger.deadLetterCauses());
        describe(r, x);

        r.check("0 lost: every event is stored or in the dead-letter channel", lost.isEmpty(),
                lost.cardinality() + " lost" + ScnScenario.sample(lost));
        if (!options.permanentFailuresExpected()) {
            BitSet validNotStored = new BitSet(events);
            validNotStored.set(0, events);
            validNotStored.andNot(garbage);
            validNotStored.andNot(stored);
            r.check("every valid event is stored (no permanent failures at these fault rates)",
                    validNotStored.isEmpty(), validNotStored.cardinality() + " valid events not stored"
                    + ScnScenario.sample(validNotStored));
        }
        r.check("every stored entry is one of the events sent", copies.outOfRange() == 0,
                copies.outOfRange() + " unidentified entries");
        if (options.redeliveries() == 0 || !options.redeliverFailedEntries()) {
            r.check("duplicates only where a response was lost: every copy of an event but its last was stored by a"
                    + " request whose response was lost",
                    copies.unexplained() == 0, copies.duplicates() + " duplicates, " + copies.unexplained()
                    + " not explained by the " + lostResponses + " lost responses" + (copies.unexplained() == 0 ? ""
                    : "; copies (request number/SDK invocation/attempt/response lost): "
                      + copies.unexplainedProvenance(10)));
        }
        BitSet deadAndStoredUnexplained = (BitSet) deadAndStored.clone();
        for (int i = deadAndStored.nextSetBit(0); i >= 0; i = deadAndStored.nextSetBit(i + 1)) {
            if (copies.anyCopyLost(i)) {
                deadAndStoredUnexplained.clear(i);
            }
        }
        r.check("the dead-letter channel received only events AWS did not store, each once (except entries of a"
                + " request whose response was lost: their outcome is unknown to the sender, at-least-once)",
                deadAndStoredUnexplained.isEmpty() && ledger.deadLetterRepeats() == 0,
                dead.cardinality() + " dead-lettered, " + deadAndStored.cardinality() + " of them stored"
                + ScnScenario.sample(deadAndStored) + ", " + deadAndStoredUnexplained.cardinality()
                + " of those without a lost response" + ScnScenario.sample(deadAndStoredUnexplained) + ", "
                + ledger.deadLetterRepeats() + " repeats");
        r.check("every garbage event is in the dead-letter channel", garbageNotDead.isEmpty(),
                garbageNotDead.cardinality() + " of " + garbage.cardinality() + " garbage events missing there");
        r.check("no event reported delivered that AWS did not store", silentDrops.isEmpty(),
                silentDrops.cardinality() + " reported delivered but not stored" + ScnScenario.sample(silentDrops));
        return r;
    }
}
