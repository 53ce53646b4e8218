package io.github.camelawsevents.aws.scn.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.scn.AwsScnEventComponent;
import io.github.camelawsevents.aws.scn.AwsScnEventConfiguration;
import io.github.camelawsevents.aws.scn.AwsScnEventEndpoint;
import io.github.camelawsevents.aws.scn.ScnConstraints;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile endpoint options: every URI either makes an endpoint whose options are within their documented ranges
 * (and, when the options leave the connection alone, that endpoint sends a good message), or fails when the endpoint
 * is created with a message naming the option: never a NullPointerException or ClassCastException, never only at the
 * first send.
 */
class HostileOptionsPropertyTest {

    private static final Pattern INSTANCE = Pattern.compile("^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$");
    private static AwsEventsEmulator emulator;
    private static CamelContext context;
    private static ProducerTemplate template;

    @BeforeContainer
    static void start() throws Exception {
        emulator = AwsEventsEmulator.builder().start();
        context = new DefaultCamelContext();
        AwsScnEventComponent component = new AwsScnEventComponent();
        HostileMessagesPropertyTest.configure(component.getConfiguration(), emulator);
        context.addComponent("aws-scn-event", component);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterContainer
    static void stop() throws Exception {
        context.close();
        emulator.close();
    }

    @Property(tries = 300, seed = "126")
    void optionsAreValidatedWhenTheEndpointIsCreated(@ForAll("instanceIds") String instanceId,
                                                     @ForAll("options") Map<String, String> options) throws Exception {
        StringBuilder uri = new StringBuilder("aws-scn-event:").append(instanceId);
        char separator = '?';
        for (Map.Entry<String, String> option : options.entrySet()) {
            uri.append(separator).append(option.getKey()).append('=').append(option.getValue().replace(" ", "%20"));
            separator = '&';
        }
        Endpoint endpoint;
        try {
            endpoint = context.getEndpoint(uri.toString());
        } catch (RuntimeException e) {
            assertNamesAnOption(e, options);
            return;
        }
        AwsScnEventConfiguration c = ((AwsScnEventEndpoint) endpoint).getConfiguration();
        try {
            assertThat(INSTANCE.matcher(c.getInstanceId()).matches()).as("instanceId %s", c.getInstanceId()).isTrue();
            if (c.getEventType() != null) {
                assertThat(ScnConstraints.EVENT_TYPES).contains(c.getEventType());
            }
            if (c.getEventGroupId() != null) {
                assertThat(c.getEventGroupId().length()).isBetween(1, 255);
            }
            if (c.getOperationType() != null) {
                assertThat(ScnConstraints.OPERATION_TYPES).contains(c.getOperationType());
            }
            assertThat(c.getMaxInFlightRequests()).isPositive();
            assertThat(c.getClientTokenSource()).isNotNull();
            assertThat(c.getConnectionTimeout()).isNotNegative();
            assertThat(c.getReadTimeout()).isNotNegative();
            assertThat(c.getMaxAttempts()).isNotNegative();
            assertThat(c.getRetryBaseDelay()).isNotNegative();
            assertThat(c.getRetryThrottlingBaseDelay()).isNotNegative();
            assertThat(c.getRetryMaxBackoff()).isNotNegative();
            boolean complete = c.getEventType() != null && c.getEventGroupId() != null
                               && (!"scn.data.dataset".equals(c.getEventType())
                                   || c.getDatasetIdentifier() != null && c.getOperationType() != null);
            if (complete && leavesTheConnectionAlone(options)) {
                Exchange sent;
                // a fresh template: a cached producer would belong to an earlier, removed endpoint of the same URI
                try (org.apache.camel.ProducerTemplate fresh = context.createProducerTemplate()) {
                    sent = fresh.send(endpoint,
                        e -> e.getMessage().setBody(HostileMessagesPropertyTest.universalRecord()));
                }
                assertThat(sent.getException()).as("sending through %s", endpoint).isNull();
            }
        } finally {
            context.removeEndpoint(endpoint);
        }
    }

    @Example
    void theDocumentedBoundariesAreEnforced() throws Exception {
        String instance = HostileMessagesPropertyTest.INSTANCE;
        List<String> acceptedButInvalid = new ArrayList<>();
        for (String bad : List.of("eventType=scn.data.nope", "eventGroupId=" + "g".repeat(256),
                "datasetIdentifier=arn:x", "operationType=MERGE", "maxInFlightRequests=0", "maxInFlightRequests=-5",
                "clientTokenSource=RANDOM", "preserveOrder=sometimes", "eventType=scn.data.inboundorder&operationType=UPSERT",
                "connectionTimeout=-1", "readTimeout=-1", "maxAttempts=-2", "retryMode=FAST", "region=Mars%20One",
                "proxyHost=localhost&proxyPort=70000", "useSessionCredentials=true", "retryBaseDelay=-1",
                "retryMaxBackoff=-5", "retryThrottlingBaseDelay=-1", "retryCircuitBreaker=maybe",
                "retryMode=ADAPTIVE_V2&retryMaxBackoff=5000", "retryMode=ADAPTIVE&retryCircuitBreaker=false",
                "retryThrottlingBaseDelay=30s")) {
            try {
                Endpoint accepted = context.getEndpoint("aws-scn-event:" + instance + "?" + bad);
                context.removeEndpoint(accepted);
                acceptedButInvalid.add(bad);
            } catch (ResolveEndpointFailedException e) {
                Map<String, String> parsed = new LinkedHashMap<>();
                for (String pair : bad.split("&")) {
                    parsed.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
                assertNamesAnOption(e, parsed);
            }
        }
        for (String badInstance : List.of("8928AE12-15E5-4441-825D-EC2184F0A43A", "not-a-uuid",
                "8928ae12-15e5-4441-825d-ec2184f0a43", "8928ae12-15e5-4441-825d-ec2184f0a43a0")) {
            try {
                context.removeEndpoint(context.getEndpoint("aws-scn-event:" + badInstance));
                acceptedButInvalid.add(badInstance);
            } catch (ResolveEndpointFailedException e) {
                assertThat(messages(e)).contains("instanceId");
            }
        }
        assertThat(acceptedButInvalid).as("invalid options accepted at endpoint creation").isEmpty();
    }

    private static boolean leavesTheConnectionAlone(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (List.of("region", "proxyHost", "proxyPort", "proxyProtocol", "overrideEndpoint", "uriEndpointOverride",
                    "accessKey", "secretKey", "useSessionCredentials", "sessionToken", "connectionTimeout",
                    "readTimeout", "trustAllCertificates").contains(key)) {
                return false;
            }
        }
        return true;
    }

    private static void assertNamesAnOption(Throwable e, Map<String, String> options) {
        String messages = messages(e);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t).as("in the cause chain of %s", messages).isNotInstanceOf(NullPointerException.class)
                    .isNotInstanceOf(ClassCastException.class);
            if (t instanceof java.net.URISyntaxException) {
                return; // Camel refused the URI text itself, also at creation
            }
        }
        List<String> names = new ArrayList<>(options.keySet());
        names.addAll(List.of("instanceId", "datasetTarget", "proxyPort", "proxyHost", "uriEndpointOverride",
                "accessKey", "secretKey", "sessionToken", "region"));
        assertThat(names).as("an option named in: %s", messages).anyMatch(messages::contains);
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    @Provide
    Arbitrary<String> instanceIds() {
        return Arbitraries.oneOf(
                Arbitraries.just(HostileMessagesPropertyTest.INSTANCE),
                Arbitraries.of("8928AE12-15E5-4441-825D-EC2184F0A43A", "", "x", "8928ae12-15e5-4441-825d-ec2184f0a43a-",
                        "8928ae1215e54441825dec2184f0a43a", "8928ae12-15e5-4441-825d-ec2184f0a43g"),
                Arbitraries.strings().withChars("0123456789abcdef-").ofLength(36));
    }

