package io.github.camelawsevents.aws.core;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import software.amazon.awssdk.core.Protocol;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * The shared AWS options as Camel endpoint and component options. Each component's configuration extends this class
 * and adds its own options; the descriptions are given in the annotations because Camel's metadata generator reads
 * this class from a jar, where javadoc is not available.
 * <p>
 * {@link #toString()} never prints a secret.
 */
public abstract class AbstractAwsEventsConfiguration implements AwsClientSettings, Cloneable {

    /** The region in which the client works, e.g. {@code eu-west-1}. */
    @UriParam(description = "The region in which the AWS client works, for example eu-west-1. When not set, the SDK's"
                            + " default region provider chain decides.")
    private String region;

    /** Amazon AWS access key. */
    @UriParam(label = "security", secret = true, description = "Amazon AWS Access Key.")
    private String accessKey;

    /** Amazon AWS secret key. */
    @UriParam(label = "security", secret = true, description = "Amazon AWS Secret Key.")
    private String secretKey;

    /** Session token, used with useSessionCredentials. */
    @UriParam(label = "security", secret = true,
              description = "Amazon AWS Session Token, used when the user needs to assume an IAM role"
                            + " (together with useSessionCredentials).")
    private String sessionToken;

    /** Load credentials through the SDK's default credentials provider. */
    @UriParam(label = "security", defaultValue = "false",
              description = "Set whether the AWS client should expect to load credentials through the SDK's default"
                            + " credentials provider (environment, system properties, profile, web identity, container"
                            + " or instance role).")
    private boolean useDefaultCredentialsProvider;

    /** Load credentials through a profile credentials provider. */
    @UriParam(label = "security", defaultValue = "false",
              description = "Set whether the AWS client should expect to load credentials through a profile"
                            + " credentials provider.")
    private boolean useProfileCredentialsProvider;

    /** The profile name to use with useProfileCredentialsProvider. */
    @UriParam(label = "security",
              description = "If using a profile credentials provider, this parameter sets the profile name.")
    private String profileCredentialsName;

    /** Use the session credentials (access key, secret key and session token). */
    @UriParam(label = "security", defaultValue = "false",
              description = "Set whether the AWS client should expect to use session credentials (accessKey, secretKey"
                            + " and sessionToken). This is useful when the user needs to assume an IAM role.")
    private boolean useSessionCredentials;

    /** Override the endpoint the client talks to, with uriEndpointOverride. */
    @UriParam(defaultValue = "false",
              description = "Set the need for overriding the endpoint. This option needs to be used in combination"
                            + " with the uriEndpointOverride option.")
    private boolean overrideEndpoint;

    /** The endpoint URI used when overrideEndpoint is true. */
    @UriParam(description = "Set the overriding URI endpoint, for example http://127.0.0.1:4566 for the local"
                            + " emulator. This option needs to be used in combination with overrideEndpoint.")
    private String uriEndpointOverride;

    /** Trust all TLS certificates: for test set-ups only. */
    @UriParam(label = "security", defaultValue = "false",
              description = "If we want to trust all certificates in case of overriding the endpoint. For test"
                            + " set-ups only: a warning is logged when it is enabled.")
    private boolean trustAllCertificates;

    /** The protocol of the proxy. */
    @UriParam(label = "proxy", enums = "HTTP,HTTPS", defaultValue = "HTTPS",
              description = "To define a proxy protocol when instantiating the AWS client.")
    private Protocol proxyProtocol = Protocol.HTTPS;

    /** The host of the proxy. */
    @UriParam(label = "proxy", description = "To define a proxy host when instantiating the AWS client.")
    private String proxyHost;

    /** The port of the proxy. */
    @UriParam(label = "proxy", description = "To define a proxy port when instantiating the AWS client.")
    private Integer proxyPort;

    /** Connect timeout. */
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "10000",
              description = "How long the HTTP client waits to open a connection (like the AWS CLI's"
                            + " --cli-connect-timeout). 0 keeps the SDK's default (2 s). A request waits at most"
                            + " twice this plus 1 s for a connection of the client's pool (a connect and a TLS"
                            + " handshake; the pool holds maxInFlightRequests connections), then fails with"
                            + " EndpointUnreachableException naming the endpoint.")
    private long connectionTimeout = 10_000;

    /** Read timeout. */
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "30000",
              description = "How long the HTTP client waits for data on an open connection (like the AWS CLI's"
                            + " --cli-read-timeout). 0 keeps the SDK's default.")
    private long readTimeout = 30_000;

    /** SDK retry mode for whole requests. */
    @UriParam(label = "advanced", enums = "LEGACY,STANDARD,ADAPTIVE,ADAPTIVE_V2",
              description = "The AWS SDK retry mode for whole requests (throttling, 5xx, I/O errors). When not set"
                            + " the SDK's default applies (LEGACY, 4 attempts). Failed entries inside a successful"
                            + " response are never retried by the SDK; the component handles those.")
    private RetryMode retryMode;

    /** SDK attempts per whole request. */
    @UriParam(label = "advanced", defaultValue = "0",
              description = "How many attempts the AWS SDK makes for a whole request, the first one included."
                            + " 0 keeps the retry mode's default.")
    private int maxAttempts;

    /** Whether the SDK's retry quota (circuit breaker) limits the retries. */
    @UriParam(label = "advanced", defaultValue = "true",
              description = "Whether the AWS SDK's retry quota (its circuit breaker) applies: every retry takes"
                            + " tokens from a quota of the client that successful requests refill (500 tokens, 5 per"
                            + " retry; LEGACY takes none for throttling errors), and while it is empty a failed request"
                            + " is not retried at all, however many attempts it has left. false turns the quota off,"
                            + " so every failed request is retried up to maxAttempts however many fail at once, e.g. to"
                            + " ride out an outage of a few seconds with many requests in flight. Retry modes STANDARD"
                            + " and LEGACY only: false is refused with ADAPTIVE and ADAPTIVE_V2.")
    private boolean retryCircuitBreaker = true;

    /** Base of the SDK's backoff after non-throttling errors, in milliseconds; 0 keeps the mode's default. */
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "0",
              description = "The base of the AWS SDK's jittered exponential backoff after an error that is not"
                            + " throttling (5xx, I/O): retry n waits a random time of up to this base doubled n-1"
                            + " times, at most retryMaxBackoff. 0 keeps the retry mode's default (100 ms). Retry modes"
                            + " STANDARD, LEGACY and ADAPTIVE_V2. Milliseconds, or a duration such as 200ms.")
    private long retryBaseDelay;

    /** Base of the SDK's backoff after throttling errors, in milliseconds; 0 keeps the mode's default. */
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "0",
              description = "The base of the AWS SDK's jittered exponential backoff after a throttling error: as"
                            + " retryBaseDelay, for throttling. 0 keeps the retry mode's default (1 s in STANDARD and"
                            + " ADAPTIVE_V2; 500 ms in LEGACY, whose throttling delays are drawn between half and all"
                            + " of the exponential delay). Retry modes STANDARD, LEGACY and ADAPTIVE_V2. Milliseconds,"
                            + " or a duration such as 1s.")
    private long retryThrottlingBaseDelay;

    /** Cap of both SDK backoffs, in milliseconds; 0 keeps the mode's default. */
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "0",
              description = "The largest backoff of the AWS SDK between two attempts of a request, after throttling"
                            + " and other errors alike; the bases keep the retry mode's defaults unless set. 0 keeps"
                            + " the retry mode's default (20 s). Retry modes STANDARD and LEGACY: refused with ADAPTIVE"
                            + " and with ADAPTIVE_V2, whose client-side rate limiter adds waits that no cap bounds."
                            + " Milliseconds, or a duration such as 5s.")
    private long retryMaxBackoff;

    /** How long a sending thread waits for a place under the pending bound. */
    @UriParam(label = "producer,advanced", javaType = "java.time.Duration", defaultValue = "60000",
              description = "How long the thread that sends an exchange waits, at most, while the endpoint holds"
                            + " maxPendingExchanges exchanges already (the backpressure bound), as Kafka's producer"
                            + " option max.block.ms. When it runs out, that exchange fails with a"
                            + " DeliveryRefusedException that says so (before anything of it was sent), and the route's"
                            + " error handler decides. Milliseconds, or a duration such as 60s.")
    private long maxBlockMs = 60_000;

    /** A thread pool of the user's for the rest of the route. */
    @UriParam(label = "producer,advanced",
              description = "A thread pool of your own on which the rest of the route continues after AWS answered"
                            + " (as camel-kafka's producer option workerPool). It is used as it is and never shut down"
                            + " by the component. A pool that refuses a task makes the completion run on the"
                            + " component's own sender thread instead, so give it an unbounded queue. By default the"
                            + " component makes its own pool, sized by workerPoolCoreSize and workerPoolMaxSize.")
    private java.util.concurrent.ExecutorService workerPool;

    /** Idle threads of the component's worker pool. */
    @UriParam(label = "producer,advanced", defaultValue = "10",
              description = "How many threads of the component's own worker pool (on which the rest of the route"
                            + " continues after AWS answered) stay when idle.")
    private int workerPoolCoreSize = 10;

    /** Threads of the component's worker pool when busy. */
    @UriParam(label = "producer,advanced", defaultValue = "256",
              description = "The most threads of the component's own worker pool that run the rest of routes at once"
                            + " after AWS answered (the pool grows to this size before it queues anything, so a route fed"
                            + " by up to this many concurrent consumers keeps that many steps running). Completions"
                            + " beyond it wait in an unbounded queue, never on an AWS SDK thread. While one of its"
                            + " threads waits for the pending bound of one of our endpoints, the pool may run one more"
                            + " thread, up to twice this size.")
    private int workerPoolMaxSize = 256;

    /** A cap on requests per second. */
    @UriParam(label = "producer,advanced", defaultValue = "0",
              description = "The most requests the endpoint sends per second (0: no cap), over all its producers; bursts"
                            + " are at most a tenth of a second's worth, so no second sees more than 1.1 times the cap."
                            + " For a quota that several instances share, give each its share, e.g. EventBridge's"
                            + " PutPartnerEvents quota of 1,400 requests/s per account and region over 3 workers:"
                            + " maxRequestsPerSecond=460. Work waits in the endpoint's queue meanwhile (bounded by"
                            + " maxPendingExchanges), and requests fill up while it waits.")
    private double maxRequestsPerSecond;

    @Override
    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    @Override
    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    @Override
    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    @Override
    public String getSessionToken() {
        return sessionToken;
    }

    public void setSessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
    }

    @Override
    public boolean isUseDefaultCredentialsProvider() {
        return useDefaultCredentialsProvider;
    }

    public void setUseDefaultCredentialsProvider(boolean useDefaultCredentialsProvider) {
        this.useDefaultCredentialsProvider = useDefaultCredentialsProvider;
    }

    @Override
    public boolean isUseProfileCredentialsProvider() {
        return useProfileCredentialsProvider;
    }

    public void setUseProfileCredentialsProvider(boolean useProfileCredentialsProvider) {
        this.useProfileCredentialsProvider = useProfileCredentialsProvider;
    }

    @Override
    public String getProfileCredentialsName() {
        return profileCredentialsName;
    }

    public void setProfileCredentialsName(String profileCredentialsName) {
        this.profileCredentialsName = profileCredentialsName;
    }

    @Override
    public boolean isUseSessionCredentials() {
        return useSessionCredentials;
    }

    public void setUseSessionCredentials(boolean useSessionCredentials) {
        this.useSessionCredentials = useSessionCredentials;
    }

    @Override
    public boolean isOverrideEndpoint() {
        return overrideEndpoint;
    }

    public void setOverrideEndpoint(boolean overrideEndpoint) {
        this.overrideEndpoint = overrideEndpoint;
    }

    @Override
    public String getUriEndpointOverride() {
        return uriEndpointOverride;
    }

    public void setUriEndpointOverride(String uriEndpointOverride) {
        this.uriEndpointOverride = uriEndpointOverride;
    }

    @Override
    public boolean isTrustAllCertificates() {
        return trustAllCertificates;
    }

    public void setTrustAllCertificates(boolean trustAllCertificates) {
        this.trustAllCertificates = trustAllCertificates;
    }

    @Override
    public Protocol getProxyProtocol() {
        return proxyProtocol;
    }

    public void setProxyProtocol(Protocol proxyProtocol) {
        this.proxyProtocol = proxyProtocol;
    }

    @Override
    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    @Override
    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    @Override
    public long getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(long connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    @Override
    public long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    @Override
    public RetryMode getRetryMode() {
        return retryMode;
    }

    public void setRetryMode(RetryMode retryMode) {
        this.retryMode = retryMode;
    }

    @Override
    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    @Override
    public boolean isRetryCircuitBreaker() {
        return retryCircuitBreaker;
    }

    public void setRetryCircuitBreaker(boolean retryCircuitBreaker) {
        this.retryCircuitBreaker = retryCircuitBreaker;
    }

    @Override
    public long getRetryBaseDelay() {
        return retryBaseDelay;
    }

    public void setRetryBaseDelay(long retryBaseDelay) {
        this.retryBaseDelay = retryBaseDelay;
    }

    @Override
    public long getRetryThrottlingBaseDelay() {
        return retryThrottlingBaseDelay;
    }

    public void setRetryThrottlingBaseDelay(long retryThrottlingBaseDelay) {
        this.retryThrottlingBaseDelay = retryThrottlingBaseDelay;
    }

    @Override
    public long getRetryMaxBackoff() {
        return retryMaxBackoff;
    }

    public void setRetryMaxBackoff(long retryMaxBackoff) {
        this.retryMaxBackoff = retryMaxBackoff;
    }

    public long getMaxBlockMs() {
        return maxBlockMs;
    }

    public void setMaxBlockMs(long maxBlockMs) {
        this.maxBlockMs = maxBlockMs;
    }

    public java.util.concurrent.ExecutorService getWorkerPool() {
        return workerPool;
    }

    public void setWorkerPool(java.util.concurrent.ExecutorService workerPool) {
        this.workerPool = workerPool;
    }

    public int getWorkerPoolCoreSize() {
        return workerPoolCoreSize;
    }

    public void setWorkerPoolCoreSize(int workerPoolCoreSize) {
        this.workerPoolCoreSize = workerPoolCoreSize;
    }

    public int getWorkerPoolMaxSize() {
        return workerPoolMaxSize;
    }

    public void setWorkerPoolMaxSize(int workerPoolMaxSize) {
        this.workerPoolMaxSize = workerPoolMaxSize;
    }

    public double getMaxRequestsPerSecond() {
        return maxRequestsPerSecond;
    }

    public void setMaxRequestsPerSecond(double maxRequestsPerSecond) {
        this.maxRequestsPerSecond = maxRequestsPerSecond;
    }

    /**
     * The delivery pipeline's settings from these options, checked (a wrong value fails at endpoint creation with the
     * option's name and value).
     */
    public io.github.camelawsevents.aws.core.delivery.DeliveryPipeline.Settings pipelineSettings(
            String name, int maxInFlightRequests, int maxPendingExchanges) {
        return new io.github.camelawsevents.aws.core.delivery.DeliveryPipeline.Settings(name, maxInFlightRequests,
                maxPendingExchanges, maxBlockMs, workerPool, workerPoolCoreSize, workerPoolMaxSize, maxRequestsPerSecond);
    }

    /** A field-by-field copy, so an endpoint can change its options without touching the component's. */
    @SuppressWarnings("unchecked")
    protected <T extends AbstractAwsEventsConfiguration> T copyOf() {
        try {
            return (T) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** Subclasses add their own non-secret options here. */
    protected void describe(StringBuilder out) {
    }

    @Override
    public final String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('[');
        sb.append("region=").append(region);
        sb.append(", credentials=").append(AwsClientFactory.describeCredentials(this));
        if (overrideEndpoint) {
            sb.append(", uriEndpointOverride=").append(uriEndpointOverride);
        }
        if (proxyHost != null) {
            sb.append(", proxy=").append(proxyProtocol).append("://").append(proxyHost).append(':').append(proxyPort);
        }
        if (trustAllCertificates) {
            sb.append(", trustAllCertificates=true");
        }
        describe(sb);
        sb.append(", maxBlockMs=").append(maxBlockMs);
        if (maxRequestsPerSecond > 0) {
            sb.append(", maxRequestsPerSecond=").append(maxRequestsPerSecond);
        }
        if (workerPool != null) {
            sb.append(", workerPool=supplied");
        } else {
            sb.append(", workerPoolCoreSize=").append(workerPoolCoreSize).append(", workerPoolMaxSize=")
                    .append(workerPoolMaxSize);
        }
        return sb.append(']').toString();
    }
}
