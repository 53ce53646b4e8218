package io.github.camelawsevents.quarkus.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.FluentProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application has no AWS settings in test mode (application.properties sets them for prod only): Dev Services
 * start the emulator, and both components deliver to it. The test reads the events back from that emulator, the
 * Supply Chain event through the AWS SDK's GetDataIntegrationEvent, the partner events through the emulator's
 * inspection API (EventBridge has no read-back operation).
 */
@QuarkusTest
class DevServicesTest {

    @ConfigProperty(name = "app.scn.instance-id")
    String instanceId;

    @ConfigProperty(name = "app.partner.event-source")
    String eventSource;

    /** Given by Dev Services. */
    @ConfigProperty(name = "camel.component.aws-scn-event.uri-endpoint-override")
    String scnEndpoint;

    @ConfigProperty(name = "camel.component.aws-partner-events.uri-endpoint-override")
    String partnerEndpoint;

    @ConfigProperty(name = "camel.component.aws-scn-event.region")
    String region;

    @ConfigProperty(name = "camel.component.aws-scn-event.access-key")
    String accessKey;

    @ConfigProperty(name = "camel.component.aws-scn-event.secret-key")
    String secretKey;

    @Inject
    FluentProducerTemplate producer;

    @Test
    void bothComponentsArePointedAtOneLoopbackEmulatorOnAFreePort() {
        assertThat(scnEndpoint).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*").isEqualTo(partnerEndpoint);
    }

    @Test
    void anInboundOrderIsStoredInTheDevServicesEmulator() {
        Exchange reply = producer.to("direct:inbound-orders")
                .withBody("{\"id\":\"PO-1001\",\"tpartner_id\":\"SUP-7\",\"order_type\":\"PO\"}").send();

        assertThat(reply.getException()).isNull();
        String eventId = reply.getMessage().getHeader("CamelAwsScnEventId", String.class);
        try (SupplyChainAsyncClient supplyChain = SupplyChainAsyncClient.builder()
                .endpointOverride(URI.create(scnEndpoint))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .build()) {
            DataIntegrationEvent event = supplyChain
                    .getDataIntegrationEvent(get -> get.instanceId(instanceId).eventId(eventId)).join().event();

            assertThat(event.eventTypeAsString()).isEqualTo("scn.data.inboundorder");
            assertThat(event.eventGroupId()).isEqualTo("inbound-orders");
        }
    }

    @Test
    void orderEventsAreStoredInTheDevServicesEmulatorInRequestsOfTheConfiguredSize() throws Exception {
        List<String> orders = IntStream.rangeClosed(1, 7).mapToObj(i -> "{\"orderId\":\"SO-" + i + "\"}").toList();

        Exchange reply = producer.to("direct:order-events").withBody(orders).send();

        assertThat(reply.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<String> eventIds = reply.getMessage().getHeader("CamelAwsPartnerEventsEventIds", List.class);
        List<String> stored = new ArrayList<>();
        for (JsonNode event : inspect("/_emulator/partner/events?limit=1000").get("events")) {
            if (eventIds.contains(event.get("eventId").asText())) {
                assertThat(event.get("source").asText()).isEqualTo(eventSource);
                assertThat(event.get("detailType").asText()).isEqualTo("OrderEvent");
                stored.add(event.get("detail").asText());
            }
        }
        assertThat(stored).containsExactlyInAnyOrderElementsOf(orders);
    }

    private JsonNode inspect(String pathAndQuery) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(partnerEndpoint).resolve(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
