package io.github.camelawsevents.aws.scn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.Json;
import io.github.camelawsevents.aws.core.metrics.DeliveryStats;
import io.github.camelawsevents.aws.emulator.Api;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.EmulatorStats;
import io.github.camelawsevents.aws.emulator.FaultKind;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.util.json.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a MeterRegistry in the Camel registry, the producer's meters count exactly what the emulator stored and
 * refused: single-record exchanges over four groups and one many-record exchange, under injected request throttling
 * (retried by the SDK inside one request) and with one poisoned record (refused, 400 ValidationException). Stopping the
 * endpoint removes its meters. The dev console shows the same per endpoint, without secrets or records.
 */
class MetricsAndDevConsoleRouteTest extends EmulatorRouteTestSupport {

    // strict: records of the fixed entities must carry their required columns, so a record without "id" is refused
    @RegisterExtension
    static final AwsEventsEmulatorExtension STRICT = new AwsEventsEmulatorExtension(
            AwsEventsEmulator.builder().strictRecords(true).seed(11));

    private static final int SINGLES = 200;
    private static final int MANY = 30;
    private static final int POISONED = 77;
    private static final String TYPE = "scn.data.inboundorder";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected AwsEventsEmulator emulator() {
        return STRICT.emulator();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", meters);
        context.setDevConsole(true);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from("seda:records?size=1000&concurrentConsumers=2").routeId("records")
                        .to(SCN + "?eventType=" + TYPE + "&maxAttempts=10").to("mock:sent");
                from("seda:coalesced?size=1000")
                        .to(SCN + "?eventType=" + TYPE + "&eventGroupId=orders&coalesceRecords=true").to("mock:sent");
            }
        };
    }

    private static String record(int seq) {
        return "{\"id\":\"order-" + seq + "\",\"tpartner_id\":\"p\",\"seq\":" + seq + "}";
    }

    private void sendAll(int singles) {
        for (int seq = 0; seq < singles; seq++) {
            String body = seq == POISONED ? "{\"tpartner_id\":\"p\",\"seq\":" + seq + "}" : record(seq);
            template.sendBodyAndHeader("seda:records", body, AwsScnEventConstants.EVENT_GROUP_ID, "g" + seq % 4);
        }
    }

    /** Records in the events the emulator stored. */
    private long storedRecords() {
        long records = 0;
        for (ScnEvent event : emulator().supplyChain().events()) {
            JsonNode data = Json.parse(event.data(), "data", -1);
            records += data.isArray() ? data.size() : 1;
        }
        return records;
    }

    @Test
    void metersCountWhatTheEmulatorStoredAndRefused() throws Exception {
        emulator().faults().set(FaultSettings.builder().requestThrottleRate(0.05).latency(Duration.ofMillis(5))
                .appliesTo(Api.SUPPLY_CHAIN).build());
        MockEndpoint sent = getMockEndpoint("mock:sent");
        MockEndpoint dead = getMockEndpoint("mock:dead");
        sendAll(SINGLES);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            many.add(record(1000 + i));
        }
        template.sendBodyAndHeader("seda:records", "[" + String.join(",", many) + "]",
                AwsScnEventConstants.EVENT_GROUP_ID, "many");
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> sent.getReceivedCounter() + dead.getReceivedCounter() == SINGLES + 1);
        assertThat(dead.getReceivedCounter()).as("only the poisoned exchange").isEqualTo(1);

        EmulatorStats stats = emulator().stats();
        long stored = storedRecords();
        assertThat(stored).isEqualTo(SINGLES - 1 + MANY);
        assertThat(stats.faults(FaultKind.REQUEST_THROTTLED)).as("the fault was injected").isPositive();

        assertThat((long) counter("camel.aws.events.accepted").count()).isEqualTo(stored);
        assertThat((long) failed("ValidationException")).isEqualTo(stats.rejected("ValidationException")).isEqualTo(1);
        assertThat(Search.in(meters).name("camel.aws.events.failed").counters()).hasSize(1);
        assertThat(counter("camel.aws.events.retried").count()).isZero();
        Timer ok = meters.get("camel.aws.events.requests").tag("outcome", "success").timer();
        assertThat(ok.count()).isEqualTo(stats.accepted(Api.SUPPLY_CHAIN)).isEqualTo(emulator().supplyChain().count());
        Timer refused = meters.get("camel.aws.events.requests").tag("outcome", "error")
                .tag("errorCode", "ValidationException").timer();
        assertThat(refused.count()).isEqualTo(1);
        assertThat(ok.count() + refused.count()).as("the SDK's retries of throttled requests are inside one request")
                .isEqualTo(stats.requests(Api.SUPPLY_CHAIN) - stats.faults(FaultKind.REQUEST_THROTTLED));
        assertThat(items().count()).isEqualTo(ok.count() + 1);
        assertThat((long) items().totalAmount())
                .as("records per event").isEqualTo(stored + 1);
        assertThat(items().max()).isEqualTo((double) MANY);
        for (String gauge : List.of("camel.aws.events.requests.inflight", "camel.aws.events.exchanges.pending",
                "camel.aws.events.waiting")) {
            assertThat(Search.in(meters).name(gauge).gauges()).hasSize(2).allSatisfy(g -> assertThat(g.value()).isZero());
        }
        assertThat(counter("camel.aws.events.accepted").getId().getTag("component")).isEqualTo("aws-scn-event");
        assertThat(counter("camel.aws.events.accepted").getId().getTag("endpoint")).contains("maxAttempts=10");

        DeliveryStats delivered = scnEndpoint(SCN + "?eventType=" + TYPE + "&maxAttempts=10").getDeliveryStats();
        assertThat(delivered.accepted()).isEqualTo(stored);
        assertThat(delivered.failedByCode()).containsExactly(Map.entry("ValidationException", 1L));
        assertThat(delivered.requests()).isEqualTo(ok.count() + 1);

        context.stop();
        assertThat(Search.in(meters).name(n -> n.startsWith("camel.aws.events.")).meters())
                .as("the stopped endpoint's meters are removed").isEmpty();
    }

    @Test
    void withCoalescingEveryRecordOfAnAnsweredEventIsCountedOnceAsAcceptedFailedOrRetried() throws Exception {
        emulator().faults().set(FaultSettings.builder().latency(Duration.ofMillis(20)).build());
        MockEndpoint sent = getMockEndpoint("mock:sent");
        MockEndpoint dead = getMockEndpoint("mock:dead");
        for (int seq = 0; seq < SINGLES; seq++) {
            template.sendBody("seda:coalesced", seq == POISONED ? "{\"tpartner_id\":\"p\",\"seq\":" + seq + "}" : record(seq));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> sent.getReceivedCounter() + dead.getReceivedCounter() == SINGLES);
        assertThat(dead.getReceivedCounter()).isEqualTo(1);

        long stored = storedRecords();
        assertThat(stored).isEqualTo(SINGLES - 1);
        double retried = counter("camel.aws.events.retried").count();
        assertThat((long) counter("camel.aws.events.accepted").count()).isEqualTo(stored);
        assertThat((long) failed("ValidationException")).isEqualTo(1);
        assertThat(items().totalAmount())
                .as("records per event: each accepted, failed or sent again in a smaller event")
                .isEqualTo(stored + 1 + retried);
        assertThat(meters.get("camel.aws.events.requests").tag("outcome", "error").timers().stream()
                .mapToLong(Timer::count).sum()).isEqualTo(emulator().stats().rejected("ValidationException"));
    }

    @Test
    void devConsoleShowsEachEndpointsCountsAndLastErrorsWithoutSecretsOrRecords() throws Exception {
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        context.getEndpoint("aws-scn-event:" + INSTANCE + "?eventType=scn.data.shipment&secretKey=RAW(" + secret
                            + ")&accessKey=AKIAIDLE000000000000");
        MockEndpoint sent = getMockEndpoint("mock:sent");
        MockEndpoint dead = getMockEndpoint("mock:dead");
        sendAll(POISONED + 3);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> sent.getReceivedCounter() + dead.getReceivedCounter() == POISONED + 3);

        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("aws-scn-event");
        assertThat(console).isInstanceOf(AwsScnEventDevConsole.class);
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);

        assertThat(text).contains("records accepted: " + (POISONED + 2) + ", failed: 1, retried: 0")
                .contains("in flight: 0, pending exchanges: 0, waiting events: 0")
                .contains("failed by error code: ValidationException=1")
                .contains("ValidationException (1 records): ValidationException (HTTP 400): ")
                .contains("scn.data.shipment").contains("(not delivering)");
        for (String shown : List.of(text, json.toJson())) {
            assertThat(shown).doesNotContain(secret).doesNotContain(emulator().secretKey())
                    .doesNotContain("AKIAIDLE000000000000").doesNotContain("\"p\"").doesNotContain("order-")
                    .doesNotContain("\"seq\"");
        }
        List<JsonObject> endpoints = json.getCollection("endpoints");
        assertThat(endpoints).hasSize(3);
        JsonObject busy = endpoints.stream().filter(e -> e.getString("uri").contains("maxAttempts")).findFirst()
                .orElseThrow();
        assertThat(busy.getBoolean("delivering")).isTrue();
        assertThat(busy.getString("uri")).startsWith("aws-scn-event://" + INSTANCE).contains("scn.data.inboundorder");
        assertThat(busy.getLong("accepted")).isEqualTo(POISONED + 2);
        assertThat(busy.getLong("failed")).isEqualTo(1);
        assertThat(busy.getLong("requests")).isEqualTo(POISONED + 3);
        assertThat(busy.getString("itemUnit")).isEqualTo("records");
        assertThat(busy.getString("waitingUnit")).isEqualTo("events");
        List<JsonObject> errors = busy.getCollection("lastErrors");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getString("errorCode")).isEqualTo("ValidationException");
            assertThat(e.getInteger("items")).isEqualTo(1);
        });
    }

    /** A counter of every endpoint (only one sends in each test). */
    private Counter counter(String name) {
        return Search.in(meters).name(name).counters().stream().filter(c -> c.count() > 0).findFirst()
                .orElse(meters.get(name).counter());
    }

    /** The records-per-event summary of the endpoint that sent. */
    private io.micrometer.core.instrument.DistributionSummary items() {
        return Search.in(meters).name("camel.aws.events.request.items").summaries().stream()
                .filter(s -> s.count() > 0).findFirst().orElseThrow();
    }

    private double failed(String errorCode) {
        Counter c = Search.in(meters).name("camel.aws.events.failed").tag("errorCode", errorCode).counter();
        return c == null ? 0 : c.count();
    }
}
