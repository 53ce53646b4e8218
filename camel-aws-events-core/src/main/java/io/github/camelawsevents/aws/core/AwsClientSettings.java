package io.github.camelawsevents.aws.core;

import software.amazon.awssdk.core.Protocol;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * The AWS connection settings both components share, under Camel's own AWS option names, so that a user (and
 * Camel tooling) who knows {@code aws2-eventbridge} or {@code aws2-sqs} already knows them.
 * <p>
 * {@link AwsClientFactory} turns any implementation into SDK clients; nothing else reads these values.
 */
public interface AwsClientSettings {

    String getRegion();

    String getAccessKey();

    String getSecretKey();

    String getSessionToken();

    boolean isUseDefaultCredentialsProvider();

    boolean isUseProfileCredentialsProvider();

    String getProfileCredentialsName();

    boolean isUseSessionCredentials();

    boolean isOverrideEndpoint();

    String getUriEndpointOverride();

    boolean isTrustAllCertificates();

    Protocol getProxyProtocol();

    String getProxyHost();

    Integer getProxyPort();

    /** Connect timeout in milliseconds; 0 or less keeps the SDK's default. */
    long getConnectionTimeout();

    /** Read (socket) timeout in milliseconds; 0 or less keeps the SDK's default. */
    long getReadTimeout();

    /** SDK retry mode for whole requests; null keeps the SDK's default (LEGACY). */
    RetryMode getRetryMode();

    /** SDK attempts per whole request, first try included; 0 or less keeps the mode's default. */
    int getMaxAttempts();

    /**
     * Whether the SDK's retry quota (circuit breaker) applies; false retries every failed request up to the attempts,
     * however many fail at once (STANDARD and LEGACY only).
     */
    boolean isRetryCircuitBreaker();

    /** Base of the SDK's backoff after non-throttling errors in milliseconds; 0 keeps the mode's default. */
    long getRetryBaseDelay();

    /** Base of the SDK's backoff after throttling errors in milliseconds; 0 keeps the mode's default. */
    long getRetryThrottlingBaseDelay();

    /** Cap of both SDK backoffs in milliseconds; 0 keeps the mode's default. */
    long getRetryMaxBackoff();
}
