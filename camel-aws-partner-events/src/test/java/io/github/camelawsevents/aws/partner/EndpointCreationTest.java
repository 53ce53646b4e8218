package io.github.camelawsevents.aws.partner;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A wrong endpoint fails when it is created, with a message that says what to fix. */
class EndpointCreationTest {

    private static final String KEYS = "region=eu-west-1&accessKey=AKIAEXAMPLE&secretKey=example";
    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    private AwsPartnerEventsEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, AwsPartnerEventsEndpoint.class);
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private void assertRefused(String uri, String message) {
        assertThatThrownBy(() -> endpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining(message));
    }

    @Test
    void aValidEndpointKeepsItsOptions() {
        AwsPartnerEventsEndpoint endpoint = endpoint("aws-partner-events:aws.partner/example.com/orders/created?"
                                                     + KEYS + "&detailType=OrderCreated&resources=arn:aws:s3:::a,"
                                                     + "arn:aws:s3:::b&maxEntriesPerRequest=10"
                                                     + "&maxRequestSizeBytes=100000&entryRetryAttempts=5"
                                                     + "&entryRetryBackoff=250ms&entryRetryMaxBackoff=2s"
                                                     + "&failOnPartialFailure=false&maxInFlightRequests=8");
        AwsPartnerEventsConfiguration c = endpoint.getConfiguration();
        assertThat(c.getEventSource()).isEqualTo("aws.partner/example.com/orders/created");
        assertThat(c.getDetailType()).isEqualTo("OrderCreated");
        assertThat(c.resourceList()).containsExactly("arn:aws:s3:::a", "arn:aws:s3:::b");
        assertThat(c.getMaxEntriesPerRequest()).isEqualTo(10);
        assertThat(c.getMaxRequestSizeBytes()).isEqualTo(100_000);
        assertThat(c.getEntryRetryAttempts()).isEqualTo(5);
        assertThat(c.getEntryRetryBackoff()).isEqualTo(250);
        assertThat(c.getEntryRetryMaxBackoff()).isEqualTo(2000);
        assertThat(c.isFailOnPartialFailure()).isFalse();
        assertThat(c.getMaxInFlightRequests()).isEqualTo(8);
    }

    @Test
    void theRetryTuningOptionsAreTakenFromTheUriAndCheckedAgainstTheRetryMode() {
        String base = "aws-partner-events:aws.partner/example.com/orders?" + KEYS + "&";
        AwsPartnerEventsConfiguration c = endpoint(base + "retryMode=LEGACY&maxAttempts=30&retryCircuitBreaker=false"
                                                   + "&retryBaseDelay=200&retryThrottlingBaseDelay=1s"
                                                   + "&retryMaxBackoff=5s").getConfiguration();
        assertThat(c.isRetryCircuitBreaker()).isFalse();
        assertThat(c.getRetryBaseDelay()).isEqualTo(200);
        assertThat(c.getRetryThrottlingBaseDelay()).isEqualTo(1000);
        assertThat(c.getRetryMaxBackoff()).isEqualTo(5000);
        assertRefused(base + "retryMode=ADAPTIVE_V2&retryMaxBackoff=5000",
                "retryMaxBackoff=5000ms cannot be used with retry mode ADAPTIVE_V2");
        assertRefused(base + "retryMode=ADAPTIVE&retryBaseDelay=200", "retryBaseDelay=200ms cannot be used with"
                                                                      + " retry mode ADAPTIVE:");
        assertRefused(base + "retryMode=STANDARD&retryBaseDelay=10s&retryMaxBackoff=5s",
                "retryBaseDelay (10000ms) is more than retryMaxBackoff (5000ms)");
        assertRefused(base + "retryThrottlingBaseDelay=-1",
                "retryThrottlingBaseDelay must be 0 (the retry mode's default) or more, got -1ms");
    }

    @Test
    void defaultsAreTheApisLimits() {
        AwsPartnerEventsConfiguration c = endpoint("aws-partner-events:aws.partner/example.com/orders?" + KEYS)
                .getConfiguration();
        assertThat(c.getMaxEntriesPerRequest()).isEqualTo(20);
        assertThat(c.getMaxRequestSizeBytes()).isEqualTo(262_144);
        assertThat(c.getEntryRetryAttempts()).isEqualTo(3);
        assertThat(c.isFailOnPartialFailure()).isTrue();
        assertThat(c.getMaxInFlightRequests()).isEqualTo(32);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "aws.partner/example.com                 | Invalid Source: the pattern",
            "com.example/orders/created              | Invalid Source: the pattern",
            "aws.partner/example.com/or ders/created | Invalid Source: the pattern" })
    void aSourceOffThePatternIsRefused(String source, String message) {
        assertRefused("aws-partner-events:" + source + "?" + KEYS, message);
    }

    @Test
    void aSourceOver256CharactersIsRefused() {
        assertRefused("aws-partner-events:aws.partner/example.com/" + "x".repeat(233) + "?" + KEYS,
                "at most 256 characters, got 257 characters");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "maxEntriesPerRequest=0           | maxEntriesPerRequest must be 1 to 20, got 0",
            "maxEntriesPerRequest=21          | maxEntriesPerRequest must be 1 to 20, got 21",
            "maxRequestSizeBytes=1            | maxRequestSizeBytes must be 2 to 1048576",
            "maxRequestSizeBytes=1048577      | maxRequestSizeBytes must be 2 to 1048576 (requests stay strictly under it), got 1048577",
            "lingerMs=-1                      | lingerMs must be 0 to 60000, got -1",
            "maxPendingExchanges=0            | maxPendingExchanges must be at least 1, got 0",
            "entryRetryAttempts=-1            | entryRetryAttempts must be 0 or more",
            "entryRetryBackoff=2s&entryRetryMaxBackoff=1s | entryRetryMaxBackoff at least entryRetryBackoff",
            "maxInFlightRequests=0            | maxInFlightRequests must be at least 1",
            "noSuchOption=1                   | noSuchOption" })
    void anOptionOutOfRangeIsRefused(String option, String message) {
        assertRefused("aws-partner-events:aws.partner/example.com/orders?" + KEYS + "&" + option.trim(), message);
    }

    @Test
    void aDetailTypeOver128CharactersIsRefused() {
        assertRefused("aws-partner-events:aws.partner/example.com/orders?" + KEYS + "&detailType=" + "d".repeat(129),
                "Invalid DetailType: at most 128 characters, got 129 characters");
    }

    @Test
    void credentialsAreCheckedAtCreation() {
        assertRefused("aws-partner-events:aws.partner/example.com/orders?accessKey=AKIAEXAMPLE",
                "accessKey is set but secretKey is not");
        assertRefused("aws-partner-events:aws.partner/example.com/orders?secretKey=s", "secretKey is set but accessKey is not");
        assertRefused("aws-partner-events:aws.partner/example.com/orders?useSessionCredentials=true&" + KEYS,
                "accessKey, secretKey and sessionToken must all be set");
        assertRefused("aws-partner-events:aws.partner/example.com/orders?" + KEYS + "&overrideEndpoint=true",
                "uriEndpointOverride is not set");
        assertThat(endpoint("aws-partner-events:aws.partner/example.com/orders?region=eu-west-1&useDefaultCredentialsProvider=true"))
                .isNotNull();
        assertThat(endpoint("aws-partner-events:aws.partner/example.com/orders?region=eu-west-1&useProfileCredentialsProvider=true"
                            + "&profileCredentialsName=partner")).isNotNull();
    }

    @Test
    void anEndpointsOptionsDoNotChangeTheComponentsDefaults() {
        AwsPartnerEventsComponent component = context.getComponent("aws-partner-events", AwsPartnerEventsComponent.class);
        component.getConfiguration().setDetailType("ComponentType");
        AwsPartnerEventsEndpoint own = endpoint("aws-partner-events:aws.partner/example.com/a?" + KEYS + "&detailType=Own");
        AwsPartnerEventsEndpoint inherited = endpoint("aws-partner-events:aws.partner/example.com/b?" + KEYS);
        assertThat(own.getConfiguration().getDetailType()).isEqualTo("Own");
        assertThat(inherited.getConfiguration().getDetailType()).isEqualTo("ComponentType");
        assertThat(component.getConfiguration().getDetailType()).isEqualTo("ComponentType");
        assertThat(component.getConfiguration().getEventSource()).isNull();
    }

    @Test
    void theEndpointOnlySends() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("aws-partner-events:aws.partner/example.com/orders?" + KEYS).to("log:x");
            }
        })).satisfies(e -> assertThat(rootCause(e)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("only sends"));
    }
}
