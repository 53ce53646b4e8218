package io.github.camelawsevents.aws.scn;

import java.util.stream.Collectors;

import io.github.camelawsevents.aws.core.FieldValidationException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEventDatasetOperationType;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEventType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScnConstraintsTest {

    static final String INSTANCE = "8928ae12-15e5-4441-825d-ec2184f0a43a";
    static final String ASC_DATASET = "arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE
                                      + "/namespaces/asc/datasets/inbound_order";
    static final String DEFAULT_DATASET = "arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE
                                          + "/namespaces/default/datasets/my_orders";

    @Test
    void theSixteenEventTypesAreExactlyTheSdksKnownValues() {
        assertThat(ScnConstraints.EVENT_TYPES).hasSize(16).containsExactlyInAnyOrderElementsOf(
                DataIntegrationEventType.knownValues().stream().map(Object::toString).collect(Collectors.toSet()));
        assertThat(ScnConstraints.OPERATION_TYPES).containsExactlyInAnyOrderElementsOf(
                DataIntegrationEventDatasetOperationType.knownValues().stream().map(Object::toString).toList());
    }

    @Test
    void instanceIdMustBeALowerCaseUuid() {
        assertThat(ScnConstraints.checkInstanceId(INSTANCE)).isEqualTo(INSTANCE);
        assertThatThrownBy(() -> ScnConstraints.checkInstanceId(INSTANCE.toUpperCase()))
                .isInstanceOf(FieldValidationException.class).hasMessageContaining("instanceId");
        assertThatThrownBy(() -> ScnConstraints.checkInstanceId("not-a-uuid")).hasMessageContaining("instanceId");
        assertThatThrownBy(() -> ScnConstraints.checkInstanceId(INSTANCE + "0")).hasMessageContaining("instanceId");
        assertThatThrownBy(() -> ScnConstraints.checkInstanceId(null)).hasMessageContaining("missing");
    }

    @Test
    void eventTypeMustBeOneOfTheSixteen() {
        ScnConstraints.EVENT_TYPES.forEach(t -> assertThat(ScnConstraints.checkEventType(t)).isEqualTo(t));
        assertThatThrownBy(() -> ScnConstraints.checkEventType("scn.data.order")).hasMessageContaining("eventType");
        assertThatThrownBy(() -> ScnConstraints.checkEventType("SCN.DATA.FORECAST")).hasMessageContaining("eventType");
        assertThatThrownBy(() -> ScnConstraints.checkEventType(null)).hasMessageContaining("missing");
    }

    @Test
    void eventGroupIdIsOneTo255Characters() {
        assertThat(ScnConstraints.checkEventGroupId("g")).isEqualTo("g");
        assertThat(ScnConstraints.checkEventGroupId("g".repeat(255))).hasSize(255);
        assertThatThrownBy(() -> ScnConstraints.checkEventGroupId("g".repeat(256)))
                .hasMessageContaining("eventGroupId").hasMessageContaining("256 characters");
        assertThatThrownBy(() -> ScnConstraints.checkEventGroupId("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ScnConstraints.checkEventGroupId(null)).hasMessageContaining("missing")
                .hasMessageContaining("the header " + AwsScnEventConstants.EVENT_GROUP_ID)
                .hasMessageContaining("option eventGroupId");
    }

    @Test
    void datasetIdentifierIsADatasetArnOf20To1011Characters() {
        assertThat(ScnConstraints.checkDatasetIdentifier(ASC_DATASET)).isEqualTo(ASC_DATASET);
        String prefix = "arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE + "/namespaces/n/datasets/";
        String longest = prefix + "d".repeat(1011 - prefix.length());
        assertThat(ScnConstraints.checkDatasetIdentifier(longest)).hasSize(1011);
        assertThatThrownBy(() -> ScnConstraints.checkDatasetIdentifier(longest + "d"))
                .hasMessageContaining("1012 characters");
        assertThatThrownBy(() -> ScnConstraints.checkDatasetIdentifier("arn:aws:scn:x:1:ins"))
                .hasMessageContaining("20 to 1011");
        assertThatThrownBy(() -> ScnConstraints.checkDatasetIdentifier(ASC_DATASET.replace("datasets", "tables")))
                .hasMessageContaining("dataset ARN");
        assertThatThrownBy(() -> ScnConstraints.checkDatasetIdentifier(ASC_DATASET + "/extra"))
                .hasMessageContaining("dataset ARN");
    }

    @Test
    void datasetTargetIsRequiredForDatasetEventsAndRefusedForOthers() {
        assertThatCode(() -> ScnConstraints.checkDatasetTarget("scn.data.dataset", DEFAULT_DATASET, "UPSERT"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ScnConstraints.checkDatasetTarget("scn.data.dataset", null, "UPSERT"))
                .hasMessageContaining("datasetTarget.datasetIdentifier");
        assertThatThrownBy(() -> ScnConstraints.checkDatasetTarget("scn.data.dataset", DEFAULT_DATASET, null))
                .hasMessageContaining("datasetTarget.operationType");
        assertThatThrownBy(() -> ScnConstraints.checkDatasetTarget("scn.data.dataset", DEFAULT_DATASET, "MERGE"))
                .hasMessageContaining("APPEND, UPSERT, DELETE");
        assertThatThrownBy(() -> ScnConstraints.checkDatasetTarget("scn.data.forecast", DEFAULT_DATASET, "APPEND"))
                .hasMessageContaining("only with eventType scn.data.dataset");
        assertThatThrownBy(() -> ScnConstraints.checkDatasetTarget("scn.data.forecast", null, "APPEND"))
                .hasMessageContaining("only with eventType scn.data.dataset");
        assertThatCode(() -> ScnConstraints.checkDatasetTarget("scn.data.forecast", null, null))
                .doesNotThrowAnyException();
    }

    @Test
    void fixedEventTypesAndAscDatasetsAreInTheAscNamespace() {
        for (String type : ScnConstraints.EVENT_TYPES.subList(0, 15)) {
            assertThat(ScnConstraints.targetsAscNamespace(type, null)).as(type).isTrue();
        }
        assertThat(ScnConstraints.targetsAscNamespace("scn.data.dataset", ASC_DATASET)).isTrue();
        assertThat(ScnConstraints.targetsAscNamespace("scn.data.dataset", DEFAULT_DATASET)).isFalse();
        assertThat(ScnConstraints.namespaceOf(DEFAULT_DATASET)).isEqualTo("default");
        assertThat(ScnConstraints.namespaceOf("nope")).isNull();
    }

    @Test
    void clientTokenIs33To126Characters() {
        assertThat(ScnConstraints.checkClientToken("t".repeat(33))).hasSize(33);
        assertThat(ScnConstraints.checkClientToken("t".repeat(126))).hasSize(126);
        assertThatThrownBy(() -> ScnConstraints.checkClientToken("t".repeat(32))).hasMessageContaining("32");
        assertThatThrownBy(() -> ScnConstraints.checkClientToken("t".repeat(127))).hasMessageContaining("127");
    }
}
