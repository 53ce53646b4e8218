package io.github.camelawsevents.aws.partner;

import java.util.Arrays;
import java.util.List;

import io.github.camelawsevents.aws.core.BatchLimits;
import io.github.camelawsevents.aws.core.FieldValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryRulesTest {

    private static final BatchLimits DEFAULT = EntryRules.requestLimits(20, 262_144);

    @ParameterizedTest
    @ValueSource(strings = { "aws.partner/example.com/orders", "aws.partner/example.com/orders/created",
                             "aws.partner/a-b_c.d/E9/x", "aws.partner/a/b" })
    void acceptsPartnerSources(String source) {
        assertThatCode(() -> EntryRules.checkSource(source, 0)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "aws.partner/example.com", "aws.partner", "aws.partner/", "aws.partner//x",
                             "com.example/orders/created", "aws.partner/example.com/or ders", "AWS.partner/a/b",
                             "aws.partner/a/b/", "aws.partner/a/b:c" })
    void refusesSourcesOffThePattern(String source) {
        assertThatThrownBy(() -> EntryRules.checkSource(source, 3))
                .isInstanceOf(FieldValidationException.class)
                .hasMessageContaining("Source")
                .hasMessageContaining("(entry 3)")
                .hasMessageContaining(EntryRules.SOURCE_REGEX);
    }

    @Test
    void aSourceCheckedBeforeIsStillCheckedAgainstEveryOtherSource() {
        // the check remembers the last valid Source; that must never let a different, invalid one through
        for (int i = 0; i < 3; i++) {
            assertThatCode(() -> EntryRules.checkSource("aws.partner/example.com/orders", 0)).doesNotThrowAnyException();
            assertThatThrownBy(() -> EntryRules.checkSource("aws.partner/example.com/orders/", 1))
                    .isInstanceOf(FieldValidationException.class).hasMessageContaining("(entry 1)");
            assertThatThrownBy(() -> EntryRules.checkSource("aws.partner/example.com", 2))
                    .isInstanceOf(FieldValidationException.class).hasMessageContaining("(entry 2)");
        }
    }

    @Test
    void sourceMayHave256CharactersButNot257() {
        String prefix = "aws.partner/example.com/";
        String at = prefix + "x".repeat(256 - prefix.length());
        assertThatCode(() -> EntryRules.checkSource(at, 0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EntryRules.checkSource(at + "x", 0))
                .isInstanceOf(FieldValidationException.class)
                .hasMessage("Invalid Source (entry 0): at most 256 characters, got 257 characters");
    }

    @Test
    void missingOrEmptyRequiredMembersAreNamed() {
        assertThatThrownBy(() -> EntryRules.checkSource(null, 1)).hasMessage("Invalid Source (entry 1): required, got missing");
        assertThatThrownBy(() -> EntryRules.checkDetailType("", 2)).hasMessage("Invalid DetailType (entry 2): required, got missing");
        assertThatThrownBy(() -> EntryRules.checkDetail(null, 0)).hasMessage("Invalid Detail (entry 0): required, got missing");
    }

    @Test
    void detailTypeMayHave128CharactersButNot129CountingCodePoints() {
        assertThatCode(() -> EntryRules.checkDetailType("d".repeat(128), 0)).doesNotThrowAnyException();
        // 128 emoji are 256 chars but 128 characters as the API counts them
        assertThatCode(() -> EntryRules.checkDetailType("😀".repeat(128), 0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EntryRules.checkDetailType("d".repeat(129), 4))
                .isInstanceOf(FieldValidationException.class)
                .hasMessage("Invalid DetailType (entry 4): at most 128 characters, got 129 characters")
                .satisfies(e -> {
                    FieldValidationException f = (FieldValidationException) e;
                    assertThat(f.getField()).isEqualTo("DetailType");
                    assertThat(f.getIndex()).isEqualTo(4);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = { "{", "not json", "{\"a\":1} trailing", "{'a':1}", "{\"a\":}" })
    void detailMustBeWellFormedJson(String detail) {
        assertThatThrownBy(() -> EntryRules.checkDetail(detail, 0))
                .isInstanceOf(FieldValidationException.class)
                .hasMessageStartingWith("Invalid Detail (entry 0)");
    }

    @ParameterizedTest
    @ValueSource(strings = { "[1,2]", "\"text\"", "42", "true", "null" })
    void detailMustBeAJsonObjectAsEventBridgeAnswersMalformedDetailOtherwise(String detail) {
        assertThatThrownBy(() -> EntryRules.checkDetail(detail, 0))
                .isInstanceOf(FieldValidationException.class)
                .hasMessageContaining("a JSON object");
    }

    @Test
    void resourcesMustNotHoldNullOrBlankArns() {
        assertThatCode(() -> EntryRules.checkResources(List.of("arn:aws:s3:::a"), 0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EntryRules.checkResources(Arrays.asList("arn:aws:s3:::a", null), 0))
                .hasMessageContaining("Resources[1]");
        assertThatThrownBy(() -> EntryRules.checkResources(List.of(" "), 0)).hasMessageContaining("blank");
    }

    @Test
    void requestLimitsKeepRequestsStrictlyUnderTheConfiguredSize() {
        BatchLimits limits = EntryRules.requestLimits(20, 262_144);
        assertThat(limits.maxItems()).isEqualTo(20);
        assertThat(limits.maxSize()).isEqualTo(262_143);
        assertThat(limits.maxItemSize()).isEqualTo(262_143);
    }

    @Test
    void anEntryOneByteUnderTheLimitPassesAndOneAtTheLimitIsRefusedWithItsSize() {
        PutPartnerEventsRequestEntry base = PutPartnerEventsRequestEntry.builder()
                .source("aws.partner/a/b").detailType("T").build();
        long fixed = EntrySizer.sizeOf(base) + "{\"p\":\"\"}".length();
        PutPartnerEventsRequestEntry fits = base.toBuilder()
                .detail("{\"p\":\"" + "x".repeat((int) (262_143 - fixed)) + "\"}").build();
        PutPartnerEventsRequestEntry tooBig = base.toBuilder()
                .detail("{\"p\":\"" + "x".repeat((int) (262_144 - fixed)) + "\"}").build();
        assertThat(EntrySizer.sizeOf(fits)).isEqualTo(262_143);
        assertThatCode(() -> EntryRules.check(fits, 262_143, DEFAULT, 0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EntryRules.check(tooBig, EntrySizer.sizeOf(tooBig), DEFAULT, 7))
                .isInstanceOf(FieldValidationException.class)
                .hasMessageStartingWith("Invalid entry size (entry 7): under 262144 bytes")
                .hasMessageEndingWith("got 262144 bytes");
    }
}
