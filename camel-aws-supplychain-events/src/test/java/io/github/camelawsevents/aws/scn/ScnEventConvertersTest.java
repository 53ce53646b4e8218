package io.github.camelawsevents.aws.scn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.Json;
import org.apache.camel.CamelContext;
import org.apache.camel.TypeConversionException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated loader registers the converters, and they convert as documented. */
class ScnEventConvertersTest {

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    /** A POJO record, as a user's order class would be. */
    public record InboundOrder(String id, String tpartner_id) {
    }

    private <T> T convert(Class<T> type, Object value) throws Exception {
        return context.getTypeConverter().mandatoryConvertTo(type, value);
    }

    @Test
    void cliInputJsonTextConvertsToARequest() throws Exception {
        SendDataIntegrationEventRequest r = convert(SendDataIntegrationEventRequest.class,
                "{\"instanceId\":\"8928ae12-15e5-4441-825d-ec2184f0a43a\",\"eventType\":\"scn.data.inboundorder\","
                                                                                      + "\"data\":\"{\\\"id\\\":\\\"1\\\"}\",\"eventGroupId\":\"o-1\"}");
        assertThat(r.instanceId()).isEqualTo("8928ae12-15e5-4441-825d-ec2184f0a43a");
        assertThat(r.eventTypeAsString()).isEqualTo("scn.data.inboundorder");
        assertThat(r.data()).isEqualTo("{\"id\":\"1\"}");
        assertThat(r.eventGroupId()).isEqualTo("o-1");
    }

    @Test
    void requestShapedMapsAndTreesConvertToARequest() throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("eventType", "scn.data.dataset");
        map.put("data", Map.of("id", "1"));
        map.put("eventGroupId", "g");
        map.put("datasetTarget", Map.of("datasetIdentifier", "arn:x", "operationType", "APPEND"));
        SendDataIntegrationEventRequest fromMap = convert(SendDataIntegrationEventRequest.class, map);
        assertThat(fromMap.data()).isEqualTo("{\"id\":\"1\"}");
        assertThat(fromMap.datasetTarget().operationTypeAsString()).isEqualTo("APPEND");
        JsonNode tree = Json.mapper().valueToTree(map);
        assertThat(convert(SendDataIntegrationEventRequest.class, tree)).isEqualTo(fromMap);
    }

    @Test
    void aMistypedRequestFailsConversionNamingTheMember() throws Exception {
        assertThatThrownBy(() -> convert(SendDataIntegrationEventRequest.class, "{\"evenType\":\"x\"}"))
                .isInstanceOf(TypeConversionException.class).hasRootCauseMessage(
                        "Invalid evenType: a member of SendDataIntegrationEvent: clientToken, data, datasetTarget,"
                                                                                + " eventGroupId, eventTimestamp, eventType, instanceId, got an unknown member");
    }

    @Test
    void recordsOfEveryKindConvertToTheDataJsonText() throws Exception {
        assertThat(convert(String.class, convert(ScnEventData.class, Map.of("id", "1")))).isEqualTo("{\"id\":\"1\"}");
        assertThat(convert(ScnEventData.class, new InboundOrder("1", "p")).json())
                .isEqualTo("{\"id\":\"1\",\"tpartner_id\":\"p\"}");
        assertThat(convert(ScnEventData.class, Json.parse("{\"id\":\"1\"}", "t", -1)).json())
                .isEqualTo("{\"id\":\"1\"}");
        ScnEventData many = convert(ScnEventData.class,
                List.of(Map.of("id", "1"), new InboundOrder("2", "p"), "{\"id\":\"3\"}"));
        assertThat(many.recordCount()).isEqualTo(3);
        assertThat(convert(String.class, many))
                .isEqualTo("[{\"id\":\"1\"},{\"id\":\"2\",\"tpartner_id\":\"p\"},{\"id\":\"3\"}]");
        assertThat(convert(ScnEventData.class, "[{\"a\":1}, {\"b\":2}]").recordCount()).isEqualTo(2);
    }

    @Test
    void somethingThatIsNotARecordFailsConversion() throws Exception {
        assertThatThrownBy(() -> convert(ScnEventData.class, "\"just text\"")).isInstanceOf(TypeConversionException.class)
                .hasRootCauseMessage("Invalid data: a JSON object (one record) or an array of JSON objects (many records),"
                                     + " got a JSON string");
        assertThatThrownBy(() -> convert(ScnEventData.class, List.of(Map.of("a", 1), 42)))
                .hasRootCauseMessage("Invalid data (entry 1): a JSON object (one record) or an array of JSON objects"
                                     + " (many records), got a JSON number");
    }

    @Test
    void eventDataDoesNotPrintItsPayload() {
        assertThat(ScnEventData.of("{\"secret\":\"x\"}").toString()).doesNotContain("secret").contains("records=1");
    }
}
