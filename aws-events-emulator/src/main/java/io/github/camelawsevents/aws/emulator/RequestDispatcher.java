package io.github.camelawsevents.aws.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Routes one HTTP request to its operation and runs it through the emulator's stages: dropped connection,
 * signature check, throttling and server-error faults, the operation itself, lost response or error after
 * store, latency. Returns what the I/O layer should do; does no I/O itself.
 */
final class RequestDispatcher {

    private static final String AMZ_TARGET_PREFIX = "AWSEvents.";

    private final SupplyChainApi supplyChain;
    private final PartnerEventsApi partnerEvents;
    private final InspectionEndpoint inspection;
    private final SigV4Verifier verifier;
    private final FaultInjector faults;
    private final StatsRecorder stats;
    private final Clock clock;

    RequestDispatcher(SupplyChainApi supplyChain, PartnerEventsApi partnerEvents, InspectionEndpoint inspection,
            SigV4Verifier verifier, FaultInjector faults, StatsRecorder stats, Clock clock) {
        this.clock = clock;
        this.supplyChain = supplyChain;
        this.partnerEvents = partnerEvents;
        this.inspection = inspection;
        this.verifier = verifier;
        this.faults = faults;
        this.stats = stats;
    }

    /** The emulator's clock: the {@code Date} of every answer and the signature window are measured against it. */
    Clock clock() {
        return clock;
    }

    /** What to do with a request: answer (maybe after a delay), or close the connection without an answer. */
    record Reply(Operation operation, ApiResponse response, long delayNanos) {
        static Reply closeConnection(Operation operation, long delayNanos) {
            return new Reply(operation, null, delayNanos);
        }

        boolean closesConnection() {
            return response == null;
        }
    }

    Reply dispatch(String method, String rawUri, HttpHeaders headers, ByteBuf content) {
        int q = rawUri.indexOf('?');
        String path = q < 0 ? rawUri : rawUri.substring(0, q);
        if (path.equals(InspectionEndpoint.PREFIX) || path.startsWith(InspectionEndpoint.PREFIX + "/")) {
            QueryStringDecoder decoder = new QueryStringDecoder(rawUri);
            String inspectionPath;
            Map<String, List<String>> query;
            try {
                inspectionPath = decoder.path();
                query = decoder.parameters();
            } catch (IllegalArgumentException malformedPercentEncoding) {
                return new Reply(null, WireProtocol.REST_JSON_1.error("ValidationException", 400,
                        "Malformed percent-encoding in " + abbreviate(rawUri)), 0);
            }
            return new Reply(null, inspection.handle(method, inspectionPath, query, bytes(content)), 0);
        }

        Route route = route(method, path, rawUri, headers);
        Operation op = route.operation;
        if (op == Operation.UNKNOWN_PATH || op == Operation.UNKNOWN_TARGET) {
            String message = op == Operation.UNKNOWN_TARGET
                    ? "Unknown operation " + headers.get("X-Amz-Target")
                    : "No operation serves " + method + " " + path;
            return new Reply(op, reject(op, new AwsServiceError("UnknownOperationException",
                    op == Operation.UNKNOWN_TARGET ? 400 : 404, message)), 0);
        }

        Api api = op.api;
        FaultDecision decision;
        if (api != null) {
            stats.request(api);
            decision = faults.decide(api);
        } else {
            stats.readRequest();
            decision = FaultDecision.NONE;
        }
        if (decision.dropConnection) {
            stats.fault(FaultKind.DROPPED_CONNECTION);
            return Reply.closeConnection(op, 0);
        }
        long latency = decision.latencyNanos;
        if (latency > 0) {
            stats.fault(FaultKind.LATENCY_ADDED);
        }

        byte[] body = bytes(content);
        if (verifier != null) {
            AwsServiceError authError = verifier.verify(method, rawUri, headers, body, op.signingName,
                    op.unknownAccessKeyErrorType());
            if (authError != null) {
                return new Reply(op, reject(op, authError), latency);
            }
        }

        if (api != null) {
            FaultKind throttled = decision.admission(api);
            if (throttled == null && decision.throttle) {
                throttled = FaultKind.REQUEST_THROTTLED;
            }
            if (throttled != null) {
                stats.fault(throttled);
                return new Reply(op, reject(op, new AwsServiceError("ThrottlingException", op.throttlingStatus(),
                        "Rate exceeded (injected fault: " + throttled + ")")), latency);
            }
            if (decision.serverError) {
                stats.fault(FaultKind.SERVER_ERROR);
                return new Reply(op, reject(op, new AwsServiceError(op.internalErrorType(), 500,
                        "Internal service error (injected fault)")), latency);
            }
        }

        if (body.length > 0 && op.api != null && !op.protocol.acceptsContentType(headers.get("Content-Type"))) {
            String given = headers.get("Content-Type");
            return new Reply(op, reject(op, new AwsServiceError("UnsupportedMediaTypeException", 415,
                    "The request body must be " + op.protocol.contentType + ", but the Content-Type was "
                            + (given == null ? "missing" : "'" + abbreviate(given) + "'"))), latency);
        }

        ApiResponse response;
        try {
            response = switch (op) {
                case SEND_DATA_INTEGRATION_EVENT -> supplyChain.send(route.instanceId, body);
                case GET_DATA_INTEGRATION_EVENT -> supplyChain.get(route.instanceId, route.eventId);
                case LIST_DATA_INTEGRATION_EVENTS -> supplyChain.list(route.instanceId, queryOf(rawUri));
                case CREATE_DATA_LAKE_DATASET -> supplyChain.createDataset(route.instanceId, route.namespace,
                        route.eventId, body);
                case GET_DATA_LAKE_DATASET -> supplyChain.getDataset(route.instanceId, route.namespace, route.eventId);
                case PUT_PARTNER_EVENTS -> partnerEvents.putPartnerEvents(body, decision, sdkCall(headers));
                case PUT_EVENTS -> partnerEvents.putEvents(body, decision, sdkCall(headers));
                default -> throw new IllegalStateException("not routable: " + op);
            };
        } catch (AwsServiceError e) {
            return new Reply(op, reject(op, e), latency);
        }

        if (api != null) {
            stats.accepted(api);
            if (decision.lostResponse) {
                stats.fault(FaultKind.LOST_RESPONSE);
                return Reply.closeConnection(op, latency);
            }
            if (decision.errorAfterStore) {
                stats.fault(FaultKind.ERROR_AFTER_STORE);
                response = op.protocol.error(op.internalErrorType(), 500,
                        "Internal service error after the request was stored (injected fault)");
            }
        }
        return new Reply(op, response, latency);
    }

