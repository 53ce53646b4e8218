package io.github.camelawsevents.aws.scn;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelawsevents.aws.core.SafeMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;

/**
 * The schemas of the data lake datasets an endpoint sends {@code scn.data.dataset} events to, read with
 * {@code GetDataLakeDataset} (IAM action {@code scn:GetDataLakeDataset}) once per dataset and kept until
 * {@link #forget(String) forgotten}, e.g. after a load of the dataset failed for a schema reason. Concurrent requests
 * for the schema of one dataset share one call; a failed call is not kept, so the next event asks again.
 * <p>
 * The futures complete on an AWS SDK thread: a caller continues its work on a thread of its own (the producer hands it
 * to a Camel executor), never on that thread.
 */
public final class DatasetSchemas {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetSchemas.class);

    private static final Pattern DATASET_ARN = Pattern.compile(
            "^arn:aws:scn:[a-z0-9-]+:[0-9]+:instance/([a-f0-9-]{36})/namespaces/([^/]+)/datasets/([^/]+)$");

    private final Supplier<SupplyChainAsyncClient> client;
    private final Map<String, CompletableFuture<RecordSchema>> schemas = new ConcurrentHashMap<>();

    public DatasetSchemas(Supplier<SupplyChainAsyncClient> client) {
        this.client = client;
    }

    /** The schema of a dataset when it was read already, else null. */
    public RecordSchema cached(String datasetArn) {
        CompletableFuture<RecordSchema> future = schemas.get(datasetArn);
        return future != null && future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
    }

    /**
     * The schema of a dataset: the kept one, or one {@code GetDataLakeDataset} call shared by everyone who asks while
     * it runs. Fails (exceptionally) with a {@link DatasetSchemaUnavailableException} when the call fails; that failure
     * is not kept.
     */
    public CompletableFuture<RecordSchema> fetch(String datasetArn) {
        CompletableFuture<RecordSchema> known = schemas.get(datasetArn);
        if (known != null) {
            return known;
        }
        CompletableFuture<RecordSchema> mine = new CompletableFuture<>();
        CompletableFuture<RecordSchema> raced = schemas.putIfAbsent(datasetArn, mine);
        if (raced != null) {
            return raced;
        }
        try {
            Matcher m = DATASET_ARN.matcher(datasetArn);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a dataset ARN");
            }
            SupplyChainAsyncClient supplyChain = client.get();
            if (supplyChain == null) {
                throw new IllegalStateException("the endpoint is not started");
            }
            LOG.debug("Reading the schema of dataset {} (GetDataLakeDataset)", datasetArn);
            supplyChain.getDataLakeDataset(r -> r.instanceId(m.group(1)).namespace(m.group(2)).name(m.group(3)))
                    .whenComplete((response, error) -> {
                        if (error == null) {
                            try {
                                mine.complete(RecordSchema.ofDataset(response.dataset()));
                                LOG.debug("Read the schema of dataset {}: {} fields", datasetArn,
                                        response.dataset().schema().fields().size());
                                return;
                            } catch (RuntimeException unusable) {
                                error = unusable;
                            }
                        }
                        schemas.remove(datasetArn, mine);
                        mine.completeExceptionally(new DatasetSchemaUnavailableException(datasetArn, error));
                    });
        } catch (RuntimeException e) {
            schemas.remove(datasetArn, mine);
            mine.completeExceptionally(new DatasetSchemaUnavailableException(datasetArn, e));
        }
        return mine;
    }

    /**
     * Forgets the kept schema of a dataset, so the next event for it reads the schema again; call it after a load of
     * the dataset failed for a schema reason (the schema may have changed). The read-back operation calls it for a
     * load that FAILED.
     *
     * @return whether a schema was kept
     */
    public boolean forget(String datasetArn) {
        return datasetArn != null && schemas.remove(datasetArn) != null;
    }

    /** Forgets every kept schema. */
    public void clear() {
        schemas.clear();
    }

    /** How many dataset schemas are kept or being read. */
    public int size() {
        return schemas.size();
    }

    /** Reading a dataset's schema failed: the records of the exchange were not checked, and not sent. */
    public static final class DatasetSchemaUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String datasetArn;

        DatasetSchemaUnavailableException(String datasetArn, Throwable cause) {
            super("Cannot check the records against the schema of dataset " + datasetArn + ": reading it with"
                  + " GetDataLakeDataset failed (" + SafeMessages.of(SafeMessages.unwrap(cause)) + "). The check needs"
                  + " the IAM action scn:GetDataLakeDataset; recordCheck=OFF sends without it. Nothing was sent.",
                    SafeMessages.unwrap(cause));
            this.datasetArn = datasetArn;
        }

        /** The dataset whose schema could not be read. */
        public String getDatasetArn() {
            return datasetArn;
        }
    }
}
