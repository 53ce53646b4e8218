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

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
