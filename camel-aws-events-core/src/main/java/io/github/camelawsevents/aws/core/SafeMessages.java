package io.github.camelawsevents.aws.core;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Error text that is safe to log at INFO and to put in health details: AWS error codes and messages (which never
 * carry credentials), not request payloads.
 */
public final class SafeMessages {

    private static final int MAX = 300;

    private SafeMessages() {
    }

    public static String of(Throwable error) {
        Throwable t = unwrap(error);
        String text;
        if (t instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            text = aws.awsErrorDetails().errorCode() + " (HTTP " + aws.statusCode() + "): "
                   + aws.awsErrorDetails().errorMessage();
        } else {
            text = t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
    }

    /**
     * The error code of a failure: the AWS error code when AWS answered with one, {@code HTTP <status>} when it
     * answered without one (e.g. an empty 413), else the exception's simple class name.
     */
    public static String errorCode(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof AwsServiceException aws) {
            if (aws.awsErrorDetails() != null && aws.awsErrorDetails().errorCode() != null
                    && !aws.awsErrorDetails().errorCode().isEmpty()) {
                return aws.awsErrorDetails().errorCode();
            }
            return "HTTP " + aws.statusCode();
        }
        if (t instanceof software.amazon.awssdk.core.exception.SdkServiceException service) {
            return "HTTP " + service.statusCode();
        }
        return t.getClass().getSimpleName();
    }

    /** Strips the CompletionException / ExecutionException wrappers of asynchronous calls. */
    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
