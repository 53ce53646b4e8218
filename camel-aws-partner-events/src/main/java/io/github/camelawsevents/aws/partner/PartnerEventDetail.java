package io.github.camelawsevents.aws.partner;

import java.util.Objects;

/**
 * The Detail of a partner event: one JSON text, exactly as it is sent. What the type converters turn a record (Map,
 * POJO, {@code JsonNode}) into, so that {@code convertBodyTo(PartnerEventDetail.class)} gives the JSON text without
 * changing how Maps or POJOs convert to {@code String} elsewhere in the CamelContext. The producer takes it as a
 * body, and {@link #toString()} (and the converter to String) gives the JSON text.
 *
 * @param json the JSON text (not checked here; the producer checks it before sending)
 */
public record PartnerEventDetail(String json) {

    public PartnerEventDetail {
        Objects.requireNonNull(json, "json");
    }

    @Override
    public String toString() {
        return json;
    }
}
