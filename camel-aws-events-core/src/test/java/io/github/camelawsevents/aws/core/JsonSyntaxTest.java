package io.github.camelawsevents.aws.core;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast scan behind {@link Json#checkWellFormed}: whenever it answers, Jackson (with the project's settings) accepts
 * the text with the same root; and it does answer for ordinary well-formed JSON, so the fast path is the common one.
 */
class JsonSyntaxTest {

    @Property(tries = 5000, seed = "4711")
    void whenTheScanAnswersJacksonAgrees(@ForAll("jsonLike") String text) {
        Json.Root fast = JsonSyntax.rootIfSurelyValid(text);
        Json.Root jackson = jacksonRoot(text);
        if (fast != null) {
            assertThat(jackson).as("Jackson's verdict on %s", text).isEqualTo(fast);
        }
    }

    @Property(tries = 3000, seed = "4712")
    void wellFormedJsonIsAnsweredByTheScan(@ForAll("wellFormed") String text) {
        assertThat(jacksonRoot(text)).as("generated text is well-formed: %s", text).isNotNull();
        assertThat(JsonSyntax.rootIfSurelyValid(text)).as("the scan answers for %s", text).isEqualTo(jacksonRoot(text));
    }

    @Example
    void rootsAndCornersThatJacksonDecides() {
        assertThat(JsonSyntax.rootIfSurelyValid(" {\"a\":[1,-2.5e+3,true,false,null,\"\\u00e9\\n\"]} "))
                .isEqualTo(Json.Root.OBJECT);
        assertThat(JsonSyntax.rootIfSurelyValid("[]")).isEqualTo(Json.Root.ARRAY);
        assertThat(JsonSyntax.rootIfSurelyValid("\"x\"")).isEqualTo(Json.Root.SCALAR);
        assertThat(JsonSyntax.rootIfSurelyValid("0")).isEqualTo(Json.Root.SCALAR);
        for (String notSure : new String[] { "", "  ", "{} {}", "{}x", "01", "1.", ".5", "+1", "NaN", "truex", "[1,]",
                "{\"a\"}", "{'a':1}", "\"\u0001\"", "\"\\x\"", "\"\\u12g4\"", "[" + "7".repeat(101) + "]",
                "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1),
                "\"" + "a".repeat(JsonSyntax.MAX_STRING_CHARS + 1) + "\"", "/*c*/1", "\uFEFF{}" }) {
            assertThat(JsonSyntax.rootIfSurelyValid(notSure)).as("%s", notSure).isNull();
        }
        String deepest = "[".repeat(Json.MAX_NESTING_DEPTH) + "]".repeat(Json.MAX_NESTING_DEPTH);
        assertThat(JsonSyntax.rootIfSurelyValid(deepest)).isEqualTo(Json.Root.ARRAY);
    }

    /** Jackson's root, or null when it refuses the text. */
    private static Json.Root jacksonRoot(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try (JsonParser p = Json.mapper().getFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                return null;
            }
            return first == JsonToken.START_OBJECT ? Json.Root.OBJECT
                    : first == JsonToken.START_ARRAY ? Json.Root.ARRAY : Json.Root.SCALAR;
        } catch (IOException e) {
            return null;
        }
    }

    @Provide
    Arbitrary<String> jsonLike() {
        Arbitrary<String> fragments = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "\\", "\"a\"", "\"b\":", "1",
                "-0", "0", "01", "1.5", "1.", ".5", "-", "1e5", "1E+2", "2e-", "true", "false", "nul", "null", "tru",
                " ", "\n", "\t", "\r", "\u0000", "\u001f", "\u007f", "\uD800", "\uDC00", "\uD83D\uDE00", "é", "/*c*/",
                "'x'", "0x1F", "NaN", "\\u00e9", "\\uZZZZ", "\\n", "\\/", "\\x", "\uFEFF", "\f");
        Arbitrary<String> soup = fragments.list().ofMaxSize(30).map(l -> String.join("", l));
        return Arbitraries.oneOf(soup, wellFormed(), wellFormed().flatMap(valid -> Arbitraries.integers()
                .between(0, Math.max(0, valid.length() - 1))
                .flatMap(at -> fragments.map(f -> valid.substring(0, at) + f + valid.substring(at)))),
                Arbitraries.strings().ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> wellFormed() {
        return value(4).map(v -> v);
    }

    private Arbitrary<String> value(int depth) {
        Arbitrary<String> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(JsonSyntaxTest::quoted),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().filter(Double::isFinite).map(String::valueOf),
                Arbitraries.of("true", "false", "null", "0", "-0", "1e10", "2.5E-3", "\"\\u00e9\\\"\\\\\\/\\b\\f\\n\\r\\t\""));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<String> element = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<String> ws = Arbitraries.of("", " ", "\n", "\t ", "\r\n");
        Arbitrary<String> array = Arbitraries.lazy(() -> element).list().ofMaxSize(4)
                .flatMap(items -> ws.map(w -> "[" + w + String.join(w + "," + w, items) + w + "]"));
        Arbitrary<String> object = Arbitraries.lazy(() -> element).list().ofMaxSize(4)
                .flatMap(items -> ws.map(w -> {
                    StringBuilder sb = new StringBuilder("{").append(w);
                    for (int i = 0; i < items.size(); i++) {
                        sb.append(i == 0 ? "" : ",").append(w).append("\"k").append(i).append('"').append(w)
                                .append(':').append(w).append(items.get(i)).append(w);
                    }
                    return sb.append('}').toString();
                }));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, scalars), net.jqwik.api.Tuple.of(3, array), net.jqwik.api.Tuple.of(3, object));
    }

    /** A JSON string literal for {@code s}, escaping what JSON requires. */
    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
