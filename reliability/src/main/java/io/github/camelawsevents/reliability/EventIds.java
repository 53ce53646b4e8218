package io.github.camelawsevents.reliability;

/**
 * How the suite makes every event identifiable, and which events it makes: event {@code n} (0-based) carries
 * {@code "n":n} in its record (Supply Chain) or Detail (partner events), plus its group and its position in the group
 * for Supply Chain. Groups and garbage positions are pure functions of (seed, n), so a run is the same input for the
 * same seed, and nothing per event has to be kept while it runs.
 */
public final class EventIds {

    private EventIds() {
    }

    /** The group of event {@code n}: a seeded hash, spread evenly over {@code groups}. */
    public static int group(long seed, long n, int groups) {
        return (int) Long.remainderUnsigned(mix64(seed * 0x9E3779B97F4A7C15L + n), groups);
    }

    /** Whether event {@code n} is garbage (a record the API would refuse), for a rate in per-mille. */
    public static boolean garbage(long seed, long n, int perMille) {
        return perMille > 0 && Long.remainderUnsigned(mix64(~seed * 0xC2B2AE3D27D4EB4FL + n), 1000) < perMille;
    }

    public static String groupId(int group) {
        return String.format("g%02d", group);
    }

    /** The value of the first {@code "name":<digits>} member of a JSON text, or -1. */
    public static long number(String json, String name) {
        if (json == null) {
            return -1;
        }
        String key = "\"" + name + "\":";
        int at = json.indexOf(key);
        if (at < 0) {
            return -1;
        }
        int i = at + key.length();
        long value = 0;
        boolean any = false;
        while (i < json.length() && Character.isDigit(json.charAt(i))) {
            value = value * 10 + (json.charAt(i) - '0');
            i++;
            any = true;
        }
        return any ? value : -1;
    }

    /** Stafford variant 13 of the 64-bit finalizer (SplitMix64). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
