package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyTokensTest {

    @Test
    void remembersTheEventIdAndFingerprintPerInstanceAndToken() {
        IdempotencyTokens tokens = new IdempotencyTokens(10);
        UUID id = UUID.randomUUID();
        tokens.remember("i1", "token", id, 42, 1000);

        assertThat(tokens.find("i1", "token", 2000).eventId()).isEqualTo(id.toString());
        assertThat(tokens.find("i1", "token", 2000).fingerprint()).isEqualTo(42);
        assertThat(tokens.find("i2", "token", 2000)).isNull();
        assertThat(tokens.find("i1", "tokenx", 2000)).isNull();
        assertThat(tokens.find("i1t", "oken", 2000)).as("instance and token do not run together").isNull();
    }

    @Test
    void forgetsATokenAfterEightHours() {
        IdempotencyTokens tokens = new IdempotencyTokens(10);
        tokens.remember("i", "t", UUID.randomUUID(), 1, 0);
        assertThat(tokens.find("i", "t", IdempotencyTokens.TOKEN_LIFETIME_MILLIS - 1)).isNotNull();
        assertThat(tokens.find("i", "t", IdempotencyTokens.TOKEN_LIFETIME_MILLIS)).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void keepsAtMostItsCapacityDroppingTheOldest() {
        IdempotencyTokens tokens = new IdempotencyTokens(3);
        for (int i = 0; i < 5; i++) {
            tokens.remember("i", "t" + i, UUID.randomUUID(), i, 0);
        }
        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.find("i", "t0", 0)).isNull();
        assertThat(tokens.find("i", "t1", 0)).isNull();
        assertThat(tokens.find("i", "t4", 0)).isNotNull();
    }

    @Test
    void utf8LengthsMatchTheJdkEncoder() {
        for (String s : new String[] {"", "ascii", "é", "€", "\uD83D\uDE9A", "mixé€\uD83D\uDE9Ax", "\uD800"}) {
            assertThat(Utf8.byteLength(s)).as(s).isEqualTo(s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
        assertThat(Utf8.codePointLength("a\uD83D\uDE9Ab")).isEqualTo(3);
    }
}
