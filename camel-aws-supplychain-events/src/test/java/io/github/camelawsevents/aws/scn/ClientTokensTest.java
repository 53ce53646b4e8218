package io.github.camelawsevents.aws.scn;

import java.util.HashSet;
import java.util.Set;

import io.github.camelawsevents.aws.core.FieldValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientTokensTest {

    @Test
    void shortTokensArePaddedToExactlyTheMinimumLengthDeterministically() {
        for (int len = 1; len < 33; len++) {
            String token = "t".repeat(len);
            String padded = ClientTokens.pad(token);
            assertThat(padded).hasSize(33).startsWith(token + "~").isEqualTo(ClientTokens.pad(token));
        }
    }

    @Test
    void tokensOfTheMinimumLengthOrLongerAreKept() {
        assertThat(ClientTokens.pad("x".repeat(33))).isEqualTo("x".repeat(33));
        assertThat(ClientTokens.pad("x".repeat(126))).isEqualTo("x".repeat(126));
    }

    @Test
    void differentShortTokensStayDifferentAfterPadding() {
        // "abc" padded must not collide with "abc~" or "abc" plus a filler character
        Set<String> padded = new HashSet<>();
        for (String t : new String[] { "abc", "abc~", "abc_", "abc~0", "ab", "order-1", "order-10" }) {
            assertThat(padded.add(ClientTokens.pad(t))).as(t).isTrue();
        }
    }

    @Test
    void aGivenTokenIsUsedAsIsForASingleEvent() {
        String token = "my-idempotency-token-0123456789-abcdef";
        assertThat(ClientTokens.fromGiven(token, 0, 1)).isEqualTo(token);
    }

    @Test
    void aGivenTokenOfTheMaximumLengthIsAcceptedAndOneLongerIsRefused() {
        assertThat(ClientTokens.fromGiven("x".repeat(126), 0, 1)).hasSize(126);
        assertThatThrownBy(() -> ClientTokens.fromGiven("x".repeat(127), 0, 1))
                .isInstanceOf(FieldValidationException.class)
                .hasMessageContaining("clientToken").hasMessageContaining("127 characters");
    }

    @Test
    void anEmptyGivenTokenIsRefused() {
        assertThatThrownBy(() -> ClientTokens.fromGiven("", 0, 1)).isInstanceOf(FieldValidationException.class);
    }

    @Test
    void eachEventOfASplitMessageGetsItsOwnStableTokenFromTheGivenOne() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String t = ClientTokens.fromGiven("order-42", i, 5);
            assertThat(t).hasSizeBetween(33, 126).isEqualTo(ClientTokens.fromGiven("order-42", i, 5));
            tokens.add(t);
        }
        assertThat(tokens).hasSize(5);
    }

    @Test
    void aMaximumLengthGivenTokenStillYieldsValidPerEventTokens() {
        String token = "y".repeat(126);
        String first = ClientTokens.fromGiven(token, 0, 3);
        String second = ClientTokens.fromGiven(token, 1, 3);
        assertThat(first).hasSizeBetween(33, 126).isNotEqualTo(second);
        assertThat(second).hasSizeBetween(33, 126);
    }

    @Test
    void derivedTokensAreStableAndValidLength() {
        String a = ClientTokens.derive("ID-1", "i", "scn.data.inboundorder", "g", null, null, 0, "{}");
        assertThat(a).hasSize(64).matches("[0-9a-f]{64}")
                .isEqualTo(ClientTokens.derive("ID-1", "i", "scn.data.inboundorder", "g", null, null, 0, "{}"));
    }

    @Test
    void derivedTokensDifferWhenAnyMemberDiffers() {
        String base = ClientTokens.derive("ID-1", "i", "t", "g", "d", "APPEND", 0, "{}");
        assertThat(Set.of(base,
                ClientTokens.derive("ID-2", "i", "t", "g", "d", "APPEND", 0, "{}"),
                ClientTokens.derive(null, "i", "t", "g", "d", "APPEND", 0, "{}"),
                ClientTokens.derive("ID-1", "j", "t", "g", "d", "APPEND", 0, "{}"),
                ClientTokens.derive("ID-1", "i", "u", "g", "d", "APPEND", 0, "{}"),
                ClientTokens.derive("ID-1", "i", "t", "h", "d", "APPEND", 0, "{}"),
                ClientTokens.derive("ID-1", "i", "t", "g", "e", "APPEND", 0, "{}"),
                ClientTokens.derive("ID-1", "i", "t", "g", "d", "UPSERT", 0, "{}"),
                ClientTokens.derive("ID-1", "i", "t", "g", "d", "APPEND", 1, "{}"),
                ClientTokens.derive("ID-1", "i", "t", "g", "d", "APPEND", 0, "{ }"))).hasSize(10);
    }

    @Test
    void memberBoundariesCannotBeShiftedToForgeTheSameToken() {
        assertThat(ClientTokens.derive("ab", "c", "t", "g", null, null, 0, "{}"))
                .isNotEqualTo(ClientTokens.derive("a", "bc", "t", "g", null, null, 0, "{}"));
    }
}
