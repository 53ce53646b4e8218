package io.github.camelawsevents.aws.scn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.core.Json;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Records over the 1,048,576-character data limit are split exactly, in order, and the service takes every event. */
class SplittingRouteTest extends EmulatorRouteTestSupport {


    private static final int LIMIT = ScnConstraints.DATA_MAX_LENGTH;
    private static final String TO = SCN + "?eventType=scn.data.dataset&eventGroupId=bulk&operationType=APPEND"
                                     + "&datasetIdentifier=" + DEFAULT_DATASET;

    /** A record {"k":"<filler>"} of exactly {@code length} UTF-16 units, filled with {@code unit}. */
    private static String record(int length, String unit) {
        int fill = length - 8;
        if (fill % unit.length() != 0) {
            throw new IllegalArgumentException("cannot fill " + fill + " with " + unit);
        }
        return "{\"k\":\"" + unit.repeat(fill / unit.length()) + "\"}";
    }

    private static String array(String... records) {
        return "[" + String.join(",", records) + "]";
    }

    private List<String> sendAndCollect(Object body) {
        Exchange out = send(TO, body, Map.of());
        assertThat(out.getException()).isNull();
        List<ScnEvent> events = stored();
        assertThat(out.getMessage().getHeader(AwsScnEventConstants.EVENT_IDS))
                .isEqualTo(events.stream().map(ScnEvent::eventId).toList());
        assertThat(out.getMessage().getHeader(AwsScnEventConstants.EVENT_ID)).isEqualTo(events.get(0).eventId());
        assertThat(events).allSatisfy(e -> assertThat(e.eventGroupId()).isEqualTo("bulk"));
        assertThat(events).extracting(ScnEvent::sequence).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
        return events.stream().map(ScnEvent::data).toList();
    }

    @Test
    void anArrayOfExactlyTheLimitIsOneEvent() {
        String a = record(500_000, "v");
        String b = record(LIMIT - 3 - 500_000, "v");
        String text = array(a, b);
        assertThat(text).hasSize(LIMIT);
        assertThat(sendAndCollect(text)).containsExactly(text);
    }

    @Test
    void oneCharacterMoreSplitsIntoTwoEventsInOrder() {
        String a = record(500_000, "a");
        String b = record(LIMIT - 2 - 500_000, "b");
        String text = array(a, b);
        assertThat(text).hasSize(LIMIT + 1);
        assertThat(sendAndCollect(text)).containsExactly(array(a), array(b));
    }

    @Test
    void aRecordOfTheLimitMinusTwoFitsAloneInAnArray() {
        String big = record(LIMIT - 2, "v");
        String small = record(10, "s");
        assertThat(sendAndCollect(List.of(small, big, small))).containsExactly(array(small), array(big), array(small));
    }

    @Test
    void aSingleObjectMayUseTheWholeLimit() {
        String whole = record(LIMIT, "v");
        assertThat(sendAndCollect(whole)).containsExactly(whole);
    }

    @Test
    void multibyteCharactersCountAsCharactersNotBytes() {
        // 2-byte UTF-8 characters: the data is ~2 MB in UTF-8 but exactly the limit in characters
        String a = record(600_000, "é");
        String b = record(LIMIT - 3 - 600_000, "é");
        String text = array(a, b);
        assertThat(text).hasSize(LIMIT);
        assertThat(sendAndCollect(text)).containsExactly(text);
    }

    @Test
    void surrogatePairsAreNeverCutAndTheServiceTakesEveryPart() {
        String emoji = "\uD83D\uDE00";
        String a = record(600_000, emoji);
        String b = record(LIMIT - 2 - 600_000, emoji);
        String text = array(a, b); // one UTF-16 unit over the limit: split, and each part is whole pairs
        assertThat(text).hasSize(LIMIT + 1);
        List<String> data = sendAndCollect(text);
        assertThat(data).containsExactly(array(a), array(b));
        assertThat(data).allSatisfy(d -> assertThat(d.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF))
                .as("no lone surrogate").isEmpty());
    }

    @Test
    void manySmallRecordsArePackedGreedilyAndKeepTheirOrder() {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            records.add("{\"seq\":" + i + ",\"pad\":\"" + "p".repeat(60) + "\"}");
        }
        List<String> data = sendAndCollect(records);
        assertThat(data).hasSizeGreaterThan(1);
        List<Integer> seqs = new ArrayList<>();
        for (int k = 0; k < data.size(); k++) {
            assertThat(data.get(k).length()).isLessThanOrEqualTo(LIMIT);
            JsonNode array = Json.parse(data.get(k), "data", -1);
            array.forEach(r -> seqs.add(r.get("seq").asInt()));
            if (k + 1 < data.size()) {
                int nextRecord = Json.parse(data.get(k + 1), "data", -1).get(0).toString().length();
                assertThat(data.get(k).length() + 1 + nextRecord).isGreaterThan(LIMIT);
            }
        }
        assertThat(seqs).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 30_000).boxed().toList());
    }

    @Test
    void aSingleRecordOverTheLimitIsRefusedBeforeAnythingIsSent() {
        Exchange alone = send(TO, record(LIMIT + 1, "v"), Map.of());
        assertThat(alone.getException()).isInstanceOfSatisfying(FieldValidationException.class,
                e -> assertThat(e.getActual()).isEqualTo((LIMIT + 1) + " characters"));
        Exchange inArray = send(TO, List.of(record(10, "s"), record(LIMIT - 1, "v")), Map.of());
        assertThat(inArray.getException()).isInstanceOfSatisfying(FieldValidationException.class,
                e -> assertThat(e.getIndex()).isEqualTo(1));
        assertThat(emulator().stats().totalRequests()).isZero();
    }
}
