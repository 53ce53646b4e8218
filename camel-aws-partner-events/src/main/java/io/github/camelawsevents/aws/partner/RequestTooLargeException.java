package io.github.camelawsevents.aws.partner;

import io.github.camelawsevents.aws.core.SafeMessages;

/**
 * EventBridge refused a PutPartnerEvents request as too large, with HTTP 413 (an empty body) or with 400
 * {@code ValidationException} on the entries' total size. The producer keeps every request under
 * {@code maxRequestSizeBytes} by EventBridge's documented size rule, so this means the limit is set above what the
 * service takes for this account: lower it. The cause is the AWS SDK's exception.
 */
public class RequestTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RequestTooLargeException(int entries, long bytes, long maxRequestSizeBytes, Throwable cause) {
        super("EventBridge refused a PutPartnerEvents request of " + entries + " entries and " + bytes
              + " bytes (by the entry size rule) as too large (" + SafeMessages.of(cause) + "); maxRequestSizeBytes is "
              + maxRequestSizeBytes + ": lower it to what the service accepts", cause);
    }
}
