package io.github.camelawsevents.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value key=value} lines the harness's JVMs exchange (result lines, emulator answers). */
final class KeyValues {

    private KeyValues() {
    }

    /** The pairs of a line; values hold no spaces. */
    static Map<String, String> parse(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : line.trim().split(" ")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("malformed pair '" + pair + "' in: " + line);
            }
            m.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return m;
    }

    /** The whole number under {@code key}; an absent key is an error. */
    static long number(Map<String, String> pairs, String key) {
        String v = pairs.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key + " in " + pairs.keySet());
        }
        return Long.parseLong(v);
    }
}
