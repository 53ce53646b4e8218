package io.github.camelawsevents.aws.partner.security;

import java.util.List;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import io.github.camelawsevents.aws.partner.AwsPartnerEventsComponent;
import io.github.camelawsevents.aws.partner.AwsPartnerEventsConstants;
import io.github.camelawsevents.aws.partner.AwsPartnerEventsEndpoint;
import io.github.camelawsevents.aws.partner.PartnerEventsFailedException;
import io.github.camelawsevents.aws.testsupport.AbstractNoSecretsAtTraceTest;
import io.github.camelawsevents.aws.testsupport.ComponentUnderTest;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared TRACE checks ({@link AbstractNoSecretsAtTraceTest}) over an {@code aws-partner-events} life cycle: a
 * send, a refused body, a refused DetailType, a failed request, failed entries after retries, health checks. No
 * secret and no Detail payload shows.
 */
class NoSecretsAtTraceTest extends AbstractNoSecretsAtTraceTest {

    static final String SOURCE = "aws.partner/example.com/orders/created";

    NoSecretsAtTraceTest() {
        super(new ComponentUnderTest("aws-partner-events", AwsPartnerEventsComponent::new));
    }

    @Override
    protected String uriWithoutCredentials(AwsEventsEmulator emulator) {
        return "aws-partner-events:" + SOURCE + "?detailType=OrderCreated&region=" + emulator.region()
               + "&overrideEndpoint=true&uriEndpointOverride=" + emulator.endpoint()
               + "&maxAttempts=1&entryRetryAttempts=1&entryRetryBackoff=1&entryRetryMaxBackoff=2";
    }

    static final String DETAIL = "{\"secret\":\"" + PAYLOAD + "\"}";

    @Override
    protected Object successBody() {
        return DETAIL;
    }

    @Override
    protected void exercise(CamelContext context, ProducerTemplate template, AwsEventsEmulator emulator,
            Exchange ok, List<String> observed) {
        String detail = DETAIL;
        Exchange refused = template.send("direct:send", e -> e.getMessage().setBody("[\"" + PAYLOAD + "\"]"));
        assertThat(refused.getException()).isInstanceOf(FieldValidationException.class);
        observe(observed, refused.getException());
        Exchange refusedType = template.send("direct:send", e -> {
            e.getMessage().setBody(detail);
            e.getMessage().setHeader(AwsPartnerEventsConstants.DETAIL_TYPE, "x".repeat(129));
        });
        observe(observed, refusedType.getException());

        emulator.faults().set(FaultSettings.builder().serverErrorRate(1.0).build());
        Exchange failed = template.send("direct:send", e -> e.getMessage().setBody(detail));
        assertThat(failed.getException()).isInstanceOf(PartnerEventsFailedException.class)
                .hasCauseInstanceOf(EventBridgeException.class);
        observe(observed, failed.getException());
        observe(observed, healthChecks(context));

        emulator.faults().set(FaultSettings.builder().entryThrottleRate(1.0).build());
        Exchange entries = template.send("direct:send", e -> e.getMessage().setBody(List.of(detail, detail)));
        assertThat(entries.getException()).isInstanceOf(PartnerEventsFailedException.class);
        observe(observed, entries.getException());
        observe(observed, ((PartnerEventsFailedException) entries.getException()).failedEntries());
        observed.add(String.valueOf(entries.getMessage().getHeader(AwsPartnerEventsConstants.FAILED_ENTRIES)));
        emulator.faults().clear();
    }

    @Override
    protected List<String> configurations(CamelContext context, Endpoint endpoint) {
        return List.of(((AwsPartnerEventsEndpoint) endpoint).getConfiguration().toString(),
                ((AwsPartnerEventsComponent) context.getComponent("aws-partner-events")).getConfiguration().toString());
    }

    @Override
    protected boolean isProducerHealthCheck(String line) {
        return line.startsWith("producer:aws-partner-events-");
    }
}
