package io.github.camelawsevents.aws.emulator;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for event ids. Uses {@link ThreadLocalRandom} rather than
 * {@link UUID#randomUUID()}'s SecureRandom: ids need to be unique, not unpredictable, and this keeps id
 * generation off the hot path under load.
 */
final class EventIds {

    private EventIds() {
    }

    static UUID next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    static String nextString() {
        return next().toString();
    }
}
