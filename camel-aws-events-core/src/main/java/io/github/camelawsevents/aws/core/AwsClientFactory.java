package io.github.camelawsevents.aws.core;

import java.net.URI;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.Protocol;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Builds synchronous and asynchronous SDK clients of any AWS service from one {@link AwsClientSettings}: one
 * credentials resolution, one HTTP client set-up, one retry set-up, for every service and every component.
 * <p>
 * Credential precedence (the first that applies wins): {@code useDefaultCredentialsProvider}, then
 * {@code useProfileCredentialsProvider}, then {@code useSessionCredentials} (access key, secret key and session
 * token), then static {@code accessKey}/{@code secretKey}, and finally the SDK's default chain.
 */
public final class AwsClientFactory {

    private static final Logger LOG = LoggerFactory.getLogger(AwsClientFactory.class);

    private AwsClientFactory() {
    }

    /**
     * Configures the given SDK builder (e.g. {@code EventBridgeClient.builder()}) and builds the client, on the
     * Apache HTTP client.
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C buildSync(
            B builder, AwsClientSettings settings) {
        configureCommon(builder, settings);
        builder.httpClient(syncHttpClient(settings));
        return builder.build();
    }

    /**
     * Configures the given SDK builder (e.g. {@code EventBridgeAsyncClient.builder()}) and builds the client, on the
     * non-blocking Netty HTTP client with at most {@code maxConcurrency} open requests.
     */
    public static <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> C buildAsync(
            B builder, AwsClientSettings settings, int maxConcurrency) {
        configureCommon(builder, settings);
        builder.httpClient(asyncHttpClient(settings, maxConcurrency));
        return builder.build();
    }

    /**
     * Checks the settings before any client is built, so a wrong set-up fails at endpoint creation with a message
     * that says what to set. {@code clientSupplied} is true when the user bound a ready client: then only the
     * endpoint override is checked.
     */
    public static void validate(AwsClientSettings settings, boolean clientSupplied) {
        if (settings.isOverrideEndpoint()) {
            String uri = settings.getUriEndpointOverride();
            if (uri == null || uri.isBlank()) {
                throw new IllegalArgumentException(
                        "overrideEndpoint is true but uriEndpointOverride is not set: set uriEndpointOverride"
                                                   + " to the endpoint URI, e.g. http://127.0.0.1:4566");
            }
            URI parsed;
            try {
                parsed = URI.create(uri);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("uriEndpointOverride is not a valid URI: " + uri, e);
            }
            if (parsed.getScheme() == null || parsed.getHost() == null) {
                throw new IllegalArgumentException("uriEndpointOverride must be an absolute URI with scheme and"
                                                   + " host, e.g. http://127.0.0.1:4566, but was: " + uri);
            }
        }
        if (settings.getRegion() != null && !settings.getRegion().isBlank()
                && !settings.getRegion().matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException(
                    "region must be an AWS region id such as eu-west-1, but was: " + settings.getRegion());
        }
        if (settings.getProxyHost() != null && settings.getProxyPort() == null) {
            throw new IllegalArgumentException("proxyHost is set but proxyPort is not: set both");
        }
        if (settings.getProxyHost() != null && settings.getProxyHost().isBlank()) {
            throw new IllegalArgumentException("proxyHost is blank: set a host name or address, or leave it unset");
        }
        if (settings.getProxyPort() != null && (settings.getProxyPort() < 1 || settings.getProxyPort() > 65535)) {
            throw new IllegalArgumentException("proxyPort must be 1 to 65535, got " + settings.getProxyPort());
        }
        if (settings.getConnectionTimeout() < 0) {
            throw new IllegalArgumentException("connectionTimeout must be 0 (the SDK's default) or more, got "
                                               + settings.getConnectionTimeout() + "ms");
        }
        if (settings.getReadTimeout() < 0) {
            throw new IllegalArgumentException("readTimeout must be 0 (the SDK's default) or more, got "
                                               + settings.getReadTimeout() + "ms");
        }
        if (settings.getMaxAttempts() < 0) {
            throw new IllegalArgumentException("maxAttempts must be 0 (the retry mode's default) or more, got "
                                               + settings.getMaxAttempts());
        }
        if (clientSupplied || settings.isUseDefaultCredentialsProvider() || settings.isUseProfileCredentialsProvider()) {
            return;
        }
        boolean hasAccess = notBlank(settings.getAccessKey());
        boolean hasSecret = notBlank(settings.getSecretKey());
        if (settings.isUseSessionCredentials()) {
            if (!hasAccess || !hasSecret || !notBlank(settings.getSessionToken())) {
                throw new IllegalArgumentException(
                        "useSessionCredentials is true: accessKey, secretKey and sessionToken must all be set");
            }
            return;
        }
        if (hasAccess != hasSecret) {
            throw new IllegalArgumentException(
                    (hasAccess ? "accessKey is set but secretKey is not" : "secretKey is set but accessKey is not")
                                               + ": set both, or neither to use the SDK's default credentials chain"
                                               + " (or useDefaultCredentialsProvider / useProfileCredentialsProvider)");
        }
    }