    @Provide
    Arbitrary<Map<String, String>> options() {
        Map<String, Arbitrary<String>> values = new LinkedHashMap<>();
        Arbitrary<String> ints = Arbitraries.oneOf(Arbitraries.integers().between(-3, 70).map(String::valueOf),
                Arbitraries.of("0", "1", "-1", "2147483648", "abc", "", "1.5"));
        values.put("eventType", Arbitraries.oneOf(Arbitraries.of(ScnConstraints.EVENT_TYPES.toArray(new String[0])),
                Arbitraries.of("scn.data.nope", "", "SCN.DATA.FORECAST")));
        values.put("eventGroupId", Arbitraries.of("g", "g".repeat(255), "g".repeat(256), "", "%F0%9F%98%80"));
        values.put("datasetIdentifier", Arbitraries.of(HostileMessagesPropertyTest.DATASET,
                HostileMessagesPropertyTest.ASC_DATASET, "arn:x", ""));
        values.put("operationType", Arbitraries.of("APPEND", "UPSERT", "DELETE", "MERGE", "", "append"));
        values.put("maxInFlightRequests", ints);
        values.put("clientTokenSource", Arbitraries.of("MESSAGE_ID", "EXCHANGE_ID", "CONTENT_HASH", "NONE", "RANDOM",
                "", "message_id"));
        values.put("preserveOrder", Arbitraries.of("true", "false", "maybe"));
        values.put("retryMode", Arbitraries.of("STANDARD", "LEGACY", "ADAPTIVE", "ADAPTIVE_V2", "FAST", ""));
        values.put("maxAttempts", ints);
        Arbitrary<String> delays = Arbitraries.oneOf(ints, Arbitraries.of("200ms", "5s", "-1s", "30s", "x",
                "9223372036854775807"));
        values.put("retryCircuitBreaker", Arbitraries.of("true", "false", "maybe"));
        values.put("retryBaseDelay", delays);
        values.put("retryThrottlingBaseDelay", delays);
        values.put("retryMaxBackoff", delays);
        values.put("connectionTimeout", Arbitraries.oneOf(ints, Arbitraries.of("1s", "-1s", "x")));
        values.put("readTimeout", Arbitraries.oneOf(ints, Arbitraries.of("30s", "-5", "PT1S")));
        values.put("proxyHost", Arbitraries.of("127.0.0.1", "", " "));
        values.put("proxyPort", Arbitraries.oneOf(ints, Arbitraries.of("65535", "65536", "0")));
        values.put("region", Arbitraries.of("us-east-1", "Mars One", "", "eu-west-1"));
        values.put("overrideEndpoint", Arbitraries.of("true", "false"));
        values.put("uriEndpointOverride", Arbitraries.of("http://127.0.0.1:1", "", "nope", "http://"));
        values.put("useSessionCredentials", Arbitraries.of("true", "false"));
        Arbitrary<List<String>> keys = Arbitraries.of(values.keySet().toArray(new String[0])).list().uniqueElements()
                .ofMaxSize(4);
        Arbitrary<Map<String, String>> random = keys.flatMap(chosen -> {
            Arbitrary<Map<String, String>> result = Arbitraries.just(new LinkedHashMap<>());
            for (String key : chosen) {
                result = result.flatMap(m -> values.get(key).map(v -> {
                    Map<String, String> next = new LinkedHashMap<>(m);
                    next.put(key, v);
                    return next;
                }));
            }
            return result;
        });
        // often a usable base (type and group), so the send phase runs too
        return random.flatMap(m -> Arbitraries.of(true, false).map(withBase -> {
            Map<String, String> out = new LinkedHashMap<>();
            if (withBase) {
                out.put("eventType", "scn.data.inboundorder");
                out.put("eventGroupId", "g");
            }
            out.putAll(m);
            return out;
        }));
    }
}
