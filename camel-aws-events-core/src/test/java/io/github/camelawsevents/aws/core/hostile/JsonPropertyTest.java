package io.github.camelawsevents.aws.core.hostile;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.core.Json;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The shared JSON checks with hostile text and bytes: always a result or a {@link FieldValidationException} naming the
 * field (never a Jackson, NullPointer or decoding exception, never U+FFFD silently put in place of bad bytes).
 */
class JsonPropertyTest {

    @Property(tries = 3000, seed = "777")
    void bytesAreDecodedExactlyOrRefusedWithTheField(@ForAll @Size(max = 64) byte[] bytes) {
        String strict = strictUtf8(bytes);
        for (Object body : new Object[] { bytes, new ByteArrayInputStream(bytes) }) {
            if (strict != null) {
                assertThat(Json.toJsonText(body, "Detail", 2)).isEqualTo(strict);
            } else {
                assertThatThrownBy(() -> Json.toJsonText(body, "Detail", 2))
                        .isInstanceOfSatisfying(FieldValidationException.class, e -> {
                            assertThat(e.getField()).isEqualTo("Detail");
                            assertThat(e.getIndex()).isEqualTo(2);
                            assertThat(e.getActual()).contains("not valid UTF-8");
                        });
            }
        }
    }

    @Property(tries = 3000, seed = "778")
    void anyTextIsCheckedWithoutAnUntypedError(@ForAll("hostileText") String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                Json.Root root = Json.checkWellFormed(text, "data", -1);
                assertThat(root).isNotNull();
                assertThat(Json.isWellFormed(text)).isTrue();
                Json.parse(text, "data", -1);
            } catch (FieldValidationException e) {
                assertThat(e.getField()).isEqualTo("data");
                assertThat(e.getMessage()).startsWith("Invalid data");
            }
        });
    }

    @Example
    void nestingAtTheLimitIsAcceptedAndOnePastItIsRefusedAsNesting() {
        String atLimit = "[".repeat(Json.MAX_NESTING_DEPTH) + "]".repeat(Json.MAX_NESTING_DEPTH);
        assertThat(Json.checkWellFormed(atLimit, "data", -1)).isEqualTo(Json.Root.ARRAY);
        String over = "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1);
        assertThatThrownBy(() -> Json.checkWellFormed(over, "data", -1))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.getActual()).isEqualTo("deeper nesting"));
        assertThatThrownBy(() -> Json.parse(over, "data", -1)).isInstanceOf(FieldValidationException.class);
    }

    @Example
    void aNumberOverTheParsersLengthLimitIsNotCalledNesting() {
        String longNumber = "{\"n\":" + "9".repeat(2000) + "}";
        assertThatThrownBy(() -> Json.checkWellFormed(longNumber, "Detail", 0))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> {
                    assertThat(e.getField()).isEqualTo("Detail");
                    assertThat(e.getActual()).contains("Number value length").doesNotContain("nesting");
                });
    }

    @Example
    void aRecordJacksonCannotWriteIsATypedError() {
        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("self", cyclic);
        List<Object> deep = new ArrayList<>();
        List<Object> cursor = deep;
        for (int i = 0; i < 5000; i++) {
            List<Object> next = new ArrayList<>();
            cursor.add(next);
            cursor = next;
        }
        for (Object record : new Object[] { cyclic, deep, new Object() {
            @SuppressWarnings("unused")
            public String getBoom() {
                throw new IllegalStateException("getter fails");
            }
        } }) {
            assertThatThrownBy(() -> Json.toJsonText(record, "Detail", 4))
                    .isInstanceOfSatisfying(FieldValidationException.class, e -> {
                        assertThat(e.getField()).isEqualTo("Detail");
                        assertThat(e.getIndex()).isEqualTo(4);
                    });
        }
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> fragments = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "\\", "\"a\"", "1", "-0",
                "1e999999999", "1e-999999999", "NaN", "Infinity", "true", "nul", "null", " ", "\n", "\u0000",
                "\uD800", "\uDC00", "\uD83D\uDE00", "é", "/*c*/", "'x'", "0x1F", "01");
        Arbitrary<String> soup = fragments.list().ofMaxSize(40).map(l -> String.join("", l));
        Arbitrary<String> nested = Arbitraries.integers().between(1, 3000).flatMap(depth -> Arbitraries
                .of("[", "{\"a\":").map(open -> open.repeat(depth) + "1"
                                                + (open.equals("[") ? "]" : "}").repeat(depth)));
        Arbitrary<String> longNumbers = Arbitraries.integers().between(990, 1010).map(n -> "[" + "7".repeat(n) + "]");
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(50), soup, nested, longNumbers,
                Arbitraries.of("", " ", "{}", "[]", "{} {}", "{}x", "[{}]", "\"text\"", "42"));
    }
}
