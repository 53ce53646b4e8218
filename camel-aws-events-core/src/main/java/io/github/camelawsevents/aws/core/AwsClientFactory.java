package io.github.camelawsevents.aws.core;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.netty.channel.EventLoopGroup;
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
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.Protocol;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.core.client.config.ClientAsyncConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.retries.api.BackoffStrategy;
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

    /** Every region id the AWS SDK on the class path knows (all partitions, and the global pseudo-regions). */
    private static final Set<String> KNOWN_REGIONS =
            Region.regions().stream().map(Region::id).collect(Collectors.toUnmodifiableSet());

    private AwsClientFactory() {
    }

    /**
     * Configures the given SDK builder (e.g. {@code EventBridgeAsyncClient.builder()}) and builds the client, on the
     * non-blocking Netty HTTP client with at most {@code maxConcurrency} open requests. The client owns that HTTP
     * client and its event loop threads: closing the client ends them at once. Its futures complete on the SDK's own
     * response threads.
     */
    public static <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> C buildAsync(
            B builder, AwsClientSettings settings, int maxConcurrency) {
        return buildAsync(builder, settings, maxConcurrency, null);
    }

    /**
     * As {@link #buildAsync(AwsClientBuilder, AwsClientSettings, int)}, with the client's futures completed on
     * {@code futureCompletion} (when not null) instead of the SDK's response pool, which runs a task on the completing
     * Netty thread when it is busy. The executor must not refuse work while the client is open.
     */
    public static <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> C buildAsync(
            B builder, AwsClientSettings settings, int maxConcurrency, java.util.concurrent.Executor futureCompletion) {
        configureCommon(builder, settings);
        // a builder, not a built HTTP client: the SDK closes what it built when the client closes (a built one
        // handed to it is never closed, and its event loop threads outlived every stopped endpoint)
        builder.httpClientBuilder(new OwnEventLoopHttpClientBuilder(settings, maxConcurrency));
        if (futureCompletion != null) {
            builder.asyncConfiguration(ClientAsyncConfiguration.builder()
                    .advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, futureCompletion).build());
        }
        C client = builder.build();
        warnAboutRegion(settings, client);
        return client;
    }

    /**
     * Checks the settings before any client is built, so a wrong set-up fails at endpoint creation with a message
     * that says what to set. {@code clientSupplied} is true when the user bound a ready client: then neither the
     * region's existence, the credentials nor the retry options against the retry mode are checked, as the bound
     * client has its own.
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
        if (!clientSupplied && !settings.isOverrideEndpoint() && notBlank(settings.getRegion())
                && !isKnownRegion(settings.getRegion())) {
            // the SDK would build a client for it and fail only at the first send (unknown host or a signature
            // error); a region the SDK does not know is almost always a typo
            throw new IllegalArgumentException(unknownRegionMessage(settings.getRegion()));
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
        requireModeDefaultOrMore("retryBaseDelay", settings.getRetryBaseDelay());
        requireModeDefaultOrMore("retryThrottlingBaseDelay", settings.getRetryThrottlingBaseDelay());
        requireModeDefaultOrMore("retryMaxBackoff", settings.getRetryMaxBackoff());
        if (!clientSupplied) {
            // refuses what the retry mode cannot honour now, not when the client is built
            retryStrategy(settings);
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

    /** Whether the AWS SDK on the class path knows the region id ({@code Region.regions()}). */
    public static boolean isKnownRegion(String region) {
        return KNOWN_REGIONS.contains(region);
    }

    /** The message refusing a region the SDK does not know: the value, the closest known ids, what else to set. */
    static String unknownRegionMessage(String region) {
        List<String> closest = closestRegions(region);
        return "region '" + region + "' is not an AWS region known to the AWS SDK " + VersionInfo.SDK_VERSION
               + (closest.isEmpty() ? "" : ": did you mean " + String.join(" or ", closest) + "?")
               + " Set region to an AWS region id such as eu-west-1, or, for an endpoint that is not AWS (an"
               + " emulator, LocalStack), set overrideEndpoint=true and uriEndpointOverride to its URI; a region"
               + " newer than this SDK needs a newer AWS SDK.";
    }

    /** The known region ids at the smallest edit distance (at most 3) from {@code region}, at most three of them. */
    static List<String> closestRegions(String region) {
        int best = Integer.MAX_VALUE;
        List<String> closest = new ArrayList<>();
        for (String known : KNOWN_REGIONS.stream().sorted().toList()) {
            int d = editDistance(region, known);
            if (d > 3 || d > best) {
                continue;
            }
            if (d < best) {
                best = d;
                closest.clear();
            }
            closest.add(known);
        }
        return closest.size() > 3 ? closest.subList(0, 3) : closest;
    }

    /**
     * The warning for a region the service is not offered in, as far as the SDK's endpoint metadata says, or null.
     * Metadata that lists no region at all (some services, e.g. Supply Chain, resolve endpoints by rules only) tells
     * nothing, so it warns of nothing.
     */
    static String serviceRegionWarning(String service, String region, List<Region> serviceRegions) {
        if (serviceRegions.isEmpty() || serviceRegions.contains(Region.of(region))) {
            return null;
        }
        return "region '" + region + "' is an AWS region, but the AWS SDK " + VersionInfo.SDK_VERSION
               + " does not list service '" + service + "' in it: sends may fail if the service is not offered"
               + " there (the SDK lists it in " + serviceRegions.size() + " regions)";
    }

    /** Says when a built client's region looks wrong; never refuses (validate did what may be refused). */
    private static void warnAboutRegion(AwsClientSettings settings, Object client) {
        String region = settings.getRegion();
        if (!notBlank(region)) {
            return;
        }
        if (!isKnownRegion(region)) {
            // only reached with an endpoint override: requests are signed for the region as given
            LOG.warn("region '{}' is not an AWS region known to the AWS SDK; accepted because uriEndpointOverride"
                     + " is set ({}), and requests are signed for '{}'", region, settings.getUriEndpointOverride(),
                    region);
            return;
        }
        if (!settings.isOverrideEndpoint() && client instanceof SdkClient sdk) {
            String warning = serviceRegionWarning(sdk.serviceName(), region,
                    ServiceMetadata.of(sdk.serviceName()).regions());
            if (warning != null) {
                LOG.warn(warning);
            }
        }
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
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

    static SdkAsyncHttpClient asyncHttpClient(AwsClientSettings settings, int maxConcurrency) {
        return asyncHttpClient(settings, maxConcurrency, AttributeMap.empty());
    }

    /**
     * The Netty HTTP client on an event loop group of its own (the SDK's daemon threads
     * {@code aws-java-sdk-NettyEventLoop-*}), which closing the client shuts down at once.
     */
    static SdkAsyncHttpClient asyncHttpClient(AwsClientSettings settings, int maxConcurrency,
            AttributeMap serviceDefaults) {
        SdkEventLoopGroup loops = SdkEventLoopGroup.builder().build();
        NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder()
                .eventLoopGroup(loops)
                .maxConcurrency(Math.max(1, maxConcurrency))
                // requests beyond maxConcurrency wait for a connection instead of failing
                .maxPendingConnectionAcquires(Math.max(10_000, maxConcurrency * 4))
                .connectionAcquisitionTimeout(connectionAcquisitionTimeout(settings));
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
        SdkAsyncHttpClient netty;
        try {
            netty = http.buildWithDefaults(httpDefaults(settings).merge(serviceDefaults));
        } catch (RuntimeException e) {
            loops.eventLoopGroup().shutdownGracefully(0, LOOP_SHUTDOWN_SECONDS, TimeUnit.SECONDS);
            throw e;
        }
        return new OwnEventLoopHttpClient(netty, loops.eventLoopGroup());
    }

    /** The SDK's connect timeout when connectionTimeout is not set. */
    static final long SDK_DEFAULT_CONNECT_TIMEOUT_MILLIS = 2_000;

    /**
     * How long a request waits at most for a connection of the SDK's Netty pool: a connect and a TLS handshake (the SDK
     * bounds each by the connect timeout) plus a second, so 5 s with the SDK's 2 s connect timeout (the SDK's own
     * default is 10 s). The pool holds {@code maxInFlightRequests} connections and the components never have more
     * requests in flight, so a request waits only while its connection is being made: when that takes longer than a
     * connect may, the endpoint could not be reached, and the request fails saying so
     * ({@link UnreachableEndpoints}) instead of holding its group back for 10 s per attempt. A pure function.
     */
    static Duration connectionAcquisitionTimeout(AwsClientSettings settings) {
        long connect = settings.getConnectionTimeout() > 0 ? settings.getConnectionTimeout()
                : SDK_DEFAULT_CONNECT_TIMEOUT_MILLIS;
        return Duration.ofMillis(2 * connect + 1_000);
    }

    /** How long closing an HTTP client waits at most for its event loop threads to end. */
    static final long LOOP_SHUTDOWN_SECONDS = 2;

    /** Builds {@link #asyncHttpClient(AwsClientSettings, int, AttributeMap)} when the SDK client is built. */
    private static final class OwnEventLoopHttpClientBuilder
            implements SdkAsyncHttpClient.Builder<OwnEventLoopHttpClientBuilder> {

        private final AwsClientSettings settings;
        private final int maxConcurrency;

        OwnEventLoopHttpClientBuilder(AwsClientSettings settings, int maxConcurrency) {
            this.settings = settings;
            this.maxConcurrency = maxConcurrency;
        }

        @Override
        public SdkAsyncHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            return asyncHttpClient(settings, maxConcurrency, serviceDefaults);
        }
    }

    /**
     * The SDK's Netty client with an event loop group it does not manage: the SDK shuts a group of its own down with
     * a 2 s quiet period (up to 15 s) and blocks close() for it, which would slow every endpoint stop; this one is
     * shut down with no quiet period once the client's connections are closed, so no request can still need it.
     */
    private static final class OwnEventLoopHttpClient implements SdkAsyncHttpClient {

        private final SdkAsyncHttpClient netty;
        private final EventLoopGroup loops;

        OwnEventLoopHttpClient(SdkAsyncHttpClient netty, EventLoopGroup loops) {
            this.netty = netty;
            this.loops = loops;
        }

        @Override
        public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
            return netty.execute(request);
        }

        @Override
        public String clientName() {
            return netty.clientName();
        }

        @Override
        public void close() {
            try {
                netty.close();
            } finally {
                if (!loops.shutdownGracefully(0, LOOP_SHUTDOWN_SECONDS, TimeUnit.SECONDS)
                        .awaitUninterruptibly(LOOP_SHUTDOWN_SECONDS + 1, TimeUnit.SECONDS)) {
                    LOG.warn("The AWS client's Netty event loop threads did not end within {} s of its close",
                            LOOP_SHUTDOWN_SECONDS + 1);
                }
            }
        }
    }

    /**
     * The SDK 2.40 defaults of the backoffs of a retry mode ({@code DefaultRetryStrategy.Standard} and
     * {@code .Legacy}, as {@code StandardRetryStrategy.builder()}, {@code LegacyRetryStrategy.builder()} and
     * {@code AdaptiveRetryStrategy.builder()} set them): a part the settings leave at 0 keeps these.
     */
    record ModeBackoffs(long baseDelay, long throttlingBaseDelay, long maxBackoff, boolean throttlingHalfJitter) {
    }

    private static final ModeBackoffs STANDARD_BACKOFFS = new ModeBackoffs(100, 1_000, 20_000, false);
    private static final ModeBackoffs LEGACY_BACKOFFS = new ModeBackoffs(100, 500, 20_000, true);

    /** The backoff defaults of a mode whose strategy takes backoff settings (not ADAPTIVE). */
    static ModeBackoffs modeBackoffs(RetryMode mode) {
        return mode == RetryMode.LEGACY ? LEGACY_BACKOFFS : STANDARD_BACKOFFS;
    }

    /** Whether any retry option is set, so the retry strategy is the component's and not the SDK's own choice. */
    private static boolean tunesRetry(AwsClientSettings settings) {
        return settings.getRetryMode() != null || settings.getMaxAttempts() > 0 || !settings.isRetryCircuitBreaker()
               || settings.getRetryBaseDelay() > 0 || settings.getRetryThrottlingBaseDelay() > 0
               || settings.getRetryMaxBackoff() > 0;
    }

    /**
     * The retry strategy the settings select, or null to keep the SDK's default. Without {@code retryMode} the
     * options apply to the SDK's default mode ({@code RetryMode.defaultRetryMode()}: LEGACY unless AWS_RETRY_MODE,
     * {@code aws.retryMode} or the profile's {@code retry_mode} says otherwise).
     */
    static RetryStrategy retryStrategy(AwsClientSettings settings) {
        return tunesRetry(settings) ? retryStrategy(settings, effectiveRetryMode(settings)) : null;
    }

    /** The retry mode the options apply to: retryMode, else the SDK's default mode (which may read the profile). */
    private static RetryMode effectiveRetryMode(AwsClientSettings settings) {
        return settings.getRetryMode() != null ? settings.getRetryMode() : RetryMode.defaultRetryMode();
    }

    /**
     * The retry strategy of {@code mode} with the retry options of the settings: a pure function (no I/O). A part of
     * the backoff that is not set keeps the mode's default (only a cap set: the mode's bases; only a base set: the
     * mode's cap), and an option the mode cannot honour is refused with an {@link IllegalArgumentException} naming the
     * option, the value and the mode, never ignored.
     */
    static RetryStrategy retryStrategy(AwsClientSettings settings, RetryMode mode) {
        String modeName = modeName(settings, mode);
        RetryStrategy.Builder<?, ?> builder;
        switch (mode) {
            case STANDARD -> builder = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                    .circuitBreakerEnabled(settings.isRetryCircuitBreaker());
            case LEGACY -> builder = AwsRetryStrategy.legacyRetryStrategy().toBuilder()
                    .circuitBreakerEnabled(settings.isRetryCircuitBreaker());
            case ADAPTIVE_V2 -> {
                refuse(!settings.isRetryCircuitBreaker(), "retryCircuitBreaker", "false", modeName,
                        "the SDK's adaptive strategy always keeps its retry quota; use STANDARD or LEGACY");
                refuse(settings.getRetryMaxBackoff() > 0, "retryMaxBackoff", settings.getRetryMaxBackoff() + "ms",
                        modeName, "its client-side rate limiter adds waits after throttling that no cap bounds; use"
                                  + " STANDARD or LEGACY");
                builder = AwsRetryStrategy.adaptiveRetryStrategy().toBuilder();
            }
            case ADAPTIVE -> {
                // the SDK's older retry policy behind an adapter whose builder takes no setting at all
                String why = "it is the SDK's older adaptive retry policy, which takes no retry settings; use"
                             + " ADAPTIVE_V2 (or STANDARD or LEGACY)";
                refuse(settings.getMaxAttempts() > 0, "maxAttempts", String.valueOf(settings.getMaxAttempts()),
                        modeName, why);
                refuse(!settings.isRetryCircuitBreaker(), "retryCircuitBreaker", "false", modeName, why);
                refuse(settings.getRetryBaseDelay() > 0, "retryBaseDelay", settings.getRetryBaseDelay() + "ms",
                        modeName, why);
                refuse(settings.getRetryThrottlingBaseDelay() > 0, "retryThrottlingBaseDelay",
                        settings.getRetryThrottlingBaseDelay() + "ms", modeName, why);
                refuse(settings.getRetryMaxBackoff() > 0, "retryMaxBackoff", settings.getRetryMaxBackoff() + "ms",
                        modeName, why);
                return AwsRetryStrategy.forRetryMode(mode);
            }
            default -> throw new IllegalArgumentException("retryMode " + mode + " is not known to this component");
        }
        if (settings.getMaxAttempts() > 0) {
            builder.maxAttempts(settings.getMaxAttempts());
        }
        ModeBackoffs defaults = modeBackoffs(mode);
        long cap = settings.getRetryMaxBackoff() > 0 ? settings.getRetryMaxBackoff() : defaults.maxBackoff();
        String capText = settings.getRetryMaxBackoff() > 0 ? "retryMaxBackoff (" + cap + "ms)"
                : "the max backoff of retry mode " + modeName + " (" + cap + "ms; set retryMaxBackoff to raise it)";
        if (settings.getRetryBaseDelay() > 0 || settings.getRetryMaxBackoff() > 0) {
            long base = baseWithin("retryBaseDelay", settings.getRetryBaseDelay(), defaults.baseDelay(), cap,
                    capText);
            builder.backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(base), Duration.ofMillis(cap)));
        }
        if (settings.getRetryThrottlingBaseDelay() > 0 || settings.getRetryMaxBackoff() > 0) {
            long base = baseWithin("retryThrottlingBaseDelay", settings.getRetryThrottlingBaseDelay(),
                    defaults.throttlingBaseDelay(), cap, capText);
            builder.throttlingBackoffStrategy(defaults.throttlingHalfJitter()
                    ? BackoffStrategy.exponentialDelayHalfJitter(Duration.ofMillis(base), Duration.ofMillis(cap))
                    : BackoffStrategy.exponentialDelay(Duration.ofMillis(base), Duration.ofMillis(cap)));
        }
        return builder.build();
    }

    /** The set base, or the mode's default one; a set base over the cap would never show, so it is refused. */
    private static long baseWithin(String option, long set, long modeDefault, long cap, String capText) {
        if (set > cap) {
            throw new IllegalArgumentException(option + " (" + set + "ms) is more than " + capText
                                               + ": every backoff would be the cap, so the base would not count");
        }
        return set > 0 ? set : modeDefault;
    }

    private static void refuse(boolean refused, String option, String value, String modeName, String why) {
        if (refused) {
            throw new IllegalArgumentException(option + "=" + value + " cannot be used with retry mode " + modeName
                                               + ": " + why);
        }
    }

    private static String modeName(AwsClientSettings settings, RetryMode mode) {
        return settings.getRetryMode() != null ? mode.name()
                : mode.name() + " (the SDK's default retry mode, as retryMode is not set)";
    }

    /** The retry set-up in words, for the DEBUG line of a client being built: pure. */
    static String describeRetry(AwsClientSettings settings, RetryMode mode, RetryStrategy strategy) {
        StringBuilder out = new StringBuilder(modeName(settings, mode)).append(", ").append(strategy.maxAttempts())
                .append(" attempts");
        if (mode == RetryMode.ADAPTIVE) {
            return out.append(", the SDK's adaptive retry policy").toString();
        }
        ModeBackoffs defaults = modeBackoffs(mode);
        long cap = settings.getRetryMaxBackoff() > 0 ? settings.getRetryMaxBackoff() : defaults.maxBackoff();
        long base = settings.getRetryBaseDelay() > 0 ? settings.getRetryBaseDelay() : defaults.baseDelay();
        long throttlingBase = settings.getRetryThrottlingBaseDelay() > 0 ? settings.getRetryThrottlingBaseDelay()
                : defaults.throttlingBaseDelay();
        out.append(", retry quota ").append(settings.isRetryCircuitBreaker() ? "on" : "off")
                .append(", backoff ").append(base).append("ms doubling up to ").append(cap).append("ms")
                .append(", throttling backoff ").append(throttlingBase).append("ms doubling up to ").append(cap)
                .append("ms");
        if (mode == RetryMode.ADAPTIVE_V2) {
            out.append(", plus client-side rate limiting");
        }
        return out.toString();
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
        RetryMode mode = tunesRetry(settings) ? effectiveRetryMode(settings) : null;
        RetryStrategy retry = mode != null ? retryStrategy(settings, mode) : null;
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                // a request that could not reach the endpoint fails saying so, naming the endpoint
                .addExecutionInterceptor(new UnreachableEndpointInterceptor(
                        UnreachableEndpointInterceptor.configuredEndpoint(settings),
                        connectionAcquisitionTimeout(settings)));
        if (retry != null) {
            override.retryStrategy(retry);
        }
        builder.overrideConfiguration(override.build());
        LOG.debug("Building AWS client: region={}, credentials={}, endpointOverride={}, retry={}",
                settings.getRegion(), describeCredentials(settings),
                settings.isOverrideEndpoint() ? settings.getUriEndpointOverride() : "none",
                retry != null ? describeRetry(settings, mode, retry) : "sdk-default");
    }

    private static void requireModeDefaultOrMore(String option, long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException(option + " must be 0 (the retry mode's default) or more, got "
                                               + millis + "ms");
        }
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
