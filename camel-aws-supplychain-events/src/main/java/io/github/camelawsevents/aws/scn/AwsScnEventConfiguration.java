package io.github.camelawsevents.aws.scn;

import io.github.camelawsevents.aws.core.AbstractAwsEventsConfiguration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;

/**
 * The options of {@code aws-scn-event}: the shared AWS options (inherited) and the Supply Chain ones. A component
 * holds one as the defaults; each endpoint works on its own {@link #copy()}.
 */
@UriParams
public class AwsScnEventConfiguration extends AbstractAwsEventsConfiguration {

    /**
     * The AWS Supply Chain instance id: a lower-case UUID such as 8928ae12-15e5-4441-825d-ec2184f0a43a. Checked when
     * the endpoint is created.
     */
    @UriPath
    @Metadata(required = true)
    private String instanceId;

    /**
     * The data event type: which dataset the records go to. scn.data.dataset sends to the dataset named by
     * datasetIdentifier (with operationType); the others to the fixed AWS Supply Chain entity of that name. Header
     * CamelAwsScnEventType overrides it per message; one of the two is required.
     */
    @UriParam(label = "producer",
              enums = "scn.data.forecast,scn.data.inventorylevel,scn.data.inboundorder,scn.data.inboundorderline,"
                      + "scn.data.inboundorderlineschedule,scn.data.outboundorderline,scn.data.outboundshipment,"
                      + "scn.data.processheader,scn.data.processoperation,scn.data.processproduct,"
                      + "scn.data.reservation,scn.data.shipment,scn.data.shipmentstop,scn.data.shipmentstoporder,"
                      + "scn.data.supplyplan,scn.data.dataset")
    private String eventType;

    /**
     * The event group (partition key, 1 to 255 characters), for example the order id for inbound orders. Events of one
     * instance, event type and group are processed in the order the service receives them. Header
     * CamelAwsScnEventGroupId overrides it per message; one of the two is required.
     */
    @UriParam(label = "producer")
    private String eventGroupId;

    /**
     * The target dataset ARN for eventType scn.data.dataset
     * (arn:aws:scn:region:account:instance/instanceId/namespaces/namespace/datasets/name, 20 to 1011 characters).
     * Refused with any other event type. Header CamelAwsScnDatasetIdentifier overrides it per message.
     */
    @UriParam(label = "producer")
    private String datasetIdentifier;

    /**
     * How the target dataset loads the records, for eventType scn.data.dataset: APPEND (as they are), UPSERT (replace
     * records with the same primary key) or DELETE (remove records with the same primary key). Refused with any other
     * event type. Header CamelAwsScnDatasetOperationType overrides it per message.
     */
    @UriParam(label = "producer", enums = "APPEND,UPSERT,DELETE")
    private String operationType;

    /**
     * Keep the order of events per (instance, event type, event group): at most one request of a group is in flight,
     * the next message of that group waits until it completed (including the AWS SDK's retries), while other groups
     * are sent concurrently. When false, messages are sent as they come, bounded only by maxInFlightRequests, and the
     * service may receive events of a group out of order.
     */
    @UriParam(label = "producer", defaultValue = "true")
    private boolean preserveOrder = true;

    /**
     * The most SendDataIntegrationEvent requests the endpoint has in flight at once, over all event groups; also the
     * maximum number of open HTTP connections of a client the component builds. A group takes a request slot only
     * when its turn comes, so one busy group never holds the slots other groups need.
     */
    @UriParam(label = "producer", defaultValue = "64")
    private int maxInFlightRequests = 64;

    /**
     * The most exchanges the endpoint takes and has not completed yet (waiting for their group's turn, or in flight).
     * When reached, the thread that sends the next exchange waits (backpressure), so nothing queues without bound.
     */
    @UriParam(label = "producer,advanced", defaultValue = "2048")
    private int maxPendingExchanges = 2048;

    /**
     * Coalesce records: records of one (instance, event type, event group, dataset target) that arrive while that
     * key's event is in flight go out together as the key's next event, a JSON array of up to 1,048,576 characters of
     * data, when its turn comes. Order per key is kept, and each exchange gets the id of the event that carried its
     * records. The client token of such an event is derived from its records' tokens, so the AWS SDK's retries of it are
     * idempotent; a Camel redelivery of one of its exchanges can coalesce differently, and so store records twice if
     * AWS had stored the first event although the SDK reported a failure (see the component page). Records of a ready
     * request body, or of messages with a CamelAwsScnEventTimestamp that differs, are not coalesced with others.
     * Implies one event in flight per key, as preserveOrder does.
     */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean coalesceRecords;