    /** The credentials provider the precedence rules select. */
    public static AwsCredentialsProvider credentialsProvider(AwsClientSettings settings) {
        if (settings.isUseDefaultCredentialsProvider()) {
            return DefaultCredentialsProvider.builder().build();
        }
        if (settings.isUseProfileCredentialsProvider()) {
            ProfileCredentialsProvider.Builder b = ProfileCredentialsProvider.builder();
            if (notBlank(settings.getProfileCredentialsName())) {
                b.profileName(settings.getProfileCredentialsName());
            }
            return b.build();
        }
        if (settings.isUseSessionCredentials()) {
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    settings.getAccessKey(), settings.getSecretKey(), settings.getSessionToken()));
        }
        if (notBlank(settings.getAccessKey()) && notBlank(settings.getSecretKey())) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.getAccessKey(), settings.getSecretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** Which credentials source the settings select, in words and without any secret (for logs and toString). */
    public static String describeCredentials(AwsClientSettings settings) {
        if (settings.isUseDefaultCredentialsProvider()) {
            return "default-provider";
        }
        if (settings.isUseProfileCredentialsProvider()) {
            return "profile(" + (notBlank(settings.getProfileCredentialsName())
                    ? settings.getProfileCredentialsName() : "default") + ")";
        }
        if (settings.isUseSessionCredentials()) {
            return "session(accessKey=" + mask(settings.getAccessKey()) + ")";
        }
        if (notBlank(settings.getAccessKey()) && notBlank(settings.getSecretKey())) {
            return "static(accessKey=" + mask(settings.getAccessKey()) + ")";
        }
        return "sdk-default-chain";
    }

    /** The HTTP options shared by the sync and async HTTP clients. */
    static AttributeMap httpDefaults(AwsClientSettings settings) {
        AttributeMap.Builder map = AttributeMap.builder();
        if (settings.isTrustAllCertificates()) {
            LOG.warn("trustAllCertificates is enabled: TLS certificates of the AWS endpoint are NOT verified."
                     + " Use this only against a local test endpoint.");
            map.put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE);
        }
        return map.build();
    }

    static SdkHttpClient syncHttpClient(AwsClientSettings settings) {
        ApacheHttpClient.Builder http = ApacheHttpClient.builder();
        if (settings.getConnectionTimeout() > 0) {
            http.connectionTimeout(Duration.ofMillis(settings.getConnectionTimeout()));
        }
        if (settings.getReadTimeout() > 0) {
            http.socketTimeout(Duration.ofMillis(settings.getReadTimeout()));
        }
        if (notBlank(settings.getProxyHost())) {
            http.proxyConfiguration(software.amazon.awssdk.http.apache.ProxyConfiguration.builder()
                    .endpoint(URI.create(proxyScheme(settings) + "://" + settings.getProxyHost() + ":"
                                         + settings.getProxyPort()))
                    .useSystemPropertyValues(false)
                    .useEnvironmentVariableValues(false)
                    .build());
        }
        return http.buildWithDefaults(httpDefaults(settings));
    }

    static SdkAsyncHttpClient asyncHttpClient(AwsClientSettings settings, int maxConcurrency) {
        NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder()
                .maxConcurrency(Math.max(1, maxConcurrency))
                // requests beyond maxConcurrency wait for a connection instead of failing
                .maxPendingConnectionAcquires(Math.max(10_000, maxConcurrency * 4));
        if (settings.getConnectionTimeout() > 0) {
            http.connectionTimeout(Duration.ofMillis(settings.getConnectionTimeout()));
        }
        if (settings.getReadTimeout() > 0) {
            http.readTimeout(Duration.ofMillis(settings.getReadTimeout()));
        }
        if (notBlank(settings.getProxyHost())) {
            http.proxyConfiguration(software.amazon.awssdk.http.nio.netty.ProxyConfiguration.builder()
                    .scheme(proxyScheme(settings))
                    .host(settings.getProxyHost())
                    .port(settings.getProxyPort())
                    .useSystemPropertyValues(false)
                    .useEnvironmentVariableValues(false)
                    .build());
        }
        return http.buildWithDefaults(httpDefaults(settings));
    }

    /** The retry strategy the settings select, or null to keep the SDK's default. */
    static RetryStrategy retryStrategy(AwsClientSettings settings) {
        if (settings.getRetryMode() == null && settings.getMaxAttempts() <= 0) {
            return null;
        }
        RetryStrategy strategy = settings.getRetryMode() != null
                ? AwsRetryStrategy.forRetryMode(settings.getRetryMode())
                : AwsRetryStrategy.defaultRetryStrategy();
        if (settings.getMaxAttempts() > 0) {
            strategy = strategy.toBuilder().maxAttempts(settings.getMaxAttempts()).build();
        }
        return strategy;
    }

    private static void configureCommon(AwsClientBuilder<?, ?> builder, AwsClientSettings settings) {
        validate(settings, false);
        builder.credentialsProvider(credentialsProvider(settings));
        if (notBlank(settings.getRegion())) {
            builder.region(Region.of(settings.getRegion()));
        }
        if (settings.isOverrideEndpoint()) {
            builder.endpointOverride(URI.create(settings.getUriEndpointOverride()));
        }
        RetryStrategy retry = retryStrategy(settings);
        if (retry != null) {
            builder.overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(retry).build());
        }
        LOG.debug("Building AWS client: region={}, credentials={}, endpointOverride={}, retry={}",
                settings.getRegion(), describeCredentials(settings),
                settings.isOverrideEndpoint() ? settings.getUriEndpointOverride() : "none",
                retry != null ? settings.getRetryMode() + "/" + settings.getMaxAttempts() : "sdk-default");
    }

    private static String proxyScheme(AwsClientSettings settings) {
        return settings.getProxyProtocol() == Protocol.HTTP ? "http" : "https";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Shows only the first four characters of an access key id (which is not a secret on its own, but still). */
    private static String mask(String accessKey) {
        if (accessKey == null) {
            return "null";
        }
        return accessKey.length() <= 4 ? "****" : accessKey.substring(0, 4) + "****";
    }
}
