package io.github.camelawsevents.quarkus.deployment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.logging.LogRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.FluentProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with the extension and no AWS settings at all, in test mode: Dev Services start the emulator,
 * log where, and point both components at it.
 */
class DevServicesEmulatorTest {

    private static final String INSTANCE_ID = "3f2a9c1e-7b4d-4e8a-9c61-2d5b8e0f1a7c";
    private static final String EVENT_SOURCE = "aws.partner/example.com/orders/order-events";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Routes.class))
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.github.camelawsevents.quarkus"))
            .assertLogRecords(DevServicesEmulatorTest::startedOnceOnAFreeLoopbackPort);

    @Inject
    FluentProducerTemplate producer;

    @Test
    void bothComponentsArePointedAtTheEmulator() {
        for (String scheme : List.of("aws-scn-event", "aws-partner-events")) {
            String prefix = "camel.component." + scheme + ".";
            assertThat(config(prefix + "override-endpoint")).isEqualTo("true");
            assertThat(config(prefix + "uri-endpoint-override")).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*");
            assertThat(config(prefix + "region")).isEqualTo("us-east-1");
            assertThat(config(prefix + "access-key")).isEqualTo("AKIAEMULATOR00000000");
        }
    }

    @Test
    void bothComponentsDeliverToTheDevServicesEmulator() throws Exception {
        Exchange scn = producer.to("direct:scn").withBody("{\"id\":\"PO-1\",\"tpartner_id\":\"SUP-1\"}").send();
        Exchange partner = producer.to("direct:partner").withBody("{\"orderId\":\"SO-1\"}").send();

        assertThat(scn.getException()).isNull();
        assertThat(partner.getException()).isNull();
        JsonNode scnEvents = inspect("/_emulator/scn/events?instanceId=" + INSTANCE_ID
                                     + "&eventType=scn.data.inboundorder&eventGroupId=dev-services").get("events");
        assertThat(scnEvents).hasSize(1);
        assertThat(scnEvents.get(0).get("eventId").asText()).isEqualTo(scn.getMessage().getHeader("CamelAwsScnEventId"));
        JsonNode partnerEvents = inspect("/_emulator/partner/events").get("events");
        assertThat(partnerEvents).hasSize(1);
        assertThat(partnerEvents.get(0).get("source").asText()).isEqualTo(EVENT_SOURCE);
        assertThat(partnerEvents.get(0).get("eventId").asText())
                .isEqualTo(partner.getMessage().getHeader("CamelAwsPartnerEventsEventId"));
    }

    public static class Routes extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:scn").to("aws-scn-event:" + INSTANCE_ID + "?eventType=scn.data.inboundorder&eventGroupId=dev-services");
            from("direct:partner").to("aws-partner-events:" + EVENT_SOURCE + "?detailType=OrderEvent");
        }
    }

    private static void startedOnceOnAFreeLoopbackPort(List<LogRecord> records) {
        assertThat(records).filteredOn(r -> r.getMessage() != null
                                            && formatted(r).startsWith("Dev Services for Camel AWS Events started the emulator at "))
                .singleElement()
                .satisfies(r -> assertThat(formatted(r)).matches(
                        "Dev Services for Camel AWS Events started the emulator at http://127\\.0\\.0\\.1:[1-9][0-9]* .*"));
    }

    private static String formatted(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters == null ? record.getMessage() : String.format(record.getMessage(), parameters);
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    static JsonNode inspect(String pathAndQuery) throws Exception {
        URI emulator = URI.create(config("camel.component.aws-scn-event.uri-endpoint-override"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(emulator.resolve(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
