package io.github.camelawsevents.aws.scn.security;

import java.util.List;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import io.github.camelawsevents.aws.scn.AwsScnEventComponent;
import io.github.camelawsevents.aws.scn.AwsScnEventConstants;
import io.github.camelawsevents.aws.scn.AwsScnEventEndpoint;
import io.github.camelawsevents.aws.scn.ScnEventDeliveryException;
import io.github.camelawsevents.aws.testsupport.AbstractNoSecretsAtTraceTest;
import io.github.camelawsevents.aws.testsupport.ComponentUnderTest;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared TRACE checks ({@link AbstractNoSecretsAtTraceTest}) over an {@code aws-scn-event} life cycle: a send, a
 * read-back, a refused body, a refused group id, a refused record, a request failed after the SDK's attempts, health
 * checks. No secret and no record data shows.
 */
class NoSecretsAtTraceTest extends AbstractNoSecretsAtTraceTest {

    static final String INSTANCE = "8928ae12-15e5-4441-825d-ec2184f0a43a";

    NoSecretsAtTraceTest() {
        super(new ComponentUnderTest("aws-scn-event", AwsScnEventComponent::new));
    }

    @Override
    protected String uriWithoutCredentials(AwsEventsEmulator emulator) {
        return "aws-scn-event:" + INSTANCE + "?eventType=scn.data.inboundorder&eventGroupId=g&region="
               + emulator.region() + "&overrideEndpoint=true&uriEndpointOverride=" + emulator.endpoint()
               + "&maxAttempts=1";
    }

    static final String RECORD = "{\"id\":\"o-1\",\"tpartner_id\":\"p\",\"terms\":\"" + PAYLOAD + "\"}";

    @Override
    protected Object successBody() {
        return RECORD;
    }

    @Override
    protected void exercise(CamelContext context, ProducerTemplate template, AwsEventsEmulator emulator,
            Exchange ok, List<String> observed) {
        String record = RECORD;
        // a read-back of the event just sent
        Exchange readBack = template.send("direct:send", e -> {
            e.getMessage().setHeader(AwsScnEventConstants.OPERATION, "getDataIntegrationEvent");
            e.getMessage().setHeader(AwsScnEventConstants.EVENT_ID,
                    ok.getMessage().getHeader(AwsScnEventConstants.EVENT_ID));
        });
        assertThat(readBack.getException()).isNull();
        observed.add(String.valueOf(readBack.getMessage().getBody()));

        Exchange refused = template.send("direct:send", e -> e.getMessage().setBody("[\"" + PAYLOAD + "\"]"));
        assertThat(refused.getException()).isInstanceOf(FieldValidationException.class);
        observe(observed, refused.getException());
        Exchange refusedGroup = template.send("direct:send", e -> {
            e.getMessage().setBody(record);
            e.getMessage().setHeader(AwsScnEventConstants.EVENT_GROUP_ID, "g".repeat(256));
        });
        observe(observed, refusedGroup.getException());
        Exchange refusedAsc = template.send("direct:send",
                e -> e.getMessage().setBody("{\"connection_id\":\"" + PAYLOAD + "\"}"));
        assertThat(refusedAsc.getException()).isInstanceOf(FieldValidationException.class);
        observe(observed, refusedAsc.getException());

        emulator.faults().set(FaultSettings.builder().serverErrorRate(1.0).build());
        Exchange failed = template.send("direct:send", e -> e.getMessage().setBody(record));
        assertThat(failed.getException()).isInstanceOf(ScnEventDeliveryException.class);
        observe(observed, failed.getException());
        observe(observed, healthChecks(context));
        emulator.faults().clear();
    }

    @Override
    protected List<String> configurations(CamelContext context, Endpoint endpoint) {
        return List.of(((AwsScnEventEndpoint) endpoint).getConfiguration().toString(),
                ((AwsScnEventComponent) context.getComponent("aws-scn-event")).getConfiguration().toString());
    }

    @Override
    protected boolean isProducerHealthCheck(String line) {
        return line.startsWith("producer:aws-scn-event-");
    }
}
