package io.github.camelawsevents.scaleout;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClientBuilder;

/**
 * Binds the Supply Chain client the worker uses, so that a request rides out an AWS outage in place instead of failing.
 * <p>
 * Why: with {@code preserveOrder} the producer keeps one request per event group in flight, but a request that has
 * <em>finally</em> failed releases its group, and the group's next record is sent before Camel redelivers the failed
 * one. The AWS SDK's STANDARD retry strategy has a retry quota (a circuit breaker): an outage of a few seconds with
 * dozens of requests in flight empties it, from then on failures are not retried, and records of one group are
 * stored out of order (measured: 14 of 1,000 in a 10 s outage). This client keeps the SDK's STANDARD strategy
 * (AWS retry conditions, jittered exponential backoff up to 20 s) with the circuit breaker off and
 * {@code scaleout.scn.maxAttempts} attempts (default 20, well over a minute of retrying), so each group waits for its
 * request.
 * <p>
 * The client is built from the component's own settings ({@code camel.component.aws-scn-event.region},
 * {@code uri-endpoint-override} with {@code override-endpoint}, {@code access-key}/{@code secret-key}, else the SDK's
 * default credentials chain; {@code max-in-flight-requests} as the connection limit) and bound to the registry, where
 * the component autowires it; the component never closes a bound client, so this class closes it when Camel stops.
 * Switched off with {@code scaleout.scn.outageProofClient=false}.
 */
public class OutageProofSupplyChainClient implements CamelConfiguration {

    private static final String P = "camel.component.aws-scn-event.";

    @Override
    public void configure(CamelContext context) {
        PropertiesComponent pc = context.getPropertiesComponent();
        if (!Boolean.parseBoolean(property(pc, "scaleout.scn.outageProofClient").orElse("true"))) {
            return;
        }
        int maxAttempts = Integer.parseInt(property(pc, "scaleout.scn.maxAttempts").orElse("30"));
        int connections = Integer.parseInt(option(pc, "max-in-flight-requests", "maxInFlightRequests").orElse("64"));

        SupplyChainAsyncClientBuilder builder = SupplyChainAsyncClient.builder()
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(connections)
                        .connectionAcquisitionTimeout(Duration.ofSeconds(60)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .circuitBreakerEnabled(false).maxAttempts(maxAttempts)
                                // at most 5 s between attempts (the SDK's default is 20 s), so a group resumes within
                                // seconds of AWS coming back
                                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100),
                                        Duration.ofSeconds(5)))
                                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500),
                                        Duration.ofSeconds(5)))
                                .build())
                        .build())
                .credentialsProvider(credentials(pc));
        option(pc, "region", "region").ifPresent(r -> builder.region(Region.of(r)));
        if (Boolean.parseBoolean(option(pc, "override-endpoint", "overrideEndpoint").orElse("false"))) {
            option(pc, "uri-endpoint-override", "uriEndpointOverride").ifPresent(u -> builder.endpointOverride(URI.create(u)));
        }
        SupplyChainAsyncClient client = builder.build();
        context.getRegistry().bind("outageProofSupplyChainClient", SupplyChainAsyncClient.class, client);
        try {
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    client.close();
                }
            });
        } catch (Exception e) {
            client.close();
            throw new IllegalStateException("could not register the Supply Chain client's shutdown", e);
        }
    }

    private static AwsCredentialsProvider credentials(PropertiesComponent pc) {
        Optional<String> accessKey = option(pc, "access-key", "accessKey");
        Optional<String> secretKey = option(pc, "secret-key", "secretKey");
        boolean useDefault = Boolean.parseBoolean(
                option(pc, "use-default-credentials-provider", "useDefaultCredentialsProvider").orElse("false"));
        if (!useDefault && accessKey.isPresent() && secretKey.isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static Optional<String> option(PropertiesComponent pc, String dashed, String camelCase) {
        Optional<String> v = property(pc, P + dashed);
        return v.isPresent() ? v : property(pc, P + camelCase);
    }

    private static Optional<String> property(PropertiesComponent pc, String key) {
        return pc.resolveProperty(key).map(String::trim).filter(s -> !s.isEmpty());
    }
}
