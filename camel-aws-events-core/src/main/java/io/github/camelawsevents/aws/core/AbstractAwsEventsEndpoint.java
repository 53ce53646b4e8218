package io.github.camelawsevents.aws.core;

import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * An endpoint that owns the life of its AWS client: a client the user bound (option or registry) is used as is and
 * never closed; otherwise one is built from the configuration when the endpoint starts and closed when it stops.
 *
 * @param <C> the SDK client type, e.g. {@code EventBridgeAsyncClient}
 */
public abstract class AbstractAwsEventsEndpoint<C extends SdkAutoCloseable> extends DefaultEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractAwsEventsEndpoint.class);

    private C client;
    private boolean ownsClient;

    protected AbstractAwsEventsEndpoint(String uri, Component component) {
        super(uri, component);
    }

    /** The shared AWS options of this endpoint. */
    protected abstract AbstractAwsEventsConfiguration awsSettings();

    /** The client the user bound, or null. */
    protected abstract C suppliedClient();

    /** Builds a client from {@link #awsSettings()}. */
    protected abstract C buildClient();

    @Override
    public boolean isLenientProperties() {
        return false;
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(
                "The " + getEndpointBaseUri() + " endpoint only sends: it cannot be used in from(...)");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        C supplied = suppliedClient();
        if (supplied != null) {
            client = supplied;
            ownsClient = false;
        } else {
            client = buildClient();
            ownsClient = true;
            LOG.info("Started {} with a new AWS client: {}", getEndpointBaseUri(), awsSettings());
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (ownsClient && client != null) {
            client.close();
        }
        client = null;
        ownsClient = false;
        super.doStop();
    }

    /** The client in use; null before start and after stop. */
    public C getClient() {
        return client;
    }
}
