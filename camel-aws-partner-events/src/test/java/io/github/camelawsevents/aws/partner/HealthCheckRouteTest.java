package io.github.camelawsevents.aws.partner;

import java.util.Optional;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class HealthCheckRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(URI + "&maxAttempts=1");
            }
        };
    }

    private Optional<HealthCheck> producerCheck() {
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        assertThat(repository).as("the producers repository").isNotNull();
        ((ProducersHealthCheckRepository) repository).setEnabled(true);
        return repository.stream().filter(c -> c.getId().startsWith("producer:aws-partner-events-")).findFirst();
    }

    private HealthCheck.State state() {
        return producerCheck().orElseThrow().call().getState();
    }

    @Test
    void theProducerIsUpAfterStartAndAfterASuccessfulSend() {
        assertThat(state()).isEqualTo(HealthCheck.State.UP);
        template.sendBody("direct:send", "{}");
        HealthCheck.Result result = producerCheck().orElseThrow().call();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("successes", 1L).containsKey("lastSuccess");
    }

    @Test
    void theProducerIsDownWhileTheLastRequestFailedAndUpAgainAfterASuccess() {
        emulator().faults().set(FaultSettings.builder().serverErrorRate(1.0).build());
        template.send("direct:send", e -> e.getMessage().setBody("{}"));
        HealthCheck.Result down = producerCheck().orElseThrow().call();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("500"));
        assertThat(down.getCheck().isLiveness()).isFalse();

        emulator().faults().clear();
        template.sendBody("direct:send", "{}");
        assertThat(state()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void refusedInputDoesNotMakeTheProducerUnhealthy() {
        template.send("direct:send", e -> e.getMessage().setBody("not json"));
        assertThat(state()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void theCheckIsReportedThroughCamelsHealthApiAndRemovedWhenTheRouteStops() throws Exception {
        producerCheck();
        assertThat(HealthCheckHelper.invoke(context)).anySatisfy(r -> {
            assertThat(r.getCheck().getId()).startsWith("producer:aws-partner-events-");
            assertThat(r.getState()).isEqualTo(HealthCheck.State.UP);
        });
        context.getRouteController().stopRoute(context.getRoutes().get(0).getRouteId());
        assertThat(producerCheck()).isEmpty();
    }
}
