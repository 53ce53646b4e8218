package io.github.camelawsevents.aws.partner.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.partner.AwsPartnerEventsComponent;
import io.github.camelawsevents.aws.partner.AwsPartnerEventsConfiguration;
import io.github.camelawsevents.aws.partner.AwsPartnerEventsEndpoint;
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
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile endpoint options: every URI either makes an endpoint whose options are all within their documented ranges
 * (and, for the options that do not change where requests go, that endpoint sends a good message), or fails when the
 * endpoint is created, with a message naming the option, never with a NullPointerException or ClassCastException and
 * never only at the first send.
 */
class HostileOptionsPropertyTest {

    private static final Pattern SOURCE = Pattern.compile("^aws\\.partner(/[\\.\\-_A-Za-z0-9]+){2,}$");
    private static AwsEventsEmulator emulator;
    private static CamelContext context;
    private static org.apache.camel.ProducerTemplate template;

    @BeforeContainer
    static void start() throws Exception {
        emulator = AwsEventsEmulator.builder().start();
        context = new DefaultCamelContext();
        AwsPartnerEventsComponent component = new AwsPartnerEventsComponent();
        HostileMessagesPropertyTest.configure(component.getConfiguration(), emulator);
        context.addComponent("aws-partner-events", component);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterContainer
    static void stop() throws Exception {
        context.close();
        emulator.close();
    }

    @Property(tries = 300, seed = "1986")
    void optionsAreValidatedWhenTheEndpointIsCreated(@ForAll("eventSources") String eventSource,
                                                     @ForAll("options") Map<String, String> options)
            throws Exception {
        StringBuilder uri = new StringBuilder("aws-partner-events:").append(eventSource);
        char separator = '?';
        for (Map.Entry<String, String> option : options.entrySet()) {
            // a raw space is no URI character (Camel refuses the URI itself); encode it as a user would
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
        assertThat(endpoint).isInstanceOf(AwsPartnerEventsEndpoint.class);
        AwsPartnerEventsConfiguration c = ((AwsPartnerEventsEndpoint) endpoint).getConfiguration();
        try {
            assertThat(SOURCE.matcher(c.getEventSource()).matches()).as("eventSource %s", c.getEventSource()).isTrue();
            assertThat(c.getEventSource().length()).isLessThanOrEqualTo(256);
            assertThat(c.getMaxEntriesPerRequest()).isBetween(1, 20);
            assertThat(c.getMaxRequestSizeBytes()).isGreaterThanOrEqualTo(2);
            assertThat(c.getEntryRetryAttempts()).isNotNegative();
            assertThat(c.getEntryRetryBackoff()).isNotNegative();
            assertThat(c.getEntryRetryMaxBackoff()).isGreaterThanOrEqualTo(c.getEntryRetryBackoff());
            assertThat(c.getMaxInFlightRequests()).isPositive();
            assertThat(c.getConnectionTimeout()).isNotNegative();
            assertThat(c.getReadTimeout()).isNotNegative();
            assertThat(c.getMaxAttempts()).isNotNegative();
            assertThat(c.getRetryBaseDelay()).isNotNegative();
            assertThat(c.getRetryThrottlingBaseDelay()).isNotNegative();
            assertThat(c.getRetryMaxBackoff()).isNotNegative();
            if (c.getDetailType() != null) {
                assertThat(c.getDetailType().codePointCount(0, c.getDetailType().length())).isBetween(1, 128);
            }
            if (sendsWithoutNetworkChanges(options) && c.getDetailType() != null) {
                // created, so it must work: a good message goes through it
                Exchange sent;
                // a fresh template: a cached producer would belong to an earlier, removed endpoint of the same URI
                try (org.apache.camel.ProducerTemplate fresh = context.createProducerTemplate()) {
                    sent = fresh.send(endpoint,
                        e -> e.getMessage().setBody("{\"ok\":1}"));
                }
                assertThat(sent.getException()).as("sending through %s", endpoint).isNull();
            }
        } finally {
            context.removeEndpoint(endpoint);
        }
    }

    @Example
    void theDocumentedBoundariesAreEnforced() throws Exception {
        List<String> acceptedButInvalid = new ArrayList<>();
        for (String bad : List.of("maxEntriesPerRequest=0", "maxEntriesPerRequest=21", "maxEntriesPerRequest=-1",
                "maxRequestSizeBytes=1", "maxRequestSizeBytes=-262144", "entryRetryAttempts=-1",
                "entryRetryBackoff=-1", "entryRetryBackoff=10&entryRetryMaxBackoff=9", "maxInFlightRequests=0",
                "connectionTimeout=-1", "readTimeout=-5", "maxAttempts=-1", "proxyHost=h&proxyPort=0",
                "proxyHost=h&proxyPort=65536", "proxyHost=h", "retryMode=SOMETIMES", "proxyProtocol=FTP",
                "region=EU WEST", "detailType=" + "x".repeat(129), "overrideEndpoint=true&uriEndpointOverride=",
                "failOnPartialFailure=maybe", "useSessionCredentials=true",
                "useSessionCredentials=true&accessKey=a&secretKey=b", "retryBaseDelay=-1", "retryMaxBackoff=-5",
                "retryThrottlingBaseDelay=-1", "retryCircuitBreaker=maybe",
                "retryMode=ADAPTIVE_V2&retryCircuitBreaker=false", "retryMode=ADAPTIVE&maxAttempts=3",
                "retryMode=STANDARD&retryBaseDelay=2s&retryMaxBackoff=1s")) {
            String uri = "aws-partner-events:" + HostileMessagesPropertyTest.SOURCE + "?" + bad.replace(" ", "%20");
            try {
                Endpoint accepted = context.getEndpoint(uri);
                context.removeEndpoint(accepted);
                acceptedButInvalid.add(bad);
            } catch (ResolveEndpointFailedException e) {
                assertNamesAnOption(e, parse(bad));
            }
        }
        assertThat(acceptedButInvalid).as("invalid options accepted at endpoint creation").isEmpty();
        for (String good : List.of("maxEntriesPerRequest=1", "maxEntriesPerRequest=20", "maxRequestSizeBytes=2",
                "entryRetryAttempts=0", "entryRetryBackoff=0&entryRetryMaxBackoff=0", "maxInFlightRequests=1",
                "connectionTimeout=0", "readTimeout=0", "maxAttempts=0", "detailType=" + "x".repeat(128),
                "retryBaseDelay=0&retryThrottlingBaseDelay=0&retryMaxBackoff=0&retryCircuitBreaker=true",
                "retryMode=LEGACY&retryCircuitBreaker=false&retryMaxBackoff=5s")) {
            Endpoint endpoint = context.getEndpoint("aws-partner-events:" + HostileMessagesPropertyTest.SOURCE + "?"
                                                    + good);
            assertThat(endpoint).as(good).isNotNull();
            context.removeEndpoint(endpoint);
        }
        assertThatThrownBy(() -> context.getEndpoint("aws-partner-events:aws.partner/x/" + "y".repeat(243)))
                .satisfies(e -> assertThat(messages(e)).contains("Source"));
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    private static boolean sendsWithoutNetworkChanges(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (List.of("region", "proxyHost", "proxyPort", "proxyProtocol", "overrideEndpoint", "uriEndpointOverride",
                    "accessKey", "secretKey", "useSessionCredentials", "sessionToken", "connectionTimeout",
                    "readTimeout", "maxRequestSizeBytes", "failOnPartialFailure", "trustAllCertificates")
                    .contains(key)) {
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
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.URISyntaxException) {
                // Camel refused the URI text itself (e.g. a NUL or raw space in it), also at creation
                return;
            }
        }
        List<String> names = new ArrayList<>(options.keySet());
        names.addAll(List.of("Source", "eventSource", "DetailType", "Resources", "proxyPort", "proxyHost",
                "uriEndpointOverride", "accessKey", "secretKey", "sessionToken", "region"));
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
    Arbitrary<String> eventSources() {
        return Arbitraries.oneOf(
                Arbitraries.just(HostileMessagesPropertyTest.SOURCE),
                Arbitraries.of("aws.partner/a/b", "aws.partner/a", "aws.partner", "x/y/z", "aws.partner/a/b/",
                        "aws.partner/x/" + "y".repeat(242), "aws.partner/x/" + "y".repeat(243), "aws.partner/%20/b",
                        "aws.partner/a/b%00"),
                Arbitraries.strings().withChars("abcxyz./-_").ofMinLength(1).ofMaxLength(30));
    }

    @Provide
    Arbitrary<Map<String, String>> options() {
        Map<String, Arbitrary<String>> values = new LinkedHashMap<>();
        Arbitrary<String> ints = Arbitraries.oneOf(Arbitraries.integers().between(-3, 25).map(String::valueOf),
                Arbitraries.of("0", "1", "20", "21", "-1", "2147483647", "2147483648", "-2147483649", "abc", "", "1.5",
                        "0x10", " 5"));
        Arbitrary<String> longs = Arbitraries.oneOf(ints, Arbitraries.of("262144", "262143", "2", "1", "-262144",
                "9223372036854775807", "9223372036854775808"));
        Arbitrary<String> durations = Arbitraries.oneOf(longs, Arbitraries.of("200ms", "1s", "-1s", "5x", "PT1S", "0"));
        values.put("maxEntriesPerRequest", ints);
        values.put("maxRequestSizeBytes", longs);
        values.put("entryRetryAttempts", ints);
        values.put("entryRetryBackoff", durations);
        values.put("entryRetryMaxBackoff", durations);
        values.put("maxInFlightRequests", ints);
        values.put("maxAttempts", ints);
        values.put("retryCircuitBreaker", Arbitraries.of("true", "false", "maybe", ""));
        values.put("retryBaseDelay", durations);
        values.put("retryThrottlingBaseDelay", durations);
        values.put("retryMaxBackoff", durations);
        values.put("connectionTimeout", durations);
        values.put("readTimeout", durations);
        values.put("detailType", Arbitraries.oneOf(Arbitraries.of("OrderCreated", "x".repeat(128), "x".repeat(129),
                "%F0%9F%98%80", "%00", ""), Arbitraries.strings().alpha().ofMaxLength(10)));
        values.put("resources", Arbitraries.of("arn:a", "arn:a,arn:b", ",", " , ", "arn:a,,arn:b", ""));
        values.put("retryMode", Arbitraries.of("STANDARD", "LEGACY", "ADAPTIVE", "ADAPTIVE_V2", "standard", "SOMETIMES",
                ""));
        values.put("failOnPartialFailure", Arbitraries.of("true", "false", "maybe", "", "TRUE"));
        values.put("proxyProtocol", Arbitraries.of("HTTP", "HTTPS", "FTP", "", "http"));
        values.put("proxyPort", Arbitraries.oneOf(ints, Arbitraries.of("65535", "65536", "8080")));
        values.put("proxyHost", Arbitraries.of("127.0.0.1", "", " ", "bad host"));
        values.put("region", Arbitraries.of("us-east-1", "EU WEST", "", "eu-west-1", "x"));
        values.put("accessKey", Arbitraries.of("RAW(AKIA1)", ""));
        values.put("secretKey", Arbitraries.of("RAW(s3cr3t)", ""));
        values.put("useSessionCredentials", Arbitraries.of("true", "false"));
        values.put("trustAllCertificates", Arbitraries.of("true", "false", "yes"));
        values.put("overrideEndpoint", Arbitraries.of("true", "false"));
        values.put("uriEndpointOverride", Arbitraries.of("http://127.0.0.1:1", "", "not a uri", "http://", "::"));
        Arbitrary<List<String>> keys = Arbitraries.of(values.keySet().toArray(new String[0])).list().uniqueElements()
                .ofMaxSize(4);
        return keys.flatMap(chosen -> {
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
    }
}
