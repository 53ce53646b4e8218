package io.github.camelawsevents.aws.scn;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.EventTimestamps;
import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.core.Json;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.supplychain.model.DataIntegrationEventDatasetTargetConfiguration;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventRequest;

/**
 * Turns one Camel message into the requests it stands for, checking everything the service would check first.
 * <p>
 * Body kinds: JSON text ({@code String}, {@code byte[]}, {@code InputStream}, {@code Reader}, a file; UTF-8) of one
 * record (object) or many (array of objects); a Map, POJO or Jackson {@link JsonNode} (one record; an array node is
 * many); a
 * Collection or array of records; {@link ScnEventData}; a ready {@link SendDataIntegrationEventRequest}; or a request
 * in JSON form (CLI input) — any object, as text, {@link JsonNode} or Map, with both an {@code eventType} and a
 * {@code data} key.
 * <p>
 * Precedence: for records, a header wins over the endpoint option. A request body is complete on its own: its
 * members are kept, and only the members it lacks come from the headers, then the options.
 */
final class ScnMessageReader {

    private static final Logger LOG = LoggerFactory.getLogger(ScnMessageReader.class);
    /** Unknown columns warned about at most once each, up to this many (column names, never values). */
    private static final int MAX_WARNED_COLUMNS = 1024;

    private final AwsScnEventConfiguration config;
    private final DatasetSchemas datasetSchemas;
    private final Set<String> warnedColumns = ConcurrentHashMap.newKeySet();

    ScnMessageReader(AwsScnEventConfiguration config) {
        this(config, null);
    }

    /**
     * @param datasetSchemas the dataset schemas read so far, for the record check of scn.data.dataset events; may be
     *                       null when the check is off
     */
    ScnMessageReader(AwsScnEventConfiguration config, DatasetSchemas datasetSchemas) {
        this.config = config;
        this.datasetSchemas = datasetSchemas;
    }

