package io.github.camelawsevents.aws.scn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.github.camelawsevents.aws.core.FieldValidationException;

/**
 * Idempotency tokens ({@code clientToken}, 33 to 126 characters) that are the same each time the same message is
 * sent again, so a redelivery never makes a second event. Pure functions.
 */
public final class ClientTokens {

    private static final HexFormat HEX = HexFormat.of();

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
        MessageDigest digest = newDigest();
        update(digest, identity);
        update(digest, instanceId);
        update(digest, eventType);
        update(digest, eventGroupId);
        update(digest, datasetIdentifier);
        update(digest, operationType);
        update(digest, Integer.toString(index));
        update(digest, data);
        return HEX.formatHex(digest.digest());
    }

    private static String sha256(String text) {
        return HEX.formatHex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Length-prefixed, so no two different member lists give the same digest input. */
    private static void update(MessageDigest digest, String value) {
        if (value == null) {
            digest.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