    /**
     * Where the idempotency token of each event comes from when header CamelAwsScnClientToken is absent: MESSAGE_ID
     * (Camel's message id, stable across redeliveries; the JMS message id for JMS consumers), EXCHANGE_ID, CONTENT_HASH
     * (identical content within AWS's 8-hour token window is stored only once) or NONE (the SDK makes a random token
     * per call, so a Camel redelivery can store an event twice). Except with NONE the token also covers the instance, event
     * type, group, dataset target, position and data of the event. KAFKA_RECORD derives it from the Kafka record's
     * topic, partition and offset (camel-kafka's headers kafka.TOPIC, kafka.PARTITION, kafka.OFFSET), so a record
     * consumed again on another worker after a crash gets the same token; EXPRESSION from the value of
     * clientTokenExpression.
     */
    @UriParam(label = "producer", defaultValue = "MESSAGE_ID")
    private ClientTokenSource clientTokenSource = ClientTokenSource.MESSAGE_ID;

    /**
     * With clientTokenSource=EXPRESSION: a simple-language expression evaluated per exchange whose value identifies
     * the message across redeliveries and restarts, e.g. ${header.kafka.TOPIC}/${header.kafka.PARTITION}/${header.kafka.OFFSET}
     * or ${header.orderId}. The token is derived from it plus the instance, event type, group, dataset target,
     * position and data of the event. A message for which it is null or empty is refused.
     */
    @UriParam(label = "producer")
    private String clientTokenExpression;

    /**
     * Check every record against its target's schema before sending: OFF (no check), WARN_UNKNOWN or STRICT. With
     * WARN_UNKNOWN and STRICT a record that lacks a required column (or has it null or empty), holds a value not of its
     * column's type, a timestamp in no form the service takes, or an internal field (connection_id, db_creation_dttm,
     * db_updation_dttm) is refused: its exchange fails with a RecordCheckException naming the record's index, the
     * column, the rule and the value's JSON type, and nothing of the message is sent. Columns the schema does not know
     * are sent with a warning logged once per column (WARN_UNKNOWN) or refused (STRICT). For the 15 fixed event types
     * the schemas ship with the component; for scn.data.dataset the target dataset's schema is read with
     * GetDataLakeDataset (IAM action scn:GetDataLakeDataset) once per dataset and kept. Off by default, so that
     * upgrading changes no route's outcome and needs no new IAM action; WARN_UNKNOWN is the recommended setting.
     */
    @UriParam(label = "producer", defaultValue = "OFF", enums = "OFF,WARN_UNKNOWN,STRICT")
    private RecordCheckMode recordCheck = RecordCheckMode.OFF;

    /**
     * Confirm dataset loads: for scn.data.dataset events the exchange completes only when AWS reports the load into the
     * dataset as finished. After SendDataIntegrationEvent accepted an event, the producer asks GetDataIntegrationEvent
     * (IAM action scn:GetDataIntegrationEvent) for its load status, first after datasetLoadPollInterval, then at
     * doubling intervals up to datasetLoadMaxPollInterval: one poll per event (a coalesced event confirms all its
     * records' exchanges at once), sharing the request slots, holding no thread. SUCCEEDED completes the exchange with
     * headers CamelAwsScnDatasetLoadStatus and CamelAwsScnDatasetLoadMessage; FAILED fails it with a
     * DatasetLoadFailedException carrying AWS's message; a load still IN_PROGRESS after datasetLoadTimeout does what
     * datasetLoadTimeoutAction says. Events of the 15 fixed types are not polled (AWS reports no load for them). The
     * next event of the group is sent meanwhile: confirmation does not hold the group's order back. Off by default:
     * it keeps each dataset exchange open for the length of its load, and needs the IAM action.
     */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean confirmDatasetLoad;

    /**
     * With confirmDatasetLoad: how long after AWS accepted a dataset event its load may take, at most, before
     * datasetLoadTimeoutAction applies (the last poll goes when it runs out). Milliseconds, or a duration such as 5m.
     */
    @UriParam(label = "producer", javaType = "java.time.Duration", defaultValue = "300000")
    private long datasetLoadTimeout = 300_000;

    /**
     * With confirmDatasetLoad: what an exchange whose load is still IN_PROGRESS after datasetLoadTimeout does: FAIL
     * (a DatasetLoadTimeoutException naming the option; the event is stored and may still load) or COMPLETE (it
     * completes with header CamelAwsScnDatasetLoadStatus=IN_PROGRESS).
     */
    @UriParam(label = "producer", defaultValue = "FAIL", enums = "FAIL,COMPLETE")
    private DatasetLoadTimeoutAction datasetLoadTimeoutAction = DatasetLoadTimeoutAction.FAIL;

