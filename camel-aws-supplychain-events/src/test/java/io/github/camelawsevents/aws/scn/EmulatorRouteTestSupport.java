package io.github.camelawsevents.aws.scn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import io.github.camelawsevents.aws.scn.dsl.AwsScnEventComponentBuilderFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Route tests through real Camel routes and the real AWS SDK against the emulator: one emulator per test class (the
 * extension starts it before the class and resets it before each test). A class that needs another emulator set-up
 * registers its own extension and overrides {@link #emulator()}.
 */
abstract class EmulatorRouteTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    static final String INSTANCE = "8928ae12-15e5-4441-825d-ec2184f0a43a";
    static final String SCN = "aws-scn-event:" + INSTANCE;
    static final String DEFAULT_DATASET = "arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE
                                          + "/namespaces/default/datasets/my_orders";
    static final String ASC_DATASET = "arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE
                                      + "/namespaces/asc/datasets/inbound_order";

    /** This class's emulator. */
    protected AwsEventsEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        AwsEventsEmulator emu = emulator();
        AwsScnEventComponentBuilderFactory.awsScnEvent()
                .region(emu.region())
                .accessKey(emu.accessKey())
                .secretKey(emu.secretKey())
                .overrideEndpoint(true)
                .uriEndpointOverride(emu.endpoint().toString())
                .register(context, "aws-scn-event");
        return context;
    }

    /** Sends {@code body} with {@code headers} and returns the completed exchange (with its exception, if any). */
    protected Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    protected List<ScnEvent> stored() {
        return emulator().supplyChain().events();
    }

    protected AwsScnEventEndpoint scnEndpoint(String uri) {
        return context.getEndpoint(uri, AwsScnEventEndpoint.class);
    }
}
