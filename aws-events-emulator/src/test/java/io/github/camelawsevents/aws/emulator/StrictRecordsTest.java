package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.supplychain.SupplyChainClient;
import software.amazon.awssdk.services.supplychain.model.ValidationException;

import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.DATASET_ARN;
import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.INSTANCE;
import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.inboundOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictRecordsTest {

    @RegisterExtension
    static final AwsEventsEmulatorExtension AWS = new AwsEventsEmulatorExtension(
            AwsEventsEmulator.builder().strictRecords(true));

    static SupplyChainClient scn;

    @BeforeAll
    static void clients() {
        scn = SdkClients.supplyChain(AWS.emulator());
    }

    @AfterAll
    static void closeClients() {
        scn.close();
    }

    @Test
    void acceptsAwsOwnExampleRecords() {
        scn.sendDataIntegrationEvent(inboundOrder().build());
        scn.sendDataIntegrationEvent(b -> b.instanceId(INSTANCE).eventType("scn.data.inventorylevel")
                .eventGroupId("inventoryLevelId").data("{\"snapshot_date\": \"1672470400000\", \"site_id\": "
                        + "\"site-id-test-123\", \"product_id\": \"product-id-test-123\", \"on_hand_inventory\": \"100.0\", "
                        + "\"inv_condition\": \"good\", \"lot_number\": \"lot-number-test-123\"}"));
        assertThat(AWS.emulator().supplyChain().count()).isEqualTo(2);
    }

    @Test
    void refusesARecordWithoutAPrimaryKeyColumn() {
        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().data("[{\"id\":\"1\",\"tpartner_id\":\"p\"},"
                + "{\"id\":\"2\"}]").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("record 1").hasMessageContaining("tpartner_id");
        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(b -> b.instanceId(INSTANCE)
                .eventType("scn.data.inboundorderline").eventGroupId("g")
                .data("{\"id\":\"1\",\"order_id\":\"o\",\"tpartner_id\":\"p\",\"product_id\":\"x\"}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("quantity_submitted");
    }

    @Test
    void refusesADatasetTargetOnAFixedEventType() {
        assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder()
                .datasetTarget(t -> t.datasetIdentifier(DATASET_ARN).operationType("APPEND")).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("datasetTarget");
    }

    @Test
    void leavesDatasetEventsFree() {
        scn.sendDataIntegrationEvent(b -> b.instanceId(INSTANCE).eventType("scn.data.dataset").eventGroupId("g")
                .data("{\"anything\":true}").datasetTarget(t -> t.datasetIdentifier(DATASET_ARN).operationType("APPEND")));
        assertThat(AWS.emulator().supplyChain().count()).isEqualTo(1);
    }
}