    /**
     * With confirmDatasetLoad: the delay before the first load-status poll of a dataset event; each further poll waits
     * twice as long as the one before, up to datasetLoadMaxPollInterval. Milliseconds, or a duration such as 1s.
     */
    @UriParam(label = "producer,advanced", javaType = "java.time.Duration", defaultValue = "1000")
    private long datasetLoadPollInterval = 1000;

    /**
     * With confirmDatasetLoad: the longest delay between two load-status polls of a dataset event. Milliseconds, or a
     * duration such as 30s.
     */
    @UriParam(label = "producer,advanced", javaType = "java.time.Duration", defaultValue = "30000")
    private long datasetLoadMaxPollInterval = 30_000;

    /**
     * An AWS Supply Chain asynchronous client to use instead of building one from these options; it is never closed
     * by the component.
     */
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private SupplyChainAsyncClient supplyChainClient;

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public String getEventType() {
        return eventType;
    }

    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    public String getEventGroupId() {
        return eventGroupId;
    }

    public void setEventGroupId(String eventGroupId) {
        this.eventGroupId = eventGroupId;
    }

    public String getDatasetIdentifier() {
        return datasetIdentifier;
    }

    public void setDatasetIdentifier(String datasetIdentifier) {
        this.datasetIdentifier = datasetIdentifier;
    }

    public String getOperationType() {
        return operationType;
    }

    public void setOperationType(String operationType) {
        this.operationType = operationType;
    }

    public int getMaxPendingExchanges() {
        return maxPendingExchanges;
    }

    public void setMaxPendingExchanges(int maxPendingExchanges) {
        this.maxPendingExchanges = maxPendingExchanges;
    }

    public boolean isCoalesceRecords() {
        return coalesceRecords;
    }

    public void setCoalesceRecords(boolean coalesceRecords) {
        this.coalesceRecords = coalesceRecords;
    }

    public boolean isPreserveOrder() {
        return preserveOrder;
    }

    public void setPreserveOrder(boolean preserveOrder) {
        this.preserveOrder = preserveOrder;
    }

    public int getMaxInFlightRequests() {
        return maxInFlightRequests;
    }

    public void setMaxInFlightRequests(int maxInFlightRequests) {
        this.maxInFlightRequests = maxInFlightRequests;
    }

    public ClientTokenSource getClientTokenSource() {
        return clientTokenSource;
    }

    public void setClientTokenSource(ClientTokenSource clientTokenSource) {
        this.clientTokenSource = clientTokenSource;
    }

    public String getClientTokenExpression() {
        return clientTokenExpression;
    }

    public void setClientTokenExpression(String clientTokenExpression) {
        this.clientTokenExpression = clientTokenExpression;
    }

    public RecordCheckMode getRecordCheck() {
        return recordCheck;
    }

    public void setRecordCheck(RecordCheckMode recordCheck) {
        this.recordCheck = recordCheck;
    }

    public boolean isConfirmDatasetLoad() {
        return confirmDatasetLoad;
    }

    public void setConfirmDatasetLoad(boolean confirmDatasetLoad) {
        this.confirmDatasetLoad = confirmDatasetLoad;
    }

    public long getDatasetLoadTimeout() {
        return datasetLoadTimeout;
    }

    public void setDatasetLoadTimeout(long datasetLoadTimeout) {
        this.datasetLoadTimeout = datasetLoadTimeout;
    }

    public DatasetLoadTimeoutAction getDatasetLoadTimeoutAction() {
        return datasetLoadTimeoutAction;
    }

    public void setDatasetLoadTimeoutAction(DatasetLoadTimeoutAction datasetLoadTimeoutAction) {
        this.datasetLoadTimeoutAction = datasetLoadTimeoutAction;
    }

    public long getDatasetLoadPollInterval() {
        return datasetLoadPollInterval;
    }

    public void setDatasetLoadPollInterval(long datasetLoadPollInterval) {
        this.datasetLoadPollInterval = datasetLoadPollInterval;
    }

    public long getDatasetLoadMaxPollInterval() {
        return datasetLoadMaxPollInterval;
    }

    public void setDatasetLoadMaxPollInterval(long datasetLoadMaxPollInterval) {
        this.datasetLoadMaxPollInterval = datasetLoadMaxPollInterval;
    }

