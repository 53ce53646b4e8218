package io.github.camelawsevents.aws.partner;

import java.util.Map;

import io.github.camelawsevents.aws.core.AwsClientFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code aws-partner-events} component: sends events to customers' partner event buses with Amazon EventBridge
 * PutPartnerEvents. Options set on the component are the defaults of every endpoint it creates.
 */
@Component("aws-partner-events")
public class AwsPartnerEventsComponent extends HealthCheckComponent {

    @Metadata
    private AwsPartnerEventsConfiguration configuration = new AwsPartnerEventsConfiguration();

    public AwsPartnerEventsComponent() {
        this(null);
    }

    public AwsPartnerEventsComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AwsPartnerEventsConfiguration endpointConfiguration
                = configuration != null ? configuration.copy() : new AwsPartnerEventsConfiguration();
        endpointConfiguration.setEventSource(remaining);
        AwsPartnerEventsEndpoint endpoint = new AwsPartnerEventsEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        endpointConfiguration.validate();
        AwsClientFactory.validate(endpointConfiguration, endpointConfiguration.getEventBridgeClient() != null);
        return endpoint;
    }

    public AwsPartnerEventsConfiguration getConfiguration() {
        return configuration;
    }

    /** The component's configuration: the defaults of every endpoint. */
    public void setConfiguration(AwsPartnerEventsConfiguration configuration) {
        this.configuration = configuration;
    }
}
