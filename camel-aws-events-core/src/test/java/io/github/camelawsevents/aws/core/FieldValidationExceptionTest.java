package io.github.camelawsevents.aws.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldValidationExceptionTest {

    @Test
    void messageNamesFieldLimitAndActualSize() {
        FieldValidationException e = FieldValidationException.tooLong("DetailType", 128, 130, "characters", 4);
        assertThat(e.getMessage()).isEqualTo("Invalid DetailType (entry 4): at most 128 characters, got 130 characters");
        assertThat(e.getField()).isEqualTo("DetailType");
        assertThat(e.getLimit()).isEqualTo("at most 128 characters");
        assertThat(e.getActual()).isEqualTo("130 characters");
        assertThat(e.getIndex()).isEqualTo(4);
    }

    @Test
    void wholeMessageErrorsHaveNoIndex() {
        FieldValidationException e = FieldValidationException.missing("eventGroupId", -1);
        assertThat(e.getMessage()).isEqualTo("Invalid eventGroupId: required, got missing");
    }
}
