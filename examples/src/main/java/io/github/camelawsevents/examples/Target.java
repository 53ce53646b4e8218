package io.github.camelawsevents.examples;

import java.util.Locale;

/** Where the routes send: the in-process emulator (the default) or AWS (the {@code aws} profile). */
public enum Target {
    /** The local AWS events emulator, started in-process on a free loopback port. */
    EMULATOR,
    /** AWS itself, with the region and credentials of {@code application-aws.properties}. */
    AWS;

    /** The target named by property {@code examples.target}: {@code emulator} (also when absent) or {@code aws}. */
    public static Target of(String value) {
        if (value == null || value.isBlank()) {
            return EMULATOR;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("examples.target must be emulator or aws, was '" + value + "'", e);
        }
    }
}
