package io.github.camelawsevents.aws.scn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;
import software.amazon.awssdk.services.supplychain.model.DataLakeDataset;
import software.amazon.awssdk.services.supplychain.model.GetDataLakeDatasetRequest;
import software.amazon.awssdk.services.supplychain.model.GetDataLakeDatasetResponse;
import software.amazon.awssdk.services.supplychain.model.ResourceNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dataset schema cache without I/O: one call per dataset, failures not kept, forget. */
class DatasetSchemasTest {

    private static final String INSTANCE = "8928ae12-15e5-4441-825d-ec2184f0a43a";
    private static final String ARN = "arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE
                                      + "/namespaces/default/datasets/orders";

    /** A client whose GetDataLakeDataset answers are completed by the test. */
    private static final class PendingClient implements SupplyChainAsyncClient {
        final List<GetDataLakeDatasetRequest> requests = new ArrayList<>();
        final List<CompletableFuture<GetDataLakeDatasetResponse>> answers = new ArrayList<>();

        @Override
        public synchronized CompletableFuture<GetDataLakeDatasetResponse> getDataLakeDataset(
                GetDataLakeDatasetRequest request) {
            requests.add(request);
            CompletableFuture<GetDataLakeDatasetResponse> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        }

        @Override
        public String serviceName() {
            return "scn";
        }

        @Override
        public void close() {
        }
    }

    private static GetDataLakeDatasetResponse orders() {
        return GetDataLakeDatasetResponse.builder().dataset(DataLakeDataset.builder().instanceId(INSTANCE)
                .namespace("default").name("orders").arn(ARN)
                .schema(s -> s.name("Orders").fields(f -> f.name("order_id").type("STRING").isRequired(true)))
                .build()).build();
    }

    @Test
    void oneCallPerDatasetSharedByEveryoneWhoAsksWhileItRuns() {
        PendingClient client = new PendingClient();
        DatasetSchemas schemas = new DatasetSchemas(() -> client);
        CompletableFuture<RecordSchema> first = schemas.fetch(ARN);
        CompletableFuture<RecordSchema> second = schemas.fetch(ARN);
        assertThat(client.requests).singleElement().satisfies(r -> {
            assertThat(r.instanceId()).isEqualTo(INSTANCE);
            assertThat(r.namespace()).isEqualTo("default");
            assertThat(r.name()).isEqualTo("orders");
        });
        assertThat(schemas.cached(ARN)).isNull();
        client.answers.get(0).complete(orders());
        assertThat(first.join()).isSameAs(second.join());
        assertThat(schemas.cached(ARN).required(false)).containsExactly("order_id");
        schemas.fetch(ARN);
        assertThat(client.requests).hasSize(1);
    }

    @Test
    void aFailedReadIsNotKeptAndForgetReadsAgain() {
        PendingClient client = new PendingClient();
        DatasetSchemas schemas = new DatasetSchemas(() -> client);
        CompletableFuture<RecordSchema> failed = schemas.fetch(ARN);
        client.answers.get(0).completeExceptionally(ResourceNotFoundException.builder().message("no dataset").build());
        assertThatThrownBy(failed::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(DatasetSchemas.DatasetSchemaUnavailableException.class)
                .hasMessageContaining("scn:GetDataLakeDataset").hasMessageContaining(ARN);
        assertThat(schemas.size()).isZero();

        schemas.fetch(ARN);
        client.answers.get(1).complete(orders());
        assertThat(schemas.cached(ARN)).isNotNull();
        assertThat(schemas.forget(ARN)).isTrue();
        assertThat(schemas.cached(ARN)).isNull();
        schemas.fetch(ARN);
        assertThat(client.requests).hasSize(3);
    }

    @Test
    void aDatasetWithAFieldTypeThisClientDoesNotKnowIsNotChecked() {
        PendingClient client = new PendingClient();
        DatasetSchemas schemas = new DatasetSchemas(() -> client);
        CompletableFuture<RecordSchema> future = schemas.fetch(ARN);
        client.answers.get(0).complete(orders().toBuilder().dataset(orders().dataset().toBuilder()
                .schema(s -> s.name("Orders").fields(f -> f.name("x").type("GEOMETRY").isRequired(true))).build())
                .build());
        assertThatThrownBy(future::join).cause().isInstanceOf(DatasetSchemas.DatasetSchemaUnavailableException.class)
                .hasMessageContaining("GEOMETRY");
    }

    @Test
    void notADatasetArnFailsWithoutACall() {
        PendingClient client = new PendingClient();
        DatasetSchemas schemas = new DatasetSchemas(() -> client);
        assertThat(schemas.fetch("arn:aws:s3:::bucket")).isCompletedExceptionally();
        assertThat(client.requests).isEmpty();
    }
}
