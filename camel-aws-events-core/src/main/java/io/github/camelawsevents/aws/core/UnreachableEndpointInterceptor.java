package io.github.camelawsevents.aws.core;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Rewrites the final failure of a request that could not reach its endpoint into an
 * {@link EndpointUnreachableException} ({@link UnreachableEndpoints#map}). The SDK asks interceptors to modify the
 * exception once, after its retries, so the retry decisions still see the SDK's own exception.
 */
final class UnreachableEndpointInterceptor implements ExecutionInterceptor {

    private final String configuredEndpoint;
    private final Duration acquisitionTimeout;

    /**
     * @param configuredEndpoint the endpoint override, when one is set (used when the failed request carries none)
     * @param acquisitionTimeout the client's connection acquisition timeout
     */
    UnreachableEndpointInterceptor(String configuredEndpoint, Duration acquisitionTimeout) {
        this.configuredEndpoint = configuredEndpoint;
        this.acquisitionTimeout = acquisitionTimeout;
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes executionAttributes) {
        String endpoint = context.httpRequest().map(SdkHttpRequest::getUri).map(UnreachableEndpoints::endpointOf)
                .orElse(configuredEndpoint);
        return UnreachableEndpoints.map(context.exception(), endpoint, acquisitionTimeout);
    }

    static String configuredEndpoint(AwsClientSettings settings) {
        if (!settings.isOverrideEndpoint() || settings.getUriEndpointOverride() == null) {
            return null;
        }
        try {
            return UnreachableEndpoints.endpointOf(URI.create(settings.getUriEndpointOverride()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
