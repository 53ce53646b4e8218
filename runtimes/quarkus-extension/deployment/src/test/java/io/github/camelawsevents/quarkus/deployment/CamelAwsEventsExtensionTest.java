package io.github.camelawsevents.quarkus.deployment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.builder.BuildStep;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ServiceProviderBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.FluentProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds and boots an application with the extension in JVM mode: the build steps produce what a native image
 * needs (checked on the build items themselves), and both components send to the emulator. The native image
 * itself is not built here (no GraalVM / Mandrel on this machine).
 */
class CamelAwsEventsExtensionTest {

    private static final String INSTANCE_ID = "3f2a9c1e-7b4d-4e8a-9c61-2d5b8e0f1a7c";
    private static final String EVENT_SOURCE = "aws.partner/example.com/orders/order-events";
    /** Written at build time by the recording build step below, read back at run time as a resource. */
    private static final String SEEN = "camel-aws-events-test/build-items.txt";

    /**
     * QuarkusUnitTest loads this class twice (once to build the application, once in the application's class
     * loader to run the test methods), so the emulator is started once per JVM and shared through system
     * properties; the test methods inspect it over its HTTP inspection API rather than through a static field.
     */
    static final URI EMULATOR = emulatorOncePerJvm();

    @RegisterExtension
    static final QuarkusUnitTest APP = withEmulatorConfig(new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Routes.class))
            .addBuildChainCustomizer(recordBuildItems()));

    @Inject
    FluentProducerTemplate producer;

    @Test
    void nativeImageNeedsAreProducedAtBuildTime() throws Exception {
        String seen;
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SEEN)) {
            assertThat(in).as(SEEN).isNotNull();
            seen = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(seen)
                .contains("service:META-INF/services/" + CamelAwsEventsProcessor.ASYNC_HTTP_SERVICE + "="
                          + CamelAwsEventsProcessor.NETTY_HTTP_SERVICE)
                .contains("reflect:software.amazon.awssdk.awscore.interceptor.TraceIdExecutionInterceptor")
                .contains("reflect:io.github.camelawsevents.aws.scn.AwsScnEventComponentConfigurer")
                .contains("reflect:io.github.camelawsevents.aws.partner.AwsPartnerEventsComponentConfigurer")
                .contains("runtime-init:software.amazon.awssdk.core.retry.backoff.FullJitterBackoffStrategy");
    }

    @Test
    void bothComponentsSendToTheEmulator() throws Exception {
        Exchange scn = producer.to("direct:scn").withBody("{\"id\":\"PO-1\",\"tpartner_id\":\"SUP-1\"}").send();
        Exchange partner = producer.to("direct:partner").withBody(List.of("{\"orderId\":\"SO-1\"}")).send();

        assertThat(scn.getException()).isNull();
        assertThat(partner.getException()).isNull();
        JsonNode scnEvents = inspect("/_emulator/scn/events?instanceId=" + INSTANCE_ID
                                     + "&eventType=scn.data.inboundorder&eventGroupId=orders").get("events");
        assertThat(scnEvents).hasSize(1);
        assertThat(scnEvents.get(0).get("eventId").asText()).isEqualTo(scn.getMessage().getHeader("CamelAwsScnEventId"));
        JsonNode partnerEvents = inspect("/_emulator/partner/events").get("events");
        assertThat(partnerEvents).hasSize(1);
        assertThat(partnerEvents.get(0).get("source").asText()).isEqualTo(EVENT_SOURCE);
    }

    public static class Routes extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:scn").to("aws-scn-event:" + INSTANCE_ID + "?eventType=scn.data.inboundorder&eventGroupId=orders");
            from("direct:partner").to("aws-partner-events:" + EVENT_SOURCE + "?detailType=OrderEvent");
        }
    }

    private static URI emulatorOncePerJvm() {
        synchronized (System.class) {
            if (System.getProperty("camel-aws-events.test.emulator") == null) {
                AwsEventsEmulator emulator = AwsEventsEmulator.startDefault();
                Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
                System.setProperty("camel-aws-events.test.emulator", emulator.endpoint().toString());
                System.setProperty("camel-aws-events.test.emulator.region", emulator.region());
                System.setProperty("camel-aws-events.test.emulator.access-key", emulator.accessKey());
                System.setProperty("camel-aws-events.test.emulator.secret-key", emulator.secretKey());
            }
            return URI.create(System.getProperty("camel-aws-events.test.emulator"));
        }
    }

    private static JsonNode inspect(String pathAndQuery) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(EMULATOR.resolve(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static QuarkusUnitTest withEmulatorConfig(QuarkusUnitTest app) {
        for (String scheme : List.of("aws-scn-event", "aws-partner-events")) {
            String prefix = "camel.component." + scheme + ".";
            app.overrideConfigKey(prefix + "region", System.getProperty("camel-aws-events.test.emulator.region"))
                    .overrideConfigKey(prefix + "access-key",
                            System.getProperty("camel-aws-events.test.emulator.access-key"))
                    .overrideConfigKey(prefix + "secret-key",
                            System.getProperty("camel-aws-events.test.emulator.secret-key"))
                    .overrideConfigKey(prefix + "override-endpoint", "true")
                    .overrideConfigKey(prefix + "uri-endpoint-override", EMULATOR.toString());
        }
        return app;
    }

    /** A build step that records the build items the extension produced, for the assertions above. */
    private static Consumer<BuildChainBuilder> recordBuildItems() {
        return chain -> chain.addBuildStep(new BuildStep() {
            @Override
            public void execute(BuildContext context) {
                String services = context.consumeMulti(ServiceProviderBuildItem.class).stream()
                        .flatMap(s -> s.providers().stream().map(p -> "service:" + s.serviceDescriptorFile() + "=" + p))
                        .collect(Collectors.joining("\n"));
                String reflective = context.consumeMulti(ReflectiveClassBuildItem.class).stream()
                        .flatMap(r -> r.getClassNames().stream())
                        .map(c -> "reflect:" + c)
                        .collect(Collectors.joining("\n"));
                String runtimeInit = context.consumeMulti(RuntimeInitializedClassBuildItem.class).stream()
                        .map(r -> "runtime-init:" + r.getClassName())
                        .collect(Collectors.joining("\n"));
                String seen = String.join("\n", services, reflective, runtimeInit);
                // a resource of the application: the build consumes it (so the chain keeps this step) and the
                // test reads it back through the application's class loader
                context.produce(new GeneratedResourceBuildItem(SEEN, seen.getBytes(StandardCharsets.UTF_8)));
            }
        }).consumes(ServiceProviderBuildItem.class)
                .consumes(ReflectiveClassBuildItem.class)
                .consumes(RuntimeInitializedClassBuildItem.class)
                .produces(GeneratedResourceBuildItem.class)
                .build();
    }
}