    /**
     * @throws FieldValidationException when the message could not be sent as it is
     */
    OutgoingEvents read(Exchange exchange) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        if (body == null) {
            throw FieldValidationException.missing("data", -1);
        }
        if (body instanceof SendDataIntegrationEventRequest request) {
            return complete(exchange, request.toBuilder());
        }
        if (body instanceof ScnEventData data) {
            return fromRecords(exchange, data.records());
        }
        // the record check runs in the records' scan, against the target the headers and options name (a request
        // body names its own target and is scanned again in complete)
        DataRecords records = records(exchange, body, recordCheck(
                header(message, AwsScnEventConstants.EVENT_TYPE, config.getEventType()),
                header(message, AwsScnEventConstants.DATASET_IDENTIFIER, config.getDatasetIdentifier()),
                header(message, AwsScnEventConstants.DATASET_OPERATION_TYPE, config.getOperationType())));
        return records.isRequestShaped()
                ? complete(exchange, ScnRequests.fromJson(Json.parse(records.text(), "request", -1)))
                : fromRecords(exchange, records);
    }

    /**
     * The records of a body that is not a ready request: JSON text (also as bytes, stream or file), a Map, POJO or
     * {@link JsonNode}, a Collection or array of records, or {@link ScnEventData}.
     *
     * @param exchange the exchange, for reading a file body; may be null
     */
    static DataRecords records(Exchange exchange, Object body) {
        return records(exchange, body, null);
    }

    /**
     * {@link #records(Exchange, Object)}, checking the records in the same scan when they are read here (see
     * {@link DataRecords#scan(String, RecordCheck)}).
     *
     * @param check the record check, or null for none
     */
    static DataRecords records(Exchange exchange, Object body, RecordCheck check) {
        if (body == null) {
            throw FieldValidationException.missing("data", -1);
        }
        if (body instanceof ScnEventData data) {
            return data.records();
        }
        if (body instanceof SendDataIntegrationEventRequest request) {
            return DataRecords.scan(request.data(), check);
        }
        if (body instanceof Collection<?> records) {
            return DataRecords.ofRecords(recordTexts(exchange, records), check);
        }
        if (body instanceof Object[] records) {
            return DataRecords.ofRecords(recordTexts(exchange, Arrays.asList(records)), check);
        }
        String text = jsonText(exchange, body);
        // JsonNode, Map and POJO: one record (an array node: many)
        return DataRecords.scan(text != null ? text : Json.toJsonText(body, "data", -1), check);
    }

    /** Records with the event members from headers, then options; split into as many events as the data needs. */
    private OutgoingEvents fromRecords(Exchange exchange, DataRecords records) {
        Message message = exchange.getMessage();
        String instanceId = config.getInstanceId();
        String eventType = ScnConstraints.checkEventType(
                header(message, AwsScnEventConstants.EVENT_TYPE, config.getEventType()));
        String groupId = ScnConstraints.checkEventGroupId(
                header(message, AwsScnEventConstants.EVENT_GROUP_ID, config.getEventGroupId()));
        String datasetId = header(message, AwsScnEventConstants.DATASET_IDENTIFIER, config.getDatasetIdentifier());
        String operation = header(message, AwsScnEventConstants.DATASET_OPERATION_TYPE, config.getOperationType());
        ScnConstraints.checkDatasetTarget(eventType, datasetId, operation);
        Instant timestamp = ScnRequests.toInstant(message.getHeader(AwsScnEventConstants.EVENT_TIMESTAMP));
        String givenToken = message.getHeader(AwsScnEventConstants.CLIENT_TOKEN, String.class);
        if (ScnConstraints.targetsAscNamespace(eventType, datasetId)) {
            records.checkNoConnectionId();
        }
        checkRecords(records, eventType, datasetId, operation);
        List<DataRecords.EventData> events = records.events(ScnConstraints.DATA_MAX_LENGTH);
        List<String> data = events.stream().map(DataRecords.EventData::data).toList();

        List<SendDataIntegrationEventRequest> requests = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            SendDataIntegrationEventRequest.Builder b = SendDataIntegrationEventRequest.builder()
                    .instanceId(instanceId)
                    .eventType(eventType)
                    .eventGroupId(groupId)
                    .data(data.get(i))
                    .eventTimestamp(timestamp)
                    .clientToken(givenToken != null
                            ? ClientTokens.fromGiven(givenToken, i, data.size())
                            : derivedToken(exchange, instanceId, eventType, groupId, datasetId, operation, i,
                                    data.get(i)));
            if (datasetId != null) {
                b.datasetTarget(t -> t.datasetIdentifier(datasetId).operationType(operation));
            }
            requests.add(b.build());
        }
        return new OutgoingEvents(new EventGroupKey(instanceId, eventType, groupId), requests,
                events.stream().map(DataRecords.EventData::records).toList(), true);
    }

    /** A request body: its own members first, then headers, then options; one event, never split. */
    private OutgoingEvents complete(Exchange exchange, SendDataIntegrationEventRequest.Builder b) {
        Message message = exchange.getMessage();
        SendDataIntegrationEventRequest given = b.build();
        String instanceId = ScnConstraints.checkInstanceId(
                given.instanceId() != null ? given.instanceId() : config.getInstanceId());
        String eventType = ScnConstraints.checkEventType(given.eventTypeAsString() != null
                ? given.eventTypeAsString()
                : header(message, AwsScnEventConstants.EVENT_TYPE, config.getEventType()));
        String groupId = ScnConstraints.checkEventGroupId(given.eventGroupId() != null
                ? given.eventGroupId()
                : header(message, AwsScnEventConstants.EVENT_GROUP_ID, config.getEventGroupId()));
        DataIntegrationEventDatasetTargetConfiguration target = given.datasetTarget();
        String datasetId = target != null
                ? target.datasetIdentifier()
                : header(message, AwsScnEventConstants.DATASET_IDENTIFIER, config.getDatasetIdentifier());
        String operation = target != null
                ? target.operationTypeAsString()
                : header(message, AwsScnEventConstants.DATASET_OPERATION_TYPE, config.getOperationType());
        ScnConstraints.checkDatasetTarget(eventType, datasetId, operation);
        String data = given.data();
        if (data == null) {
            throw FieldValidationException.missing("data", -1);
        }
        DataRecords records = DataRecords.scan(data, recordCheck(eventType, datasetId, operation));
        if (ScnConstraints.targetsAscNamespace(eventType, datasetId)) {
            records.checkNoConnectionId();
        }
        checkRecords(records, eventType, datasetId, operation);
        if (ScnConstraints.length(data) > ScnConstraints.DATA_MAX_LENGTH) {
            throw FieldValidationException.tooLong("data", ScnConstraints.DATA_MAX_LENGTH,
                    ScnConstraints.length(data), "characters (a request body is one event and is not split)", -1);
        }

        b.instanceId(instanceId).eventType(eventType).eventGroupId(groupId);
        if (given.eventTimestamp() != null) {
            // a request's own timestamp: the same range as a header's (years 0000 to 9999)
            EventTimestamps.inRange(given.eventTimestamp(), "eventTimestamp", -1);
        } else {
            b.eventTimestamp(ScnRequests.toInstant(message.getHeader(AwsScnEventConstants.EVENT_TIMESTAMP)));
        }
        if (target == null && datasetId != null) {
            b.datasetTarget(t -> t.datasetIdentifier(datasetId).operationType(operation));
        }
        if (given.clientToken() != null) {
            ScnConstraints.checkClientToken(given.clientToken());
        } else {
            String givenToken = message.getHeader(AwsScnEventConstants.CLIENT_TOKEN, String.class);
            b.clientToken(givenToken != null
                    ? ClientTokens.fromGiven(givenToken, 0, 1)
                    : derivedToken(exchange, instanceId, eventType, groupId, datasetId, operation, 0, data));
        }
        return new OutgoingEvents(new EventGroupKey(instanceId, eventType, groupId), List.of(b.build()),
                List.of(records.count()), false);
    }

    /**
     * The record check (option recordCheck): the records against the schema shipped for a fixed event type, or the
     * dataset's schema read with GetDataLakeDataset.
     *
     * @throws RecordCheckException         for the first record that breaks a rule
     * @throws DatasetSchemaNeededException when the dataset's schema has not been read yet (the producer reads it
     *                                      asynchronously, then reads the message again)
     */
    private void checkRecords(DataRecords records, String eventType, String datasetId, String operation) {
        RecordCheckMode mode = config.getRecordCheck();
        if (mode == null || mode == RecordCheckMode.OFF) {
            return;
        }
        RecordCheck check = recordCheck(eventType, datasetId, operation);
        if (check == null) {
            if (ScnConstraints.DATASET_EVENT_TYPE.equals(eventType)) {
                throw new DatasetSchemaNeededException(datasetId);
            }
            return;
        }
        // found in the records' scan when it was made with this check
        Set<String> unknown = records.check(check);
        RecordSchema schema = check.schema();
        for (String column : unknown) {
            String key = schema.name() + "#" + column;
            if (warnedColumns.size() < MAX_WARNED_COLUMNS && warnedColumns.add(key)) {
                LOG.warn("Records for {} carry the column {}, which its schema does not know (shipped schemas as of"
                         + " {}): sent anyway (recordCheck=WARN_UNKNOWN; STRICT refuses them). Warned once per"
                         + " column.", schema.name(), column, AscEntitySchemas.shipped().asOf());
            }
        }
    }

    /**
     * The record check of a target, or null: with recordCheck=OFF, for an event type without a shipped schema, and
     * for a dataset whose schema has not been read yet.
     */
    private RecordCheck recordCheck(String eventType, String datasetId, String operation) {
        RecordCheckMode mode = config.getRecordCheck();
        if (mode == null || mode == RecordCheckMode.OFF || eventType == null) {
            return null;
        }
        RecordSchema schema;
        if (ScnConstraints.DATASET_EVENT_TYPE.equals(eventType)) {
            schema = datasetSchemas != null && datasetId != null ? datasetSchemas.cached(datasetId) : null;
        } else {
            schema = AscEntitySchemas.shipped().forEventType(eventType);
        }
        return schema != null ? new RecordCheck(schema, mode, "DELETE".equals(operation)) : null;
    }

    private String derivedToken(Exchange exchange, String instanceId, String eventType, String groupId,
                                String datasetId, String operation, int index, String data) {
        String identity;
        switch (config.getClientTokenSource()) {
            case MESSAGE_ID -> identity = exchange.getMessage().getMessageId();
            case EXCHANGE_ID -> identity = exchange.getExchangeId();
            case CONTENT_HASH -> identity = null;
            case KAFKA_RECORD -> identity = ClientTokenSource.kafkaRecordIdentity(exchange.getMessage());
            case EXPRESSION -> identity = ClientTokenSource.expressionIdentity(exchange, config.getClientTokenExpression());
            default -> {
                return null;
            }
        }
        return ClientTokens.derive(identity, instanceId, eventType, groupId, datasetId, operation, index, data);
    }

    private static String header(Message message, String name, String fallback) {
        Object value = message.getHeader(name);
        // SDK enums print their wire value
        return value != null ? value.toString() : fallback;
    }

    /** The JSON text of a text-like body, or null when the body is an object to serialise. */
    private static String jsonText(Exchange exchange, Object body) {
        if (body instanceof CharSequence || body instanceof byte[]) {
            // bytes must be UTF-8: refused with the field, not replaced by U+FFFD
            return Json.toJsonText(body, "data", -1);
        }
        if (body instanceof InputStream || body instanceof Reader) {
            String text = read(body);
            if (body instanceof StreamCache cache) {
                // so a redelivery reads it again
                cache.reset();
            }
            return text;
        }
        if (body instanceof WrappedFile<?> && exchange != null) {
            byte[] bytes = exchange.getContext().getTypeConverter().convertTo(byte[].class, exchange, body);
            if (bytes == null) {
                throw new UncheckedIOException(new IOException("Cannot read the file body " + body));
            }
            return Json.utf8(bytes, "data", -1);
        }
        return null;
    }

    private static String read(Object stream) {
        if (stream instanceof InputStream in) {
            return Json.toJsonText(in, "data", -1);
        }
        try {
            StringWriter out = new StringWriter();
            ((Reader) stream).transferTo(out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each element of a collection body as the JSON text of one record. */
    private static List<String> recordTexts(Exchange exchange, Collection<?> records) {
        List<String> texts = new ArrayList<>(records.size());
        int index = 0;
        for (Object record : records) {
            if (record == null) {
                throw new FieldValidationException("data", "a record (JSON object) in every element", "null", index);
            }
            String text;
            try {
                text = jsonText(exchange, record);
                texts.add(text != null ? text : Json.toJsonText(record, "data", index));
            } catch (FieldValidationException e) {
                throw new FieldValidationException("data", e.getLimit(), e.getActual(), index);
            }
            index++;
        }
        return texts;
    }
}