    public SupplyChainAsyncClient getSupplyChainClient() {
        return supplyChainClient;
    }

    public void setSupplyChainClient(SupplyChainAsyncClient supplyChainClient) {
        this.supplyChainClient = supplyChainClient;
    }

    /** A copy for one endpoint. */
    public AwsScnEventConfiguration copy() {
        return copyOf();
    }

    /**
     * Checks the options as far as they are known without a message, so a wrong endpoint fails when it is created.
     *
     * @throws IllegalArgumentException (a {@link io.github.camelawsevents.aws.core.FieldValidationException} for an
     *                                  API member) naming the option
     */
    public void validate() {
        ScnConstraints.checkInstanceId(instanceId);
        if (eventType != null) {
            ScnConstraints.checkEventType(eventType);
        }
        if (eventGroupId != null) {
            ScnConstraints.checkEventGroupId(eventGroupId);
        }
        if (datasetIdentifier != null) {
            ScnConstraints.checkDatasetIdentifier(datasetIdentifier);
        }
        if (operationType != null) {
            ScnConstraints.checkOperationType(operationType);
        }
        if (eventType != null && !ScnConstraints.DATASET_EVENT_TYPE.equals(eventType)) {
            ScnConstraints.checkDatasetTarget(eventType, datasetIdentifier, operationType);
        }
        pipelineSettings("AwsScnEvent", maxInFlightRequests, maxPendingExchanges);
        if (clientTokenSource == null) {
            throw new IllegalArgumentException("clientTokenSource must be set: MESSAGE_ID, EXCHANGE_ID, CONTENT_HASH,"
                                               + " KAFKA_RECORD, EXPRESSION or NONE");
        }
        if (recordCheck == null) {
            throw new IllegalArgumentException("recordCheck must be set: OFF, WARN_UNKNOWN or STRICT");
        }
        if (datasetLoadTimeoutAction == null) {
            throw new IllegalArgumentException("datasetLoadTimeoutAction must be set: FAIL or COMPLETE");
        }
        if (datasetLoadTimeout < 0) {
            throw new IllegalArgumentException("datasetLoadTimeout must be 0 or more, got " + datasetLoadTimeout + "ms");
        }
        if (datasetLoadPollInterval < 1 || datasetLoadMaxPollInterval < datasetLoadPollInterval) {
            throw new IllegalArgumentException("datasetLoadPollInterval must be at least 1ms and"
                                               + " datasetLoadMaxPollInterval at least datasetLoadPollInterval, got "
                                               + datasetLoadPollInterval + "ms and " + datasetLoadMaxPollInterval
                                               + "ms");
        }
        if (clientTokenSource == ClientTokenSource.EXPRESSION
                && (clientTokenExpression == null || clientTokenExpression.isBlank())) {
            throw new IllegalArgumentException("clientTokenSource=EXPRESSION needs clientTokenExpression (a simple"
                                               + " expression, e.g. ${header.orderId}), but none was set");
        }
    }

    @Override
    protected void describe(StringBuilder out) {
        out.append(", instanceId=").append(instanceId);
        if (eventType != null) {
            out.append(", eventType=").append(eventType);
        }
        if (eventGroupId != null) {
            out.append(", eventGroupId=").append(eventGroupId);
        }
        if (datasetIdentifier != null) {
            out.append(", datasetIdentifier=").append(datasetIdentifier).append(", operationType=")
                    .append(operationType);
        }
        out.append(", preserveOrder=").append(preserveOrder);
        out.append(", maxInFlightRequests=").append(maxInFlightRequests);
        out.append(", maxPendingExchanges=").append(maxPendingExchanges);
        out.append(", coalesceRecords=").append(coalesceRecords);
        out.append(", clientTokenSource=").append(clientTokenSource);
        if (clientTokenExpression != null) {
            out.append(", clientTokenExpression=").append(clientTokenExpression);
        }
        out.append(", recordCheck=").append(recordCheck);
        if (confirmDatasetLoad) {
            out.append(", confirmDatasetLoad=true, datasetLoadTimeout=").append(datasetLoadTimeout)
                    .append("ms, datasetLoadTimeoutAction=").append(datasetLoadTimeoutAction)
                    .append(", datasetLoadPollInterval=").append(datasetLoadPollInterval)
                    .append("ms, datasetLoadMaxPollInterval=").append(datasetLoadMaxPollInterval).append("ms");
        }
        if (supplyChainClient != null) {
            out.append(", supplyChainClient=supplied");
        }
    }
}
