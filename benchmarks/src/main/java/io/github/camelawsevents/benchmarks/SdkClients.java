package io.github.camelawsevents.benchmarks;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;
import software.amazon.awssdk.services.supplychain.SupplyChainClient;

/**
 * The SDK clients of the hand-written contenders, pointed at the emulator: what a developer writes by hand. Sync
 * clients on the Apache HTTP client (the SDK's default sync client); async clients on Netty with the same
 * connection bound and pending-acquire queue the components' client factory uses, so the limit runs on the same
 * HTTP set-up as our components. SDK defaults otherwise (retry policy included).
 */
final class SdkClients {

    private SdkClients() {
    }

    static EventBridgeClient eventBridge(EmulatorControl.Info emulator) {
        return pointedAt(EventBridgeClient.builder(), emulator).httpClient(ApacheHttpClient.builder().build()).build();
    }

    static EventBridgeAsyncClient eventBridgeAsync(EmulatorControl.Info emulator, int maxConcurrency) {
        return pointedAt(EventBridgeAsyncClient.builder(), emulator).httpClient(netty(maxConcurrency)).build();
    }

    static SupplyChainClient supplyChain(EmulatorControl.Info emulator) {
        return pointedAt(SupplyChainClient.builder(), emulator).httpClient(ApacheHttpClient.builder().build()).build();
    }

    static SupplyChainAsyncClient supplyChainAsync(EmulatorControl.Info emulator, int maxConcurrency) {
        return pointedAt(SupplyChainAsyncClient.builder(), emulator).httpClient(netty(maxConcurrency)).build();
    }

    /** Endpoint, region and the emulator's static credentials on any SDK client builder. */
    private static <B extends AwsClientBuilder<B, ?>> B pointedAt(B builder, EmulatorControl.Info emulator) {
        return builder.endpointOverride(URI.create(emulator.endpoint()))
                .region(Region.of(emulator.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKey(), emulator.secretKey())));
    }

    private static SdkAsyncHttpClient netty(int maxConcurrency) {
        return NettyNioAsyncHttpClient.builder()
                .maxConcurrency(maxConcurrency)
                .maxPendingConnectionAcquires(Math.max(10_000, maxConcurrency * 4))
                .build();
    }
}
