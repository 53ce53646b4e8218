package io.github.camelawsevents.aws.emulator;

/** An AWS error response to send: error type, HTTP status and message. Cheap to throw (no stack trace). */
final class AwsServiceError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorType;
    private final int status;

    AwsServiceError(String errorType, int status, String message) {
        super(message, null, false, false);
        this.errorType = errorType;
        this.status = status;
    }

    static AwsServiceError validation(String message) {
        return new AwsServiceError("ValidationException", 400, message);
    }

    static AwsServiceError serialization(String message) {
        return new AwsServiceError("SerializationException", 400, message);
    }

    /** The 413 for a request over the size limit; sent with an empty body. */
    static AwsServiceError tooLarge(String message) {
        return new AwsServiceError(WireProtocol.REQUEST_TOO_LARGE, 413, message);
    }

    String errorType() {
        return errorType;
    }

    int status() {
        return status;
    }
}
