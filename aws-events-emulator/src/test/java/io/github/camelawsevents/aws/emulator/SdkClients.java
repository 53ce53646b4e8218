package io.github.camelawsevents.aws.emulator;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;
import software.amazon.awssdk.services.supplychain.SupplyChainClient;

import java.time.Duration;

/** Real AWS SDK clients pointed at an emulator: region, static credentials, endpoint override, no retries. */
final class SdkClients {

    private SdkClients() {
    }

    static StaticCredentialsProvider credentials(AwsEventsEmulator emulator) {
        return credentials(emulator.accessKey(), emulator.secretKey());
    }

    static StaticCredentialsProvider credentials(String accessKey, String secretKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    static SupplyChainClient supplyChain(AwsEventsEmulator emulator) {
        return supplyChain(emulator, credentials(emulator), emulator.region());
    }

    static SupplyChainClient supplyChain(AwsEventsEmulator emulator, StaticCredentialsProvider credentials, String region) {
        return SupplyChainClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(20)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static SupplyChainAsyncClient supplyChainAsync(AwsEventsEmulator emulator) {
        return SupplyChainAsyncClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region()))
                .credentialsProvider(credentials(emulator))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().readTimeout(Duration.ofSeconds(20)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static EventBridgeClient eventBridge(AwsEventsEmulator emulator) {
        return eventBridge(emulator, credentials(emulator), emulator.region());
    }

    static EventBridgeClient eventBridge(AwsEventsEmulator emulator, StaticCredentialsProvider credentials, String region) {
        return EventBridgeClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(20)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static EventBridgeAsyncClient eventBridgeAsync(AwsEventsEmulator emulator) {
        return EventBridgeAsyncClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region()))
                .credentialsProvider(credentials(emulator))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().readTimeout(Duration.ofSeconds(20)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
