package io.github.camelawsevents.runtimes.springboot;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClientBuilder;

/**
 * The application's own EventBridge client. Being the only {@link EventBridgeAsyncClient} bean, Camel autowires it
 * into the {@code aws-partner-events} component, which then uses it as it is and never closes it: the client's
 * life is Spring's ({@code destroyMethod = "close"}).
 */
@Configuration(proxyBeanMethods = false)
public class AwsClientsConfiguration {

    @Bean(destroyMethod = "close")
    public EventBridgeAsyncClient eventBridgeClient(
            @Value("${app.eventbridge.region}") String region,
            @Value("${app.eventbridge.endpoint-override:}") String endpointOverride,
            @Value("${app.eventbridge.access-key:}") String accessKey,
            @Value("${app.eventbridge.secret-key:}") String secretKey) {
        EventBridgeAsyncClientBuilder builder = EventBridgeAsyncClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials(accessKey, secretKey));
        if (!endpointOverride.isBlank()) {
            builder.endpointOverride(URI.create(endpointOverride));
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(String accessKey, String secretKey) {
        if (accessKey.isBlank() || secretKey.isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }
}
