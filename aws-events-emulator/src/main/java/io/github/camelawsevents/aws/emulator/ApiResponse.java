package io.github.camelawsevents.aws.emulator;

/**
 * One HTTP response to send.
 *
 * @param status       HTTP status
 * @param contentType  Content-Type, or {@code null} for an empty body
 * @param body         the body bytes
 * @param errorType    the AWS error type for an error response (also sent as {@code X-Amzn-ErrorType} by
 *                     restJson1), else {@code null}
 * @param errorMessage the error message for an error response, else {@code null}
 */
record ApiResponse(int status, String contentType, byte[] body, String errorType, String errorMessage) {

    boolean isError() {
        return errorType != null;
    }
}
