package io.github.camelawsevents.aws.partner;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class HealthCheckDisabledRouteTest extends EmulatorRouteTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    @Override
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("aws-partner-events", AwsPartnerEventsComponent.class)
                .setHealthCheckProducerEnabled(false);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(URI);
            }
        };
    }

    @Test
    void healthCheckProducerEnabledFalseDisablesTheCheck() {
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        ((ProducersHealthCheckRepository) repository).setEnabled(true);
        HealthCheck check = repository.stream().filter(c -> c.getId().startsWith("producer:aws-partner-events-"))
                .findFirst().orElseThrow();
        assertThat(check.isEnabled()).isFalse();
    }
}
