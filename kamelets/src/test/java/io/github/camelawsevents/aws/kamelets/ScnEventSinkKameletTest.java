package io.github.camelawsevents.aws.kamelets;

import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import io.github.camelawsevents.aws.scn.AwsScnEventConfiguration;
import io.github.camelawsevents.aws.scn.AwsScnEventEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.FluentProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.retry.RetryMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * YAML routes {@code to: kamelet:aws-scn-event-sink} with the Kamelet's properties as parameters
 * (routes/scn-events.yaml) against the emulator.
 */
class ScnEventSinkKameletTest {

    static final String ACCESS_KEY = "AKIAKAMELETSCN000000";
    static final String SECRET_KEY = "kamelet-scn-secret-8Rt2";
    static final String INSTANCE_ID = "3f2a9c1e-7b4d-4e8a-9c61-2d5b8e0f1a7c";
    static final String DATASET_ARN = "arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE_ID
                                      + "/namespaces/default/datasets/products";

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension(
            AwsEventsEmulator.builder().credentials(ACCESS_KEY, SECRET_KEY));

    private CapturedLog log;
    private CamelContext context;
    private FluentProducerTemplate producer;

    @BeforeEach
    void startRoutes() throws Exception {
        log = CapturedLog.start();
        context = YamlRoutes.start(EMULATOR.emulator(),
                Map.of("app.instance-id", INSTANCE_ID, "app.dataset-arn", DATASET_ARN), "routes/scn-events.yaml");
        producer = context.createFluentProducerTemplate();
    }

    @AfterEach
    void stopRoutes() throws Exception {
        try {
            if (context != null) {
                context.close();
            }
        } finally {
            log.close();
        }
    }

    @Test
    void anInboundOrderIsStoredInTheKameletsInstanceEventTypeAndGroup() {
        Exchange reply = producer.to("direct:inbound-orders")
                .withBody("{\"id\":\"PO-1\",\"tpartner_id\":\"SUP-1\",\"order_type\":\"PO\"}").send();

        assertThat(reply.getException()).isNull();
        List<ScnEvent> stored = EMULATOR.emulator().supplyChain().events(INSTANCE_ID, "scn.data.inboundorder",
                "inbound-orders");
        assertThat(stored).singleElement().satisfies(event -> {
            assertThat(event.data()).isEqualTo("{\"id\":\"PO-1\",\"tpartner_id\":\"SUP-1\",\"order_type\":\"PO\"}");
            assertThat(event.eventId()).isEqualTo(reply.getMessage().getHeader("CamelAwsScnEventId"));
        });
    }

    @Test
    void theClientTokenSourceOfTheKameletMakesIdenticalContentOneEvent() {
        // clientTokenSource=CONTENT_HASH in the route: two messages with the same record carry the same token
        producer.to("direct:inbound-orders").withBody("{\"id\":\"PO-2\"}").send();
        producer.to("direct:inbound-orders").withBody("{\"id\":\"PO-2\"}").send();

        assertThat(EMULATOR.emulator().supplyChain().events()).hasSize(1);
        assertThat(EMULATOR.emulator().supplyChain().idempotentReplays()).isEqualTo(1);
    }

    @Test
    void theGroupHeaderPassesThroughTheKameletAndOverridesItsGroup() {
        Exchange reply = producer.to("direct:inbound-orders").withHeader("CamelAwsScnEventGroupId", "PO-3")
                .withBody("{\"id\":\"PO-3\"}").send();

        assertThat(reply.getException()).isNull();
        assertThat(EMULATOR.emulator().supplyChain().events()).singleElement()
                .satisfies(event -> assertThat(event.eventGroupId()).isEqualTo("PO-3"));
    }

    @Test
    void aDatasetEventCarriesTheKameletsDatasetAndOperation() {
        Exchange reply = producer.to("direct:dataset-upserts")
                .withBody(List.of(Map.of("product_id", "P-1"), Map.of("product_id", "P-2"))).send();

        assertThat(reply.getException()).isNull();
        assertThat(EMULATOR.emulator().supplyChain().events()).singleElement().satisfies(event -> {
            assertThat(event.eventType()).isEqualTo("scn.data.dataset");
            assertThat(event.eventGroupId()).isEqualTo("products");
            assertThat(event.datasetIdentifier()).isEqualTo(DATASET_ARN);
            assertThat(event.operationType()).isEqualTo("UPSERT");
            assertThat(event.data()).isEqualTo("[{\"product_id\":\"P-1\"},{\"product_id\":\"P-2\"}]");
        });
    }

    @Test
    void theRetryOptionsOfTheKameletReachTheEndpoint() {
        producer.to("direct:dataset-upserts").withBody("{\"id\":\"P-9\"}").send();

        AwsScnEventConfiguration config = context.getEndpoints().stream()
                .filter(AwsScnEventEndpoint.class::isInstance).map(e -> ((AwsScnEventEndpoint) e).getConfiguration())
                .filter(c -> "products".equals(c.getEventGroupId())).findFirst().orElseThrow();
        assertThat(config.getRetryMode()).isEqualTo(RetryMode.STANDARD);
        assertThat(config.getMaxAttempts()).isEqualTo(3);
        assertThat(config.isRetryCircuitBreaker()).isFalse();
        assertThat(config.getRetryBaseDelay()).isEqualTo(50);
        assertThat(config.getRetryThrottlingBaseDelay()).isEqualTo(100);
        assertThat(config.getRetryMaxBackoff()).isEqualTo(1_000);
    }

    @Test
    void theSecretKeyAndAccessKeyAreNeverLogged() {
        Exchange reply = producer.to("direct:inbound-orders").withBody("{\"id\":\"PO-4\"}").send();
        assertThat(reply.getException()).isNull();
        context.stop();

        assertThat(log.text()).contains("credentials=static(accessKey=AKIA****)").doesNotContain(SECRET_KEY).doesNotContain(ACCESS_KEY);
    }
}
