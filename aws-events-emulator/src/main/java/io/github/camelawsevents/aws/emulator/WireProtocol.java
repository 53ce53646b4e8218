package io.github.camelawsevents.aws.emulator;

import java.nio.charset.StandardCharsets;

/** How each AWS protocol writes its responses and errors. */
enum WireProtocol {
    /** Supply Chain: error type in the {@code X-Amzn-ErrorType} header, body {@code {"message":…}}. */
    REST_JSON_1("application/json"),
    /** EventBridge: body {@code {"__type":…,"message":…}}. */
    AWS_JSON_1_1("application/x-amz-json-1.1");

    /** The error type recorded for a 413 whose body is empty. */
    static final String REQUEST_TOO_LARGE = "RequestEntityTooLarge";

    final String contentType;

    WireProtocol(String contentType) {
        this.contentType = contentType;
    }

    /** The error type of a request whose HTTP framing could not be read. */
    static final String BAD_REQUEST = "BadRequestException";
    /** The error type of a request that stopped arriving before it was complete. */
    static final String REQUEST_TIMEOUT = "RequestTimeoutException";

    /**
     * An error for a request whose protocol is unknown (malformed HTTP, no operation read yet): readable by both
     * protocols' clients, with the type in the {@code X-Amzn-ErrorType} header (restJson1) and as {@code __type} in
     * the body (awsJson1_1), and the message as {@code message}.
     */
    static ApiResponse protocolNeutralError(String errorType, int status, String message) {
        String body = "{\"__type\":" + Json.quote(errorType) + ",\"message\":" + Json.quote(message) + "}";
        return new ApiResponse(status, REST_JSON_1.contentType, body.getBytes(StandardCharsets.UTF_8), errorType,
                message);
    }

    /** Whether a request body of this protocol may carry the given Content-Type (parameters such as charset aside). */
    boolean acceptsContentType(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mediaType.equalsIgnoreCase(this.contentType);
    }

    ApiResponse success(String json) {
        return new ApiResponse(200, contentType, json.getBytes(StandardCharsets.UTF_8), null, null);
    }

    ApiResponse error(AwsServiceError error) {
        return error(error.errorType(), error.status(), error.getMessage());
    }

    ApiResponse error(String errorType, int status, String message) {
        if (status == 413) {
            return new ApiResponse(413, null, new byte[0], errorType, message);
        }
        String body = this == REST_JSON_1
                ? "{\"message\":" + Json.quote(message) + "}"
                : "{\"__type\":" + Json.quote(errorType) + ",\"message\":" + Json.quote(message) + "}";
        return new ApiResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), errorType, message);
    }
}