    private static PartnerEventsApi.SdkCall sdkCall(HttpHeaders headers) {
        return PartnerEventsApi.SdkCall.of(headers.get("amz-sdk-invocation-id"), headers.get("amz-sdk-request"));
    }

    /** Records and renders an error answered without storing anything. */
    private ApiResponse reject(Operation op, AwsServiceError error) {
        stats.rejected(op.api, op.awsName, error.status(), error.errorType(), error.getMessage());
        return op.protocol.error(error);
    }

    /** Records and renders the answer to a request whose HTTP framing could not be read. */
    ApiResponse rejectMalformed(Throwable cause) {
        String reason = cause == null ? "unreadable request"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        String message = "Malformed HTTP request (" + abbreviate(reason) + ")";
        stats.rejected(null, Operation.UNKNOWN_PATH.awsName, 400, WireProtocol.BAD_REQUEST, message);
        return WireProtocol.protocolNeutralError(WireProtocol.BAD_REQUEST, 400, message);
    }

    /** Records and renders the answer to a request that stopped arriving before it was complete. */
    ApiResponse rejectIncomplete() {
        String message = "The request was not received completely within the request timeout";
        stats.rejected(null, Operation.UNKNOWN_PATH.awsName, 408, WireProtocol.REQUEST_TIMEOUT, message);
        return WireProtocol.protocolNeutralError(WireProtocol.REQUEST_TIMEOUT, 408, message);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }

    /** Records a request the HTTP layer refused for its size (over the aggregator's limit). */
    ApiResponse rejectOversized(String method, String rawUri, HttpHeaders headers, int maxBytes) {
        int q = rawUri.indexOf('?');
        Operation op = route(method, q < 0 ? rawUri : rawUri.substring(0, q), rawUri, headers).operation;
        if (op.api != null) {
            stats.request(op.api);
        }
        return reject(op, AwsServiceError.tooLarge("The request body is larger than " + maxBytes + " bytes"));
    }

