package io.github.camelawsevents.aws.scn;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelawsevents.aws.core.Json;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.supplychain.model.SendDataIntegrationEventRequest;

/**
 * Type converters of the component.
 * <ul>
 * <li>The AWS CLI's {@code --cli-input-json} of {@code send-data-integration-event} (text or {@link JsonNode}), and
 * Maps with the same keys, to {@link SendDataIntegrationEventRequest}. Members the JSON lacks stay unset.</li>
 * <li>Records (Map, POJO, {@link JsonNode}, Collection, JSON text) to {@link ScnEventData}, the checked {@code data}
 * text, which converts on to String. There is deliberately no converter from Map or POJO straight to String: it would
 * change every Map-to-String conversion in the CamelContext.</li>
 * </ul>
 */
@Converter(generateLoader = true)
public final class ScnEventConverters {

    private ScnEventConverters() {
    }

    /** CLI input JSON to a request. */
    @Converter
    public static SendDataIntegrationEventRequest toRequest(String cliInputJson) {
        return ScnRequests.fromJson(Json.parse(cliInputJson, "request", -1)).build();
    }

    /** CLI input JSON, as a tree, to a request. */
    @Converter
    public static SendDataIntegrationEventRequest toRequest(JsonNode cliInputJson) {
        return ScnRequests.fromJson(cliInputJson).build();
    }

    /** A Map with the keys of the CLI input JSON to a request. */
    @Converter
    public static SendDataIntegrationEventRequest toRequest(Map<?, ?> request) {
        return ScnRequests.fromJson(Json.mapper().valueToTree(request)).build();
    }

    /**
     * Records to the checked {@code data}: JSON text, a Map, POJO or {@link JsonNode} (one record; an array node is
     * many), a Collection or array of records.
     */
    @Converter
    public static ScnEventData toEventData(Object records, Exchange exchange) {
        return new ScnEventData(ScnMessageReader.records(exchange, records));
    }

    /** The {@code data} JSON text. */
    @Converter
    public static String toJson(ScnEventData data) {
        return data.json();
    }
}
