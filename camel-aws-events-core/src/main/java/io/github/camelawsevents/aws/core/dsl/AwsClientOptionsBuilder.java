package io.github.camelawsevents.aws.core.dsl;

import org.apache.camel.Component;
import org.apache.camel.builder.component.ComponentBuilder;
import software.amazon.awssdk.core.Protocol;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * The shared AWS options in a component DSL builder. A component's {@code ...ComponentBuilder} interface extends this
 * one and adds its own options, so the AWS options are written once for both components.
 *
 * @param <C> the component
 * @param <B> the component's builder interface (returned for chaining)
 */
public interface AwsClientOptionsBuilder<C extends Component, B extends AwsClientOptionsBuilder<C, B>>
        extends ComponentBuilder<C> {

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The region in which the AWS client works, for example eu-west-1. */
    default B region(String region) {
        doSetProperty("region", region);
        return self();
    }

    /** Amazon AWS Access Key. */
    default B accessKey(String accessKey) {
        doSetProperty("accessKey", accessKey);
        return self();
    }

    /** Amazon AWS Secret Key. */
    default B secretKey(String secretKey) {
        doSetProperty("secretKey", secretKey);
        return self();
    }

    /** Amazon AWS Session Token (with useSessionCredentials). */
    default B sessionToken(String sessionToken) {
        doSetProperty("sessionToken", sessionToken);
        return self();
    }

    /** Load credentials through the SDK's default credentials provider. */
    default B useDefaultCredentialsProvider(boolean useDefaultCredentialsProvider) {
        doSetProperty("useDefaultCredentialsProvider", useDefaultCredentialsProvider);
        return self();
    }

    /** Load credentials through a profile credentials provider. */
    default B useProfileCredentialsProvider(boolean useProfileCredentialsProvider) {
        doSetProperty("useProfileCredentialsProvider", useProfileCredentialsProvider);
        return self();
    }

    /** The profile name of the profile credentials provider. */
    default B profileCredentialsName(String profileCredentialsName) {
        doSetProperty("profileCredentialsName", profileCredentialsName);
        return self();
    }

    /** Use session credentials (accessKey, secretKey and sessionToken). */
    default B useSessionCredentials(boolean useSessionCredentials) {
        doSetProperty("useSessionCredentials", useSessionCredentials);
        return self();
    }

    /** Override the endpoint, together with uriEndpointOverride. */
    default B overrideEndpoint(boolean overrideEndpoint) {
        doSetProperty("overrideEndpoint", overrideEndpoint);
        return self();
    }

    /** The overriding endpoint URI, for example the local emulator's. */
    default B uriEndpointOverride(String uriEndpointOverride) {
        doSetProperty("uriEndpointOverride", uriEndpointOverride);
        return self();
    }

    /** Trust all TLS certificates (test set-ups only). */
    default B trustAllCertificates(boolean trustAllCertificates) {
        doSetProperty("trustAllCertificates", trustAllCertificates);
        return self();
    }

    /** The proxy protocol. */
    default B proxyProtocol(Protocol proxyProtocol) {
        doSetProperty("proxyProtocol", proxyProtocol);
        return self();
    }

    /** The proxy host. */
    default B proxyHost(String proxyHost) {
        doSetProperty("proxyHost", proxyHost);
        return self();
    }

    /** The proxy port. */
    default B proxyPort(Integer proxyPort) {
        doSetProperty("proxyPort", proxyPort);
        return self();
    }

    /** Connect timeout in milliseconds. */
    default B connectionTimeout(long connectionTimeout) {
        doSetProperty("connectionTimeout", connectionTimeout);
        return self();
    }

    /** Connect timeout as a duration text, e.g. {@code 5s}. */
    default B connectionTimeout(String connectionTimeout) {
        doSetProperty("connectionTimeout", connectionTimeout);
        return self();
    }

    /** Read timeout in milliseconds. */
    default B readTimeout(long readTimeout) {
        doSetProperty("readTimeout", readTimeout);
        return self();
    }

    /** Read timeout as a duration text, e.g. {@code 30s}. */
    default B readTimeout(String readTimeout) {
        doSetProperty("readTimeout", readTimeout);
        return self();
    }

    /** The AWS SDK retry mode for whole requests. */
    default B retryMode(RetryMode retryMode) {
        doSetProperty("retryMode", retryMode);
        return self();
    }

    /** How many attempts the AWS SDK makes for a whole request. */
    default B maxAttempts(int maxAttempts) {
        doSetProperty("maxAttempts", maxAttempts);
        return self();
    }

    /** Whether the AWS SDK's retry quota (circuit breaker) applies; false retries every failure up to maxAttempts. */
    default B retryCircuitBreaker(boolean retryCircuitBreaker) {
        doSetProperty("retryCircuitBreaker", retryCircuitBreaker);
        return self();
    }

    /** Base of the AWS SDK's backoff after non-throttling errors, in milliseconds (0: the retry mode's default). */
    default B retryBaseDelay(long retryBaseDelay) {
        doSetProperty("retryBaseDelay", retryBaseDelay);
        return self();
    }

    /** Base of the AWS SDK's backoff after non-throttling errors as a duration text, e.g. {@code 200ms}. */
    default B retryBaseDelay(String retryBaseDelay) {
        doSetProperty("retryBaseDelay", retryBaseDelay);
        return self();
    }

    /** Base of the AWS SDK's backoff after throttling errors, in milliseconds (0: the retry mode's default). */
    default B retryThrottlingBaseDelay(long retryThrottlingBaseDelay) {
        doSetProperty("retryThrottlingBaseDelay", retryThrottlingBaseDelay);
        return self();
    }

    /** Base of the AWS SDK's backoff after throttling errors as a duration text, e.g. {@code 1s}. */
    default B retryThrottlingBaseDelay(String retryThrottlingBaseDelay) {
        doSetProperty("retryThrottlingBaseDelay", retryThrottlingBaseDelay);
        return self();
    }

    /** Largest backoff of the AWS SDK between two attempts, in milliseconds (0: the retry mode's default). */
    default B retryMaxBackoff(long retryMaxBackoff) {
        doSetProperty("retryMaxBackoff", retryMaxBackoff);
        return self();
    }

    /** Largest backoff of the AWS SDK between two attempts as a duration text, e.g. {@code 5s}. */
    default B retryMaxBackoff(String retryMaxBackoff) {
        doSetProperty("retryMaxBackoff", retryMaxBackoff);
        return self();
    }

    /** How long a sending thread waits, at most, for a place under the pending bound, in milliseconds. */
    default B maxBlockMs(long maxBlockMs) {
        doSetProperty("maxBlockMs", maxBlockMs);
        return self();
    }

    /** How long a sending thread waits, at most, for a place under the pending bound, as a duration, e.g. {@code 60s}. */
    default B maxBlockMs(String maxBlockMs) {
        doSetProperty("maxBlockMs", maxBlockMs);
        return self();
    }

    /** The most requests the endpoint sends per second (0: no cap). */
    default B maxRequestsPerSecond(double maxRequestsPerSecond) {
        doSetProperty("maxRequestsPerSecond", maxRequestsPerSecond);
        return self();
    }

    /** A thread pool of your own on which the rest of the route continues after AWS answered. */
    default B workerPool(java.util.concurrent.ExecutorService workerPool) {
        doSetProperty("workerPool", workerPool);
        return self();
    }

    /** Idle threads of the component's own worker pool. */
    default B workerPoolCoreSize(int workerPoolCoreSize) {
        doSetProperty("workerPoolCoreSize", workerPoolCoreSize);
        return self();
    }

    /** The most threads of the component's own worker pool running the rest of routes at once. */
    default B workerPoolMaxSize(int workerPoolMaxSize) {
        doSetProperty("workerPoolMaxSize", workerPoolMaxSize);
        return self();
    }

    /** Whether the component's options may be autowired from the registry. */
    default B autowiredEnabled(boolean autowiredEnabled) {
        doSetProperty("autowiredEnabled", autowiredEnabled);
        return self();
    }

    /** Whether producers start lazily (on the first message). */
    default B lazyStartProducer(boolean lazyStartProducer) {
        doSetProperty("lazyStartProducer", lazyStartProducer);
        return self();
    }

    /** Whether the producer health checks of this component are enabled. */
    default B healthCheckProducerEnabled(boolean healthCheckProducerEnabled) {
        doSetProperty("healthCheckProducerEnabled", healthCheckProducerEnabled);
        return self();
    }
}
