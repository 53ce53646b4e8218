package io.github.camelawsevents.aws.partner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.camelawsevents.aws.core.metrics.DeliveryStats;
import io.github.camelawsevents.aws.emulator.Api;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.EmulatorStats;
import io.github.camelawsevents.aws.emulator.FaultKind;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.util.json.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a MeterRegistry in the Camel registry, the producer's meters count exactly what the emulator stored and
 * refused: under injected per-entry throttling (retried) and with one poisoned entry (refused as MalformedDetail), in
 * single-event exchanges and a batch. Stopping the endpoint removes its meters. The dev console shows the same per
 * endpoint, as text and JSON, without secrets or payloads.
 */
class MetricsAndDevConsoleRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension(
            AwsEventsEmulator.builder().seed(7));

    private static final int SINGLES = 300;
    private static final int BATCH = 50;
    private static final String POISON = "{\"poison\":true}";

    private static EventBridgeAsyncClient poisoning;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @AfterAll
    static void closeClient() {
        if (poisoning != null) {
            poisoning.close();
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", meters);
        context.getRegistry().bind("poisoning", poisoningClient(emulator()));
        context.setDevConsole(true);
        return context;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from("seda:events?size=1000").routeId("events")
                        .to(URI + "&entryRetryAttempts=20&eventBridgeClient=#poisoning").to("mock:sent");
            }
        } };
    }

    @Test
    void metersCountWhatTheEmulatorStoredAndRefused() throws Exception {
        emulator().faults().set(FaultSettings.builder().entryThrottleRate(0.3).latency(Duration.ofMillis(5)).build());
        MockEndpoint sent = getMockEndpoint("mock:sent");
        MockEndpoint dead = getMockEndpoint("mock:dead");
        List<String> details = indexedDetails(SINGLES);
        details.set(SINGLES / 2, POISON);
        for (String detail : details) {
            template.sendBody("seda:events", detail);
        }
        template.sendBody("seda:events", new ArrayList<>(indexedDetails(BATCH)));
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> sent.getReceivedCounter() + dead.getReceivedCounter() == SINGLES + 1);
        assertThat(dead.getReceivedCounter()).as("only the poisoned exchange").isEqualTo(1);

        EmulatorStats stats = emulator().stats();
        long stored = emulator().partnerEvents().count();
        long throttled = stats.faults(FaultKind.ENTRY_THROTTLED);
        assertThat(stored).isEqualTo(SINGLES + BATCH - 1);
        assertThat(throttled).as("the fault was injected").isPositive();

        assertThat((long) counter("camel.aws.events.accepted").count()).isEqualTo(stored);
        assertThat((long) failed("MalformedDetail")).isEqualTo(stats.failedEntriesByErrorCode().get("MalformedDetail"))
                .isEqualTo(1);
        double throttledForGood = failed("ThrottlingException");
        assertThat((long) (counter("camel.aws.events.retried").count() + throttledForGood))
                .as("every throttled entry was retried or failed for good").isEqualTo(throttled);
        List<Integer> answered = emulator().partnerEvents().batchSizes();
        Timer ok = meters.get("camel.aws.events.requests").tag("outcome", "success").timer();
        assertThat(ok.count()).isEqualTo(answered.size()).isEqualTo((int) stats.requests(Api.PARTNER_EVENTS));
        assertThat(Search.in(meters).name("camel.aws.events.requests").tag("outcome", "error").timers()).isEmpty();
        assertThat((long) meters.get("camel.aws.events.request.items").summary().totalAmount())
                .as("entries per request, as the emulator received them")
                .isEqualTo(answered.stream().mapToLong(Integer::longValue).sum())
                .isEqualTo(stored + 1 + throttled);
        assertThat(meters.get("camel.aws.events.request.items").summary().max()).isLessThanOrEqualTo(20.0);
        assertThat(meters.get("camel.aws.events.requests.inflight").gauge().value()).isZero();
        assertThat(meters.get("camel.aws.events.exchanges.pending").gauge().value()).isZero();
        assertThat(meters.get("camel.aws.events.waiting").gauge().value()).isZero();

        AwsPartnerEventsEndpoint endpoint = context.getEndpoints().stream().filter(AwsPartnerEventsEndpoint.class::isInstance)
                .map(AwsPartnerEventsEndpoint.class::cast).findFirst().orElseThrow();
        DeliveryStats delivered = endpoint.getDeliveryStats();
        assertThat(delivered.accepted()).isEqualTo(stored);
        assertThat(delivered.failedByCode()).containsEntry("MalformedDetail", 1L);
        assertThat(delivered.retried()).isEqualTo((long) counter("camel.aws.events.retried").count());
        assertThat(delivered.requests()).isEqualTo(answered.size());
        assertThat(delivered.lastErrors()).anySatisfy(e -> assertThat(e.errorCode()).isEqualTo("MalformedDetail"));
        assertThat(counter("camel.aws.events.accepted").getId().getTag("component")).isEqualTo("aws-partner-events");
        assertThat(counter("camel.aws.events.accepted").getId().getTag("endpoint")).startsWith("aws-partner-events:");

        context.stop();
        assertThat(Search.in(meters).name(n -> n.startsWith("camel.aws.events.")).meters())
                .as("the stopped endpoint's meters are removed").isEmpty();
    }

    @Test
    void devConsoleShowsEachEndpointsCountsAndLastErrorsWithoutSecretsOrPayloads() throws Exception {
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        context.getEndpoint("aws-partner-events:aws.partner/example.com/orders/idle?detailType=Idle&secretKey=RAW("
                            + secret + ")&accessKey=AKIAIDLE000000000000");
        MockEndpoint sent = getMockEndpoint("mock:sent");
        MockEndpoint dead = getMockEndpoint("mock:dead");
        List<String> details = indexedDetails(20);
        details.set(3, POISON);
        for (String detail : details) {
            template.sendBody("seda:events", detail);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> sent.getReceivedCounter() + dead.getReceivedCounter() == 20);

        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("aws-partner-events");
        assertThat(console).isInstanceOf(AwsPartnerEventsDevConsole.class);
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);

        assertThat(text).contains("entries accepted: 19, failed: 1, retried: 0")
                .contains("in flight: 0, pending exchanges: 0, waiting entries: 0")
                .contains("failed by error code: MalformedDetail=1")
                .contains("MalformedDetail (1 entries): Detail is malformed.")
                .contains("aws.partner/example.com/orders/idle").contains("(not delivering)");
        for (String shown : List.of(text, json.toJson())) {
            assertThat(shown).doesNotContain(secret).doesNotContain(emulator().secretKey())
                    .doesNotContain("AKIAIDLE000000000000").doesNotContain("\"i\":").doesNotContain("poison\"");
        }
        List<JsonObject> endpoints = json.getCollection("endpoints");
        assertThat(endpoints).hasSize(2);
        JsonObject busy = endpoints.stream().filter(e -> e.getBoolean("delivering")).findFirst().orElseThrow();
        assertThat(busy.getString("uri")).startsWith("aws-partner-events://aws.partner/example.com/orders/created");
        assertThat(busy.getLong("accepted")).isEqualTo(19);
        assertThat(busy.getLong("failed")).isEqualTo(1);
        assertThat(busy.getMap("failedByErrorCode").get("MalformedDetail")).isEqualTo(1L);
        assertThat(busy.getLong("requests")).isEqualTo(emulator().partnerEvents().requestCount());
        assertThat(busy.getInteger("requestsInFlight")).isZero();
        assertThat(busy.getInteger("waiting")).isZero();
        List<JsonObject> errors = busy.getCollection("lastErrors");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getString("errorCode")).isEqualTo("MalformedDetail");
            assertThat(e.getInteger("items")).isEqualTo(1);
            assertThat(e.getString("message")).isEqualTo("Detail is malformed.");
            assertThat(e.getString("time")).isNotBlank();
        });
    }

    private Counter counter(String name) {
        return meters.get(name).counter();
    }

    private double failed(String errorCode) {
        Counter c = Search.in(meters).name("camel.aws.events.failed").tag("errorCode", errorCode).counter();
        return c == null ? 0 : c.count();
    }

    /** A client of the emulator that spoils the Detail of the poisoned entry on the wire, past the producer's checks. */
    private static synchronized EventBridgeAsyncClient poisoningClient(AwsEventsEmulator emulator) {
        if (poisoning == null) {
            poisoning = EventBridgeAsyncClient.builder().region(Region.of(emulator.region()))
                    .endpointOverride(emulator.endpoint())
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(emulator.accessKey(), emulator.secretKey())))
                    .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                        @Override
                        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
                            if (context.request() instanceof PutPartnerEventsRequest request) {
                                List<PutPartnerEventsRequestEntry> entries = request.entries().stream()
                                        .map(e -> POISON.equals(e.detail()) ? e.toBuilder().detail("{poison").build() : e)
                                        .toList();
                                return request.toBuilder().entries(entries).build();
                            }
                            return context.request();
                        }
                    }))
                    .build();
        }
        return poisoning;
    }
}