    private static Route route(String method, String path, String rawUri, HttpHeaders headers) {
        String target = headers.get("X-Amz-Target");
        if (target != null && "/".equals(path)) {
            if (!"POST".equals(method)) {
                return new Route(Operation.UNKNOWN_PATH, null, null);
            }
            return switch (target) {
                case AMZ_TARGET_PREFIX + "PutPartnerEvents" -> new Route(Operation.PUT_PARTNER_EVENTS, null, null);
                case AMZ_TARGET_PREFIX + "PutEvents" -> new Route(Operation.PUT_EVENTS, null, null);
                default -> new Route(Operation.UNKNOWN_TARGET, null, null);
            };
        }
        if (path.startsWith(SupplyChainApi.PATH_PREFIX)) {
            String[] rest = path.substring(SupplyChainApi.PATH_PREFIX.length()).split("/", -1);
            if (rest.length >= 2 && rest.length <= 3 && SupplyChainApi.EVENTS_SEGMENT.equals(rest[1])
                    && !rest[0].isEmpty()) {
                String instanceId;
                String eventId;
                try {
                    instanceId = QueryStringDecoder.decodeComponent(rest[0]);
                    eventId = rest.length == 3 ? QueryStringDecoder.decodeComponent(rest[2]) : null;
                } catch (IllegalArgumentException malformedPercentEncoding) {
                    return new Route(Operation.UNKNOWN_PATH, null, null);
                }
                if (rest.length == 2 && "POST".equals(method)) {
                    return new Route(Operation.SEND_DATA_INTEGRATION_EVENT, instanceId, null);
                }
                if (rest.length == 2 && "GET".equals(method)) {
                    return new Route(Operation.LIST_DATA_INTEGRATION_EVENTS, instanceId, null);
                }
                if (rest.length == 3 && "GET".equals(method) && !rest[2].isEmpty()) {
                    return new Route(Operation.GET_DATA_INTEGRATION_EVENT, instanceId, eventId);
                }
            }
        }
        if (path.startsWith(SupplyChainApi.DATASETS_PREFIX)) {
            // {instanceId}/namespaces/{namespace}/datasets/{name}
            String[] rest = path.substring(SupplyChainApi.DATASETS_PREFIX.length()).split("/", -1);
            if (rest.length == 5 && "namespaces".equals(rest[1]) && "datasets".equals(rest[3]) && !rest[0].isEmpty()
                    && !rest[2].isEmpty() && !rest[4].isEmpty()) {
                try {
                    String instanceId = QueryStringDecoder.decodeComponent(rest[0]);
                    String namespace = QueryStringDecoder.decodeComponent(rest[2]);
                    String name = QueryStringDecoder.decodeComponent(rest[4]);
                    if ("PUT".equals(method)) {
                        return new Route(Operation.CREATE_DATA_LAKE_DATASET, instanceId, name, namespace);
                    }
                    if ("GET".equals(method)) {
                        return new Route(Operation.GET_DATA_LAKE_DATASET, instanceId, name, namespace);
                    }
                } catch (IllegalArgumentException malformedPercentEncoding) {
                    return new Route(Operation.UNKNOWN_PATH, null, null);
                }
            }
        }
        return new Route(Operation.UNKNOWN_PATH, null, null);
    }

    private static Map<String, List<String>> queryOf(String rawUri) {
        try {
            return new QueryStringDecoder(rawUri).parameters();
        } catch (IllegalArgumentException malformedPercentEncoding) {
            throw AwsServiceError.validation("The query string is not valid percent-encoded text");
        }
    }

    private static byte[] bytes(ByteBuf content) {
        return content == null || !content.isReadable() ? new byte[0] : ByteBufUtil.getBytes(content);
    }

    /** {@code eventId} is the dataset name for the dataset operations. */
    private record Route(Operation operation, String instanceId, String eventId, String namespace) {
        Route(Operation operation, String instanceId, String eventId) {
            this(operation, instanceId, eventId, null);
        }
    }
}
