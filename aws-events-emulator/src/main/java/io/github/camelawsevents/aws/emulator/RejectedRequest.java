package io.github.camelawsevents.aws.emulator;

/**
 * A request the emulator answered with an error status without storing anything.
 *
 * @param api       the AWS operation name (e.g. {@code SendDataIntegrationEvent}, {@code PutPartnerEvents}),
 *                  or {@code Unknown} when no operation matched
 * @param status    the HTTP status sent
 * @param errorType the AWS error type sent (e.g. {@code ValidationException}); {@code RequestEntityTooLarge}
 *                  for a 413 with an empty body
 * @param message   the error message sent
 */
public record RejectedRequest(String api, int status, String errorType, String message) {
}
