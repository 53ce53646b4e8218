package io.github.camelawsevents.aws.scn;

import java.time.Instant;
import java.util.Date;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.core.Json;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScnRequestsTest {

    @Test
    void cliInputJsonBecomesARequestWithEveryMember() {
        String cli = """
                {"instanceId":"8928ae12-15e5-4441-825d-ec2184f0a43a","eventType":"scn.data.dataset",
                 "data":"{\\"id\\":\\"1\\"}","eventGroupId":"g1","eventTimestamp":1515531081.123,
                 "clientToken":"token-0123456789-0123456789-0123456789",
                 "datasetTarget":{"datasetIdentifier":"arn:x","operationType":"UPSERT"}}""";
        SendDataIntegrationEventRequest r = ScnRequests.fromJson(Json.parse(cli, "request", -1)).build();
        assertThat(r.instanceId()).isEqualTo("8928ae12-15e5-4441-825d-ec2184f0a43a");
        assertThat(r.eventTypeAsString()).isEqualTo("scn.data.dataset");
        assertThat(r.data()).isEqualTo("{\"id\":\"1\"}");
        assertThat(r.eventGroupId()).isEqualTo("g1");
        assertThat(r.eventTimestamp()).isEqualTo(Instant.ofEpochSecond(1515531081, 123_000_000));
        assertThat(r.clientToken()).isEqualTo("token-0123456789-0123456789-0123456789");
        assertThat(r.datasetTarget().datasetIdentifier()).isEqualTo("arn:x");
        assertThat(r.datasetTarget().operationTypeAsString()).isEqualTo("UPSERT");
    }

    @Test
    void missingAndNullMembersStayUnset() {
        SendDataIntegrationEventRequest r = ScnRequests
                .fromJson(Json.parse("{\"eventType\":\"scn.data.forecast\",\"data\":{\"a\":1},\"clientToken\":null}",
                        "request", -1))
                .build();
        assertThat(r.instanceId()).isNull();
        assertThat(r.clientToken()).isNull();
        assertThat(r.eventTimestamp()).isNull();
        // data given as an object is taken as its JSON text
        assertThat(r.data()).isEqualTo("{\"a\":1}");
    }

    @Test
    void eventTimestampMayBeIsoTextOrNumericText() {
        assertThat(ScnRequests.fromJson(Json.parse("{\"eventTimestamp\":\"2024-05-01T10:15:30Z\"}", "r", -1)).build()
                .eventTimestamp()).isEqualTo(Instant.parse("2024-05-01T10:15:30Z"));
        assertThat(ScnRequests.fromJson(Json.parse("{\"eventTimestamp\":\"1515531081.5\"}", "r", -1)).build()
                .eventTimestamp()).isEqualTo(Instant.ofEpochSecond(1515531081, 500_000_000));
        assertThatThrownBy(() -> ScnRequests.fromJson(Json.parse("{\"eventTimestamp\":\"yesterday\"}", "r", -1)))
                .isInstanceOf(FieldValidationException.class).hasMessageContaining("eventTimestamp");
        assertThatThrownBy(() -> ScnRequests.fromJson(Json.parse("{\"eventTimestamp\":true}", "r", -1)))
                .hasMessageContaining("eventTimestamp");
    }

    @Test
    void unknownMembersAndWrongTypesAreRefusedLikeTheCliDoes() {
        assertThatThrownBy(() -> ScnRequests.fromJson(Json.parse("{\"eventTypo\":\"x\"}", "r", -1)))
                .isInstanceOf(FieldValidationException.class).hasMessageContaining("eventTypo")
                .hasMessageContaining("unknown member");
        assertThatThrownBy(() -> ScnRequests.fromJson(Json.parse("{\"eventGroupId\":42}", "r", -1)))
                .hasMessageContaining("eventGroupId").hasMessageContaining("a JSON string");
        assertThatThrownBy(() -> ScnRequests.fromJson(Json.parse("{\"data\":42}", "r", -1)))
                .hasMessageContaining("data");
        assertThatThrownBy(() -> ScnRequests.fromJson(Json.parse("{\"datasetTarget\":{\"name\":\"x\"}}", "r", -1)))
                .hasMessageContaining("datasetTarget.name");
        assertThatThrownBy(() -> ScnRequests.fromJson(Json.parse("[1]", "r", -1))).hasMessageContaining("request");
    }

    @Test
    void headerTimestampsUseTheSharedConversionNamingEventTimestamp() {
        Instant t = Instant.parse("2024-05-01T10:15:30.250Z");
        assertThat(ScnRequests.toInstant(Date.from(t))).isEqualTo(t);
        assertThat(ScnRequests.toInstant(null)).isNull();
        assertThatThrownBy(() -> ScnRequests.toInstant(new Object())).isInstanceOf(FieldValidationException.class)
                .hasMessageContaining("eventTimestamp");
    }
}
