package io.github.camelawsevents.aws.core;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The AWS SDK could not reach the endpoint: no connection to it could be made (refused, timed out, host unknown, or
 * none made within the connection acquisition timeout). Nothing of the request reached the endpoint, so sending it again
 * later cannot store it twice. The message names the endpoint (scheme, host and port only, never credentials) and what
 * failed; the cause is the SDK's own exception. It is an {@link SdkClientException}, so whatever handles those still
 * does.
 */
public class EndpointUnreachableException extends SdkClientException {

    private static final long serialVersionUID = 1L;

    private final String endpoint;

    public EndpointUnreachableException(String endpoint, String message, Integer numAttempts, Throwable cause) {
        super(SdkClientException.builder().message(message).cause(cause).numAttempts(numAttempts));
        this.endpoint = endpoint;
    }

    /** The endpoint that could not be reached: scheme, host and port. */
    public String getEndpoint() {
        return endpoint;
    }
}
