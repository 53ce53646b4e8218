package io.github.camelawsevents.aws.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * The emulator's data lake: the datasets (with their schemas) and the load of every {@code scn.data.dataset} event
 * into its dataset. A load is {@code IN_PROGRESS} for the {@linkplain #loadDelay() load delay} after the event was
 * accepted (or until {@link #completeLoads()}), then {@code SUCCEEDED}, or {@code FAILED} with a message when the
 * records do not match the declared dataset's schema or a load fault was set ({@link #failLoads}). An event for a
 * dataset that was not declared loads successfully (the emulator knows no schema to hold it against). In count-only
 * mode no load is kept (there is no event to read back). Thread-safe.
 */
public final class DataLake {

    /** The account in the ARNs the emulator makes. */
    public static final String ACCOUNT = "123456789012";

    private final String region;
    private final Map<String, EmulatedDataset> datasets = new LinkedHashMap<>();
    private final Map<String, Load> loads = new HashMap<>();
    private Duration loadDelay;
    private int failingLoads;
    private String failingLoadMessage;

    DataLake(String region, Duration loadDelay) {
        this.region = region;
        this.loadDelay = loadDelay;
    }

    /** The status of a load right now, and AWS's message (null unless FAILED). */
    public record LoadStatus(String status, String message) {
    }

    /** A load as decided when its event was accepted. */
    private record Load(String outcome, String message, Instant dueAt, boolean completed) {
        Load completedNow() {
            return new Load(outcome, message, dueAt, true);
        }
    }

    private static String key(String instanceId, String namespace, String name) {
        return instanceId + "/" + namespace + "/" + name;
    }

    /** The ARN of a dataset of this emulator. */
    public String arnOf(String instanceId, String namespace, String name) {
        return "arn:aws:scn:" + region + ":" + ACCOUNT + ":instance/" + instanceId + "/namespaces/" + namespace
               + "/datasets/" + name;
    }

    /**
     * Declares a dataset, as CreateDataLakeDataset does.
     *
     * @throws AwsServiceError ConflictException when it exists already
     */
    public synchronized EmulatedDataset create(EmulatedDataset dataset) {
        String key = key(dataset.instanceId(), dataset.namespace(), dataset.name());
        if (datasets.containsKey(key)) {
            throw new AwsServiceError("ConflictException", 409, "The dataset " + dataset.namespace() + "/"
                    + dataset.name() + " already exists in instance " + dataset.instanceId());
        }
        datasets.put(key, dataset);
        return dataset;
    }

    /**
     * Declares a dataset from its schema (the builder's and the inspection API's way).
     *
     * @param fields      the schema's fields
     * @param primaryKeys primary-key field names, may be empty
     */
    public EmulatedDataset declare(String instanceId, String namespace, String name, List<EmulatedDataset.Field> fields,
                                   List<String> primaryKeys) {
        return create(new EmulatedDataset(instanceId, namespace, name, arnOf(instanceId, namespace, name),
                schemaNameOf(name), fields, primaryKeys, null, Instant.now()));
    }

    /** The dataset, or null. */
    public synchronized EmulatedDataset dataset(String instanceId, String namespace, String name) {
        return datasets.get(key(instanceId, namespace, name));
    }

    /** The dataset a {@code datasetIdentifier} ARN names (its region and account are not compared), or null. */
    public synchronized EmulatedDataset datasetOf(String datasetArn) {
        if (datasetArn == null) {
            return null;
        }
        Matcher m = SupplyChainApi.DATASET_ARN.matcher(datasetArn);
        return m.matches() ? datasets.get(key(m.group(3), m.group(4), m.group(5))) : null;
    }

    /** Every dataset, in the order declared. */
    public synchronized List<EmulatedDataset> datasets() {
        return List.copyOf(datasets.values());
    }

    /** How long a load stays IN_PROGRESS after its event was accepted. */
    public synchronized Duration loadDelay() {
        return loadDelay;
    }

    /** Sets how long loads accepted from now on stay IN_PROGRESS. */
    public synchronized void loadDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the load delay must not be negative, was " + delay);
        }
        this.loadDelay = delay;
    }

    /**
     * A fault: the loads of the next {@code count} dataset events accepted FAIL with {@code message}, whatever their
     * records; {@code count} -1 fails every load until {@link #failLoads}(0, null) or a reset.
     */
    public synchronized void failLoads(int count, String message) {
        if (count < -1) {
            throw new IllegalArgumentException("count must be -1 (every load), 0 (none) or more, was " + count);
        }
        this.failingLoads = count;
        this.failingLoadMessage = message == null ? "The load failed (injected fault)" : message;
    }

    /** Completes every load still IN_PROGRESS now (a test's way to let time pass without waiting). */
    public synchronized int completeLoads() {
        int completed = 0;
        for (Map.Entry<String, Load> e : loads.entrySet()) {
            if (!e.getValue().completed()) {
                e.setValue(e.getValue().completedNow());
                completed++;
            }
        }
        return completed;
    }

    /** Decides the load of an accepted dataset event: its outcome now, its status after the delay. */
    synchronized void startLoad(String eventId, String datasetArn, String data, Instant acceptedAt) {
        String message = null;
        if (failingLoads != 0) {
            message = failingLoadMessage;
            if (failingLoads > 0) {
                failingLoads--;
            }
        } else {
            EmulatedDataset dataset = datasetOf(datasetArn);
            if (dataset != null) {
                message = DatasetRecordsCheck.problem(data, dataset);
            }
        }
        boolean due = loadDelay.isZero();
        loads.put(eventId, new Load(message == null ? "SUCCEEDED" : "FAILED", message, acceptedAt.plus(loadDelay), due));
    }

    /** The load status of a dataset event now, or null when the event has no load (not a dataset event). */
    public synchronized LoadStatus loadStatus(String eventId, Instant now) {
        Load load = loads.get(eventId);
        if (load == null) {
            return null;
        }
        if (!load.completed() && now.isBefore(load.dueAt())) {
            return new LoadStatus("IN_PROGRESS", null);
        }
        return new LoadStatus(load.outcome(), load.message());
    }

    synchronized void clear(Duration initialDelay, List<EmulatedDataset> initialDatasets) {
        datasets.clear();
        loads.clear();
        loadDelay = initialDelay;
        failingLoads = 0;
        failingLoadMessage = null;
        for (EmulatedDataset d : initialDatasets) {
            datasets.put(key(d.instanceId(), d.namespace(), d.name()), d);
        }
    }

    /** A schema name from a dataset name (the service's look: inbound_order becomes InboundOrder). */
    static String schemaNameOf(String datasetName) {
        StringBuilder sb = new StringBuilder();
        for (String part : datasetName.split("_")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.length() == 0 ? "Dataset" : sb.toString();
    }
}
