package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DataRecordsCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"a\":1}", "[{\"a\":1}]", "[{},{\"b\":[1,{\"connection_id\":1}]}]",
            " {\"nested\":{\"connection_id\":\"only top-level counts\"}} "})
    void acceptsAnObjectOrAnArrayOfObjects(String data) {
        assertThat(DataRecordsCheck.check(data, true, null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "\"s\"", "null", "true", "[]", "[1]", "[{}, 2]", "[[{}]]", "{} []", "{", "{\"a\":}",
            "{'a':1}"})
    void refusesAnythingElse(String data) {
        assertThat(DataRecordsCheck.check(data, false, null)).isNotNull();
    }

    @Test
    void refusesConnectionIdOnlyWhenAsked() {
        assertThat(DataRecordsCheck.check("{\"connection_id\":\"c\"}", true, null)).contains("record 0", "connection_id");
        assertThat(DataRecordsCheck.check("[{},{\"connection_id\":null}]", true, null)).contains("record 1");
        assertThat(DataRecordsCheck.check("{\"connection_id\":\"c\"}", false, null)).isNull();
    }

    @Test
    void checksRequiredColumnsForNonEmptyValues() {
        List<String> required = List.of("id", "tpartner_id");
        assertThat(DataRecordsCheck.check("{\"id\":\"1\",\"tpartner_id\":\"p\",\"extra\":1}", true, required)).isNull();
        assertThat(DataRecordsCheck.check("{\"id\":1,\"tpartner_id\":{\"x\":1}}", true, required)).isNull();
        assertThat(DataRecordsCheck.check("{\"id\":\"1\"}", true, required)).contains("tpartner_id");
        assertThat(DataRecordsCheck.check("{\"id\":\" \",\"tpartner_id\":\"p\"}", true, required)).contains("column id");
        assertThat(DataRecordsCheck.check("[{\"id\":\"1\",\"tpartner_id\":\"p\"},{\"id\":\"2\",\"tpartner_id\":null}]",
                true, required)).contains("record 1", "tpartner_id");
    }

    @Test
    void neverEchoesRecordContent() {
        assertThat(DataRecordsCheck.check("{\"secret\": nope-secret}", true, null)).doesNotContain("nope-secret");
    }
}
