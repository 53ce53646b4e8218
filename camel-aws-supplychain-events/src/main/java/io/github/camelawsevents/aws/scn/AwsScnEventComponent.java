package io.github.camelawsevents.aws.scn;

import java.util.Map;

import io.github.camelawsevents.aws.core.AwsClientFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/** The {@code aws-scn-event} component: sends records to AWS Supply Chain with SendDataIntegrationEvent. */
@Component("aws-scn-event")
public class AwsScnEventComponent extends HealthCheckComponent {

    /** The component configuration: the defaults of every endpoint of this component. */
    @Metadata
    private AwsScnEventConfiguration configuration = new AwsScnEventConfiguration();

    public AwsScnEventComponent() {
    }

    public AwsScnEventComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AwsScnEventConfiguration config = configuration != null ? configuration.copy() : new AwsScnEventConfiguration();
        config.setInstanceId(remaining);
        AwsScnEventEndpoint endpoint = new AwsScnEventEndpoint(uri, this, config);
        setProperties(endpoint, parameters);
        config.validate();
        AwsClientFactory.validate(config, config.getSupplyChainClient() != null);
        return endpoint;
    }

    public AwsScnEventConfiguration getConfiguration() {
        return configuration;
    }

    /** The component configuration: the defaults of every endpoint of this component. */
    public void setConfiguration(AwsScnEventConfiguration configuration) {
        this.configuration = configuration;
    }
}
