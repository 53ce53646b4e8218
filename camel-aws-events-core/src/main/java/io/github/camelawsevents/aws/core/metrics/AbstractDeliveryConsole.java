package io.github.camelawsevents.aws.core.metrics;

import java.util.List;
import java.util.Map;

import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The dev console of a component: per endpoint of the component in the context, its counters, what it has in hand and
 * its last errors (codes and AWS error text, never a payload or a secret), as text and as JSON. Each component has a
 * thin subclass annotated with {@code @DevConsole}.
 */
public abstract class AbstractDeliveryConsole extends AbstractDevConsole {

    protected AbstractDeliveryConsole(String id, String displayName, String description) {
        super("camel", id, displayName, description);
    }

    /** The component's endpoints in the context, in a stable order. */
    protected abstract List<EndpointSnapshot> endpoints();

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (EndpointSnapshot e : endpoints()) {
            DeliveryStats s = e.stats();
            sb.append(e.uri()).append(e.delivering() ? "" : " (not delivering)").append('\n');
            sb.append(String.format("    %s accepted: %d, failed: %d, retried: %d%n", e.itemUnit(), s.accepted(),
                    s.failed(), s.retried()));
            sb.append(String.format("    requests: %d (%d failed), in flight: %d, pending exchanges: %d, waiting %s: %d%n",
                    s.requests(), s.requestsFailed(), e.requestsInFlight(), e.pendingExchanges(), e.waitingUnit(),
                    e.waiting()));
            Map<String, Long> byCode = s.failedByCode();
            if (!byCode.isEmpty()) {
                sb.append("    failed by error code: ");
                byCode.forEach((code, count) -> sb.append(code).append('=').append(count).append(' '));
                sb.setLength(sb.length() - 1);
                sb.append('\n');
            }
            List<DeliveryStats.LastError> errors = s.lastErrors();
            if (!errors.isEmpty()) {
                sb.append("    last errors:\n");
                for (DeliveryStats.LastError error : errors) {
                    sb.append("        ").append(error.time()).append(' ').append(error.errorCode());
                    if (error.occurrences() > 1) {
                        sb.append(" x").append(error.occurrences()).append(" since ").append(error.firstTime());
                    }
                    sb.append(" (").append(error.items()).append(' ').append(e.itemUnit()).append("): ")
                            .append(error.message()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        JsonArray list = new JsonArray();
        for (EndpointSnapshot e : endpoints()) {
            DeliveryStats s = e.stats();
            JsonObject jo = new JsonObject();
            jo.put("uri", e.uri());
            jo.put("delivering", e.delivering());
            jo.put("itemUnit", e.itemUnit());
            jo.put("accepted", s.accepted());
            jo.put("failed", s.failed());
            jo.put("failedByErrorCode", new JsonObject(new java.util.LinkedHashMap<>(s.failedByCode())));
            jo.put("retried", s.retried());
            jo.put("requests", s.requests());
            jo.put("requestsFailed", s.requestsFailed());
            jo.put("requestsInFlight", e.requestsInFlight());
            jo.put("pendingExchanges", e.pendingExchanges());
            jo.put("waiting", e.waiting());
            jo.put("waitingUnit", e.waitingUnit());
            JsonArray errors = new JsonArray();
            for (DeliveryStats.LastError error : s.lastErrors()) {
                JsonObject je = new JsonObject();
                je.put("time", error.time().toString());
                je.put("errorCode", error.errorCode());
                je.put("items", error.items());
                je.put("message", error.message());
                je.put("occurrences", error.occurrences());
                je.put("firstTime", error.firstTime().toString());
                errors.add(je);
            }
            jo.put("lastErrors", errors);
            list.add(jo);
        }
        root.put("endpoints", list);
        return root;
    }
}
