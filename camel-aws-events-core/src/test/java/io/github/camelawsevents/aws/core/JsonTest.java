package io.github.camelawsevents.aws.core;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    record Order(String id, int quantity) {
    }

    @Test
    void tellsTheRootOfWellFormedJson() {
        assertThat(Json.checkWellFormed("{\"a\":1}", "Detail", 0)).isEqualTo(Json.Root.OBJECT);
        assertThat(Json.checkWellFormed(" [ {\"a\":1} ] ", "data", -1)).isEqualTo(Json.Root.ARRAY);
        assertThat(Json.checkWellFormed("42", "Detail", 0)).isEqualTo(Json.Root.SCALAR);
    }

    @Test
    void malformedJsonNamesTheFieldAndWhere() {
        assertThatThrownBy(() -> Json.checkWellFormed("{\"a\":", "Detail", 3))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> {
                    assertThat(e.getField()).isEqualTo("Detail");
                    assertThat(e.getIndex()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("Detail").contains("entry 3").contains("malformed JSON");
                });
        assertThatThrownBy(() -> Json.checkWellFormed("{} {}", "data", -1)).hasMessageContaining("trailing content");
        assertThatThrownBy(() -> Json.checkWellFormed("", "data", -1)).hasMessageContaining("missing");
        assertThatThrownBy(() -> Json.checkWellFormed("   ", "data", -1)).hasMessageContaining("blank");
        assertThat(Json.isWellFormed("{'a':1}")).isFalse();
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1);
        assertThat(Json.isWellFormed(deep)).isFalse();
        String ok = "[".repeat(100) + "]".repeat(100);
        assertThat(Json.isWellFormed(ok)).isTrue();
    }

    @Test
    void writesRecordsMapsAndTreesAsJsonText() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", "o-1");
        map.put("quantity", 3);
        assertThat(Json.toJsonText(map)).isEqualTo("{\"id\":\"o-1\",\"quantity\":3}");
        assertThat(Json.toJsonText(new Order("o-2", 5))).isEqualTo("{\"id\":\"o-2\",\"quantity\":5}");
        JsonNode tree = Json.toTree(map, "data", -1);
        assertThat(Json.toJsonText(tree)).isEqualTo("{\"id\":\"o-1\",\"quantity\":3}");
        assertThat(Json.toJsonText(null)).isNull();
    }

    @Test
    void takesTextBytesAndStreamsAsJsonTextUnchanged() {
        String text = "{\"name\":\"Zoë ☃\"}";
        assertThat(Json.toJsonText(text)).isSameAs(text);
        assertThat(Json.toJsonText(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(Json.toJsonText(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(text);
        assertThat(Json.toTree(text, "data", -1).get("name").asText()).isEqualTo("Zoë ☃");
    }

    @Test
    void parseNamesTheField() {
        assertThatThrownBy(() -> Json.parse("nope", "data", 2)).isInstanceOf(FieldValidationException.class)
                .hasMessageContaining("data").hasMessageContaining("entry 2");
    }
}
