package io.github.camelawsevents.aws.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON set-up of the project: a shared, thread-safe mapper, conversion of records (text, Map, POJO,
 * {@link JsonNode}) to JSON text, and cheap streaming checks that text is well-formed JSON.
 */
public final class Json {

    /** Nesting deeper than this is refused; AWS would not accept it either and it guards the parser's stack. */
    public static final int MAX_NESTING_DEPTH = 500;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build())
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndAddModules()
            .build();

    private Json() {
    }

    /** The shared mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** What the root of a JSON text is. */
    public enum Root {
        OBJECT,
        ARRAY,
        SCALAR
    }

    /**
     * Checks that {@code text} is exactly one well-formed JSON value and tells what its root is, without building a
     * tree.
     *
     * @throws FieldValidationException naming {@code field} when it is not
     */
    public static Root checkWellFormed(String text, String field, int index) {
        if (text == null || text.isEmpty()) {
            throw FieldValidationException.missing(field, index);
        }
        Root surely = JsonSyntax.rootIfSurelyValid(text);
        if (surely != null) {
            return surely; // the common case: one allocation-free pass; Jackson decides the rest and names the fault
        }
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new FieldValidationException(field, "valid JSON text", "blank text", index);
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                throw new FieldValidationException(field, "exactly one JSON value", "trailing content", index);
            }
            return first == JsonToken.START_OBJECT ? Root.OBJECT
                    : first == JsonToken.START_ARRAY ? Root.ARRAY : Root.SCALAR;
        } catch (JsonProcessingException e) {
            throw malformed(e, field, index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when {@code text} is exactly one well-formed JSON value. */
    public static boolean isWellFormed(String text) {
        try {
            checkWellFormed(text, "json", -1);
            return true;
        } catch (FieldValidationException e) {
            return false;
        }
    }

    /**
     * JSON text for one value: a {@link CharSequence} is taken as JSON text already (returned as is, not checked); a
     * byte array or stream is read as UTF-8 JSON text; a {@link JsonNode}, Map, record or bean is serialised.
     *
     * @throws FieldValidationException (field {@code json}) when bytes are not UTF-8 or the value cannot be written
     *                                  as JSON
     */
    public static String toJsonText(Object value) {
        return toJsonText(value, "json", -1);
    }

    /**
     * As {@link #toJsonText(Object)}, naming {@code field} (and the entry {@code index}, or -1) when the value cannot
     * become JSON text: bytes that are not valid UTF-8 are refused rather than silently replaced, and so is a value
     * Jackson cannot write. The message says where and why, never what the payload holds.
     */
    public static String toJsonText(Object value, String field, int index) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof CharSequence cs) {
            return cs.toString();
        }
        if (value instanceof byte[] bytes) {
            return utf8(bytes, field, index);
        }
        if (value instanceof InputStream in) {
            try {
                return utf8(in.readAllBytes(), field, index);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException | RuntimeException e) {
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.toString();
            throw new FieldValidationException(field, "JSON text or a record Jackson can write",
                    "a " + value.getClass().getName() + " that cannot be written as JSON ("
                                                          + abbreviate(reason) + ")",
                    index);
        }
    }

    /**
     * Decodes UTF-8 strictly: malformed or truncated sequences are refused with the byte offset, instead of being
     * replaced by U+FFFD (which would send data the producer never had).
     */
    public static String utf8(byte[] bytes, String field, int index) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            // the decoder stops at the first bad sequence; find its offset for the message
            CharsetDecoder probe = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer at = ByteBuffer.wrap(bytes);
            probe.decode(at, CharBuffer.allocate(bytes.length + 1), true);
            throw new FieldValidationException(field, "UTF-8 text",
                    "bytes that are not valid UTF-8 (at byte " + at.position() + " of " + bytes.length + ")", index);
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "no reason given";
        }
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }

    /** Parses JSON text to a tree, naming {@code field} when it is not well-formed. */
    public static JsonNode parse(String text, String field, int index) {
        if (text == null || text.isEmpty()) {
            throw FieldValidationException.missing(field, index);
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(e, field, index);
        }
    }

    /**
     * The typed error for JSON text the parser refused: malformed text (with the character offset when the parser
     * knows it), or text over one of the parser's limits (nesting depth, number or string length), said as such.
     */
    public static FieldValidationException malformed(JsonProcessingException e, String field, int index) {
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (reason.contains("nesting depth") || reason.contains("Nesting depth")) {
                return new FieldValidationException(field,
                        "JSON nested at most " + MAX_NESTING_DEPTH + " levels deep", "deeper nesting", index);
            }
            return new FieldValidationException(field, "JSON within the parser's limits",
                    abbreviate(reason.replaceAll(", from `[^`]*`", "")), index);
        }
        String where = e.getLocation() != null ? " at character " + e.getLocation().getCharOffset() : "";
        return new FieldValidationException(field, "valid JSON text", "malformed JSON" + where, index);
    }

    /** Converts any value (Map, POJO, JsonNode, JSON text) to a tree. */
    public static JsonNode toTree(Object value, String field, int index) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof CharSequence || value instanceof byte[] || value instanceof InputStream) {
            return parse(toJsonText(value), field, index);
        }
        return MAPPER.valueToTree(value);
    }
}
