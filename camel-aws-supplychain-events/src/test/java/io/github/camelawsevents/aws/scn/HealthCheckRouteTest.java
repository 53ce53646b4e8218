package io.github.camelawsevents.aws.scn;

import java.util.Map;
import java.util.Optional;

import io.github.camelawsevents.aws.emulator.FaultSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The producer health check in Camel's producers repository follows the outcome of requests to AWS. */
class HealthCheckRouteTest extends EmulatorRouteTestSupport {


    private static final String TO = SCN + "?eventType=scn.data.inboundorder&eventGroupId=g&maxAttempts=1";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.setEnabled(true);
        registry.setExposureLevel("full");
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("send").to(TO);
            }
        };
    }

    private HealthCheck producerCheck() {
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        assertThat(producers).isNotNull();
        producers.setEnabled(true);
        Optional<HealthCheck> check = producers.stream()
                .filter(c -> c.getId().startsWith("producer:aws-scn-event-")).findFirst();
        assertThat(check).isPresent();
        return check.get();
    }

    @Test
    void theCheckIsUpAfterAnAcceptedRequestAndDownAfterAFailedOne() {
        assertThat(send("direct:send", "{\"id\":\"1\"}", Map.of()).getException()).isNull();
        HealthCheck check = producerCheck();
        assertThat(check.isEnabled()).isTrue();
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);

        emulator().faults().set(FaultSettings.builder().serverErrorRate(1.0).build());
        Exchange failed = send("direct:send", "{\"id\":\"2\"}", Map.of());
        assertThat(failed.getException()).isInstanceOf(ScnEventDeliveryException.class);
        HealthCheck.Result down = check.call();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("InternalServerException"));
        assertThat(down.getDetails()).containsEntry("failures", 1L).doesNotContainValue("{\"id\":\"2\"}");

        emulator().faults().clear();
        assertThat(send("direct:send", "{\"id\":\"3\"}", Map.of()).getException()).isNull();
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void inputRefusedBeforeSendingLeavesTheCheckUp() {
        assertThat(send("direct:send", "not json", Map.of()).getException()).isNotNull();
        assertThat(producerCheck().call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void theComponentOptionDisablesTheChecks() throws Exception {
        context.getRouteController().stopRoute("send");
        context.getComponent("aws-scn-event", AwsScnEventComponent.class).setHealthCheckProducerEnabled(false);
        context.getRouteController().startRoute("send");
        assertThat(producerCheck().isEnabled()).isFalse();
    }
}
