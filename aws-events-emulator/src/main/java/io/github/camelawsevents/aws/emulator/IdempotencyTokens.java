package io.github.camelawsevents.aws.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Client tokens seen per instance, kept compact so that long runs in count-only mode stay bounded:
 * the key is a 128-bit hash of (instanceId, clientToken), the value the event id (as two longs), a 64-bit
 * fingerprint of the payload and the time of first use. Holds at most {@code capacity} tokens; the oldest
 * is forgotten first. A token also expires after {@link #TOKEN_LIFETIME_MILLIS} (the service's 8 hours).
 * Not thread-safe: the owning store synchronises.
 */
final class IdempotencyTokens {

    static final long TOKEN_LIFETIME_MILLIS = 8L * 60 * 60 * 1000;

    private final int capacity;
    private final LinkedHashMap<TokenKey, TokenUse> uses;

    IdempotencyTokens(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("idempotency token capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.uses = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<TokenKey, TokenUse> eldest) {
                return size() > IdempotencyTokens.this.capacity;
            }
        };
    }

    /** The earlier use of this token, or {@code null} when unknown or expired. */
    TokenUse find(String instanceId, String clientToken, long nowMillis) {
        TokenKey key = TokenKey.of(instanceId, clientToken);
        TokenUse use = uses.get(key);
        if (use != null && nowMillis - use.firstUsedMillis >= TOKEN_LIFETIME_MILLIS) {
            uses.remove(key);
            return null;
        }
        return use;
    }

    void remember(String instanceId, String clientToken, UUID eventId, long fingerprint, long nowMillis) {
        uses.put(TokenKey.of(instanceId, clientToken),
                new TokenUse(eventId.getMostSignificantBits(), eventId.getLeastSignificantBits(), fingerprint, nowMillis));
    }

    int size() {
        return uses.size();
    }

    void clear() {
        uses.clear();
    }

    /** A 128-bit hash of instance and token: two independent 64-bit hashes over the characters. */
    record TokenKey(long high, long low) {
        static TokenKey of(String instanceId, String clientToken) {
            long fnv = 0xcbf29ce484222325L;
            long poly = 0x2545F4914F6CDD1DL;
            fnv = feed(fnv, instanceId);
            poly = feedPoly(poly, instanceId);
            fnv = (fnv ^ 0xFFFF) * 0x100000001b3L;
            poly = poly * 0x9E3779B97F4A7C15L + 0xFFFF;
            fnv = feed(fnv, clientToken);
            poly = feedPoly(poly, clientToken);
            return new TokenKey(fnv, poly ^ (poly >>> 29));
        }

        private static long feed(long h, String s) {
            for (int i = 0; i < s.length(); i++) {
                h = (h ^ s.charAt(i)) * 0x100000001b3L;
            }
            return h;
        }

        private static long feedPoly(long h, String s) {
            for (int i = 0; i < s.length(); i++) {
                h = (h + s.charAt(i)) * 0xD6E8FEB86659FD93L;
                h ^= h >>> 32;
            }
            return h;
        }
    }

    /** What the first request with a token produced. */
    record TokenUse(long eventIdHigh, long eventIdLow, long fingerprint, long firstUsedMillis) {
        String eventId() {
            return new UUID(eventIdHigh, eventIdLow).toString();
        }
    }
}
