package io.github.camelawsevents.aws.scn;

import io.github.camelawsevents.aws.core.ContentDigest;
import io.github.camelawsevents.aws.core.FieldValidationException;

/**
 * Idempotency tokens ({@code clientToken}, 33 to 126 characters) that are the same each time the same message is
 * sent again, so a redelivery never makes a second event. Pure functions.
 */
final class ClientTokens {

    private ClientTokens() {
    }

    /**
     * The token of event {@code index} of {@code count} events made from one message, from a token the user gave: the
     * token itself (padded to the minimum length) when the message is one event; otherwise the token plus
     * {@code #index}, padded (or a hash of the token plus {@code #index} when that would be too long).
     *
     * @throws FieldValidationException when the given token is empty or longer than 126 characters
     */
    public static String fromGiven(String token, int index, int count) {
        int len = ScnConstraints.length(token);
        if (len == 0 || len > ScnConstraints.CLIENT_TOKEN_MAX_LENGTH) {
            throw new FieldValidationException("clientToken",
                    "1 to " + ScnConstraints.CLIENT_TOKEN_MAX_LENGTH + " characters (shorter ones are padded to "
                                                              + ScnConstraints.CLIENT_TOKEN_MIN_LENGTH + ")",
                    len + " characters", -1);
        }
        if (count == 1) {
            return pad(token);
        }
        String indexed = token + "#" + index;
        if (ScnConstraints.length(indexed) > ScnConstraints.CLIENT_TOKEN_MAX_LENGTH) {
            indexed = sha256(token) + "#" + index;
        }
        return pad(indexed);
    }

    /**
     * Pads a token shorter than 33 characters deterministically: {@code token~} plus as many characters of the
     * token's SHA-256 as are missing. Two different short tokens stay different.
     */
    public static String pad(String token) {
        // counted in code points, as the service counts the minimum: 17 emoji are 34 UTF-16 units but 17 characters
        int len = ScnConstraints.minimumLength(token);
        if (len >= ScnConstraints.CLIENT_TOKEN_MIN_LENGTH) {
            return token;
        }
        return token + "~" + sha256(token).substring(0, ScnConstraints.CLIENT_TOKEN_MIN_LENGTH - 1 - len);
    }

    /**
     * A token derived from what identifies the event: the SHA-256 (64 hex characters) of {@code identity} (a message
     * or exchange id, or null to use the content only) and every member that makes the event what it is. Including
     * the content means that the same message sent twice with different data (or to another group or type) makes two
     * events, while a redelivery of it is recognised.
     */
    public static String derive(String identity, String instanceId, String eventType, String eventGroupId,
                                String datasetIdentifier, String operationType, int index, String data) {
        return new ContentDigest().add(identity).add(instanceId).add(eventType).add(eventGroupId)
                .add(datasetIdentifier).add(operationType).add(index).add(data).hex();
    }

    /**
     * The token of an event that carries the records of several events-to-be (record coalescing): a digest of their
     * tokens in order, so the same records coalesced the same way get the same token (the SDK's retries of the
     * request are idempotent), and any other composition a different one. Null when none of them had a token.
     */
    public static String coalesced(java.util.List<String> tokens) {
        if (tokens.stream().allMatch(java.util.Objects::isNull)) {
            return null;
        }
        ContentDigest digest = new ContentDigest().add("coalesced").add(tokens.size());
        for (String token : tokens) {
            digest.add(token);
        }
        return digest.hex();
    }

    private static String sha256(String text) {
        return ContentDigest.sha256(text);
    }
}
