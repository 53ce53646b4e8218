package io.github.camelawsevents.aws.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over a sequence of values, each length-prefixed so that no two different sequences give the same input
 * (("ab", "c") and ("a", "bc") differ; null differs from ""). For values that identify content: client tokens, what an
 * attempt at a message already delivered. Not thread-safe; one per computation.
 */
public final class ContentDigest {

    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest digest;

    public ContentDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** Adds a value; null is a value of its own. */
    public ContentDigest add(String value) {
        if (value == null) {
            digest.update((byte) 0);
            return this;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
        return this;
    }

    /** Adds a number. */
    public ContentDigest add(long value) {
        return add(Long.toString(value));
    }

    /** The digest as 64 lower-case hex characters; the digest is reset. */
    public String hex() {
        return HEX.formatHex(digest.digest());
    }

    /** The SHA-256 of the UTF-8 bytes of {@code text}, as 64 hex characters (no length prefix). */
    public static String sha256(String text) {
        return HEX.formatHex(new ContentDigest().digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
