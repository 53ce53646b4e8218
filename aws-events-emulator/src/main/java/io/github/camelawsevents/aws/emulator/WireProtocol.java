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
