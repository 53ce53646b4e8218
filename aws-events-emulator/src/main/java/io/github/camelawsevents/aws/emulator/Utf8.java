package io.github.camelawsevents.aws.emulator;

/** UTF-8 and code-point lengths without encoding. */
final class Utf8 {

    private Utf8() {
    }

    /** The number of bytes {@code s} takes in UTF-8 (an unpaired surrogate counts as '?', one byte, as Java encodes it). */
    static int byteLength(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 2; // 4 bytes for the pair of chars
                i++;
            } else if (Character.isSurrogate(c)) {
                // encoded as '?': one byte, already counted
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }

    /**
     * The length of {@code s} in Unicode code points, as Smithy's {@code @length} counts strings. Fast path:
     * a string without surrogates has as many code points as chars.
     */
    static int codePointLength(String s) {
        return s.codePointCount(0, s.length());
    }
}
