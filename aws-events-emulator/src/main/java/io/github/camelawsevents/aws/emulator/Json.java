package io.github.camelawsevents.aws.emulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;

/** The emulator's shared Jackson setup and small JSON helpers. */
final class Json {

    /** Floats read as BigDecimal so epoch-second timestamps keep their exact fraction. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static final JsonFactory FACTORY = MAPPER.getFactory();

    private Json() {
    }

    /** {@code s} as a quoted JSON string literal. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        return sb.append('"').toString();
    }

    /** Appends {@code s} as a quoted JSON string literal. */
    static StringBuilder appendQuoted(StringBuilder sb, String s) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        return sb.append('"');
    }

    /** Epoch seconds with the fraction the instant has, e.g. {@code 1515531081.123}, as AWS JSON protocols write timestamps. */
    static BigDecimal epochSeconds(Instant instant) {
        BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond());
        if (instant.getNano() == 0) {
            return seconds;
        }
        return seconds.add(BigDecimal.valueOf(instant.getNano(), 9)).stripTrailingZeros();
    }

    /**
     * Epoch seconds (a JSON number read as BigDecimal) as an instant, truncated to nanoseconds; null when the number
     * is no representable timestamp. Magnitude and scale are checked before any arithmetic, so a number such as
     * {@code 1e999999999} costs nothing instead of a billion-digit computation on the event loop.
     */
    static Instant epochSecondsToInstant(BigDecimal decimal) {
        if (decimal.signum() == 0 || (long) decimal.scale() - decimal.precision() >= 10) {
            // zero, or closer to it than a nanosecond: the epoch, or the nanosecond before it when negative
            return decimal.signum() < 0 ? Instant.EPOCH.minusNanos(1) : Instant.EPOCH;
        }
        if ((long) decimal.precision() - decimal.scale() > 19) {
            return null;
        }
        try {
            long seconds = decimal.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
            int nanos = decimal.subtract(BigDecimal.valueOf(seconds)).movePointRight(9)
                    .setScale(0, java.math.RoundingMode.DOWN).intValueExact();
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return null;
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
