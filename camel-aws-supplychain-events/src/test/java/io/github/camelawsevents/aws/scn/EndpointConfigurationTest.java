package io.github.camelawsevents.aws.scn;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.scn.dsl.AwsScnEventComponentBuilderFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.Protocol;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Endpoint creation: what is checked, what wins, what is masked. No requests are sent. */
class EndpointConfigurationTest {

    static final String INSTANCE = "8928ae12-15e5-4441-825d-ec2184f0a43a";
    static final String DATASET = "arn:aws:scn:us-east-1:123456789012:instance/" + INSTANCE
                                  + "/namespaces/default/datasets/my_orders";

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private AwsScnEventEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, AwsScnEventEndpoint.class);
    }

    private static Throwable rootOf(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    @Test
    void aValidUriCreatesAnEndpointWithItsOptions() {
        AwsScnEventEndpoint e = endpoint("aws-scn-event:" + INSTANCE + "?eventType=scn.data.dataset&eventGroupId=g"
                                         + "&datasetIdentifier=" + DATASET + "&operationType=UPSERT&preserveOrder=false"
                                         + "&maxInFlightRequests=8&clientTokenSource=CONTENT_HASH&region=eu-west-1"
                                         + "&retryMode=STANDARD&maxAttempts=5&connectionTimeout=2s&readTimeout=7s");
        AwsScnEventConfiguration c = e.getConfiguration();
        assertThat(c.getInstanceId()).isEqualTo(INSTANCE);
        assertThat(c.getEventType()).isEqualTo("scn.data.dataset");
        assertThat(c.getEventGroupId()).isEqualTo("g");
        assertThat(c.getDatasetIdentifier()).isEqualTo(DATASET);
        assertThat(c.getOperationType()).isEqualTo("UPSERT");
        assertThat(c.isPreserveOrder()).isFalse();
        assertThat(c.getMaxInFlightRequests()).isEqualTo(8);
        assertThat(c.getClientTokenSource()).isEqualTo(ClientTokenSource.CONTENT_HASH);
        assertThat(c.getRetryMode()).isEqualTo(RetryMode.STANDARD);
        assertThat(c.getMaxAttempts()).isEqualTo(5);
        assertThat(c.getConnectionTimeout()).isEqualTo(2000);
        assertThat(c.getReadTimeout()).isEqualTo(7000);
        assertThat(e.getServiceUrl()).isEqualTo("scn.eu-west-1.amazonaws.com");
    }

    @Test
    void theDefaultsAreThoseOfTheIssue() {
        AwsScnEventConfiguration c = endpoint("aws-scn-event:" + INSTANCE + "?region=us-east-1").getConfiguration();
        assertThat(c.isPreserveOrder()).isTrue();
        assertThat(c.getMaxInFlightRequests()).isEqualTo(64);
        assertThat(c.getClientTokenSource()).isEqualTo(ClientTokenSource.MESSAGE_ID);
    }

    @Test
    void anInstanceIdThatIsNotALowerCaseUuidIsRefusedAtCreation() {
        assertThatThrownBy(() -> endpoint("aws-scn-event:" + INSTANCE.toUpperCase()))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(t -> assertThat(rootOf(t)).isInstanceOf(FieldValidationException.class)
                        .hasMessageContaining("instanceId"));
        assertThatThrownBy(() -> endpoint("aws-scn-event:my-instance"))
                .isInstanceOf(ResolveEndpointFailedException.class);
    }

    @Test
    void wrongOptionValuesAreRefusedAtCreation() {
        String base = "aws-scn-event:" + INSTANCE + "?";
        assertThatThrownBy(() -> endpoint(base + "eventType=scn.data.orders"))
                .satisfies(t -> assertThat(rootOf(t)).hasMessageContaining("eventType"));
        assertThatThrownBy(() -> endpoint(base + "eventGroupId=" + "g".repeat(256)))
                .satisfies(t -> assertThat(rootOf(t)).hasMessageContaining("256 characters"));
        assertThatThrownBy(() -> endpoint(base + "datasetIdentifier=arn:aws:scn:nope-nope-nope"))
                .satisfies(t -> assertThat(rootOf(t)).hasMessageContaining("dataset ARN"));
        assertThatThrownBy(() -> endpoint(base + "operationType=MERGE"))
                .satisfies(t -> assertThat(rootOf(t)).hasMessageContaining("operationType"));
        assertThatThrownBy(() -> endpoint(base + "eventType=scn.data.forecast&datasetIdentifier=" + DATASET
                                          + "&operationType=APPEND"))
                .satisfies(t -> assertThat(rootOf(t)).hasMessageContaining("only with eventType scn.data.dataset"));
        assertThatThrownBy(() -> endpoint(base + "maxInFlightRequests=0"))
                .satisfies(t -> assertThat(rootOf(t)).hasMessageContaining("maxInFlightRequests"));
        assertThatThrownBy(() -> endpoint(base + "accessKey=AKIAONLY"))
                .satisfies(t -> assertThat(rootOf(t)).hasMessageContaining("secretKey is not"));
        assertThatThrownBy(() -> endpoint(base + "overrideEndpoint=true"))
                .satisfies(t -> assertThat(rootOf(t)).hasMessageContaining("uriEndpointOverride"));
        assertThatThrownBy(() -> endpoint(base + "unknownOption=1")).isInstanceOf(ResolveEndpointFailedException.class);
    }

    @Test
    void theRetryTuningOptionsAreTakenFromTheUriAndCheckedAgainstTheRetryModeAtCreation() {
        String base = "aws-scn-event:" + INSTANCE + "?region=eu-west-1&";
        AwsScnEventConfiguration c = endpoint(base + "retryMode=STANDARD&maxAttempts=30&retryCircuitBreaker=false"
                                              + "&retryBaseDelay=200ms&retryThrottlingBaseDelay=2s"
                                              + "&retryMaxBackoff=5000").getConfiguration();
        assertThat(c.isRetryCircuitBreaker()).isFalse();
        assertThat(c.getRetryBaseDelay()).isEqualTo(200);
        assertThat(c.getRetryThrottlingBaseDelay()).isEqualTo(2000);
        assertThat(c.getRetryMaxBackoff()).isEqualTo(5000);
        AwsScnEventConfiguration defaults = endpoint(base + "eventType=scn.data.forecast").getConfiguration();
        assertThat(defaults.isRetryCircuitBreaker()).isTrue();
        assertThat(defaults.getRetryBaseDelay()).isZero();
        assertThat(defaults.getRetryThrottlingBaseDelay()).isZero();
        assertThat(defaults.getRetryMaxBackoff()).isZero();

        assertThatThrownBy(() -> endpoint(base + "retryMode=ADAPTIVE_V2&retryCircuitBreaker=false"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(t -> assertThat(rootOf(t)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("retryCircuitBreaker=false cannot be used with retry mode ADAPTIVE_V2"));
        assertThatThrownBy(() -> endpoint(base + "retryMode=ADAPTIVE&maxAttempts=5"))
                .satisfies(t -> assertThat(rootOf(t)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("maxAttempts=5 cannot be used with retry mode ADAPTIVE:"));
        assertThatThrownBy(() -> endpoint(base + "retryMaxBackoff=-5"))
                .satisfies(t -> assertThat(rootOf(t))
                        .hasMessage("retryMaxBackoff must be 0 (the retry mode's default) or more, got -5ms"));
    }

    @Test
    void aDatasetTypeEndpointMayLeaveTheTargetToHeaders() {
        assertThat(endpoint("aws-scn-event:" + INSTANCE + "?eventType=scn.data.dataset&region=us-east-1")).isNotNull();
    }

    @Test
    void componentOptionsAreDefaultsThatEndpointOptionsOverrideWithoutChangingTheComponent() {
        AwsScnEventComponentBuilderFactory.awsScnEvent()
                .region("eu-west-1").eventType("scn.data.inboundorder").maxInFlightRequests(5)
                .register(context, "scn");
        AwsScnEventEndpoint defaults = context.getEndpoint("scn:" + INSTANCE, AwsScnEventEndpoint.class);
        AwsScnEventEndpoint overridden = context.getEndpoint("scn:" + INSTANCE + "?eventType=scn.data.shipment"
                                                             + "&maxInFlightRequests=9",
                AwsScnEventEndpoint.class);
        assertThat(defaults.getConfiguration().getEventType()).isEqualTo("scn.data.inboundorder");
        assertThat(defaults.getConfiguration().getMaxInFlightRequests()).isEqualTo(5);
        assertThat(overridden.getConfiguration().getEventType()).isEqualTo("scn.data.shipment");
        assertThat(overridden.getConfiguration().getMaxInFlightRequests()).isEqualTo(9);
        assertThat(overridden.getConfiguration().getRegion()).isEqualTo("eu-west-1");
        AwsScnEventComponent component = context.getComponent("scn", AwsScnEventComponent.class);
        assertThat(component.getConfiguration().getEventType()).isEqualTo("scn.data.inboundorder");
        assertThat(component.getConfiguration().getMaxInFlightRequests()).isEqualTo(5);
    }

    @Test
    void theComponentDslSetsEveryKindOfOption() {
        SupplyChainAsyncClient client = fakeClient(new AtomicInteger());
        AwsScnEventComponent component = AwsScnEventComponentBuilderFactory.awsScnEvent()
                .region("eu-west-1").accessKey("AKIA1").secretKey("s1").sessionToken("t1")
                .useSessionCredentials(true).useDefaultCredentialsProvider(false)
                .useProfileCredentialsProvider(false).profileCredentialsName("p")
                .overrideEndpoint(true).uriEndpointOverride("http://127.0.0.1:1").trustAllCertificates(true)
                .proxyProtocol(Protocol.HTTP).proxyHost("proxy").proxyPort(3128)
                .connectionTimeout("3s").readTimeout(4000L).retryMode(RetryMode.ADAPTIVE_V2).maxAttempts(7)
                .retryCircuitBreaker(false).retryBaseDelay("250ms").retryThrottlingBaseDelay(1500L)
                .retryMaxBackoff("6s")
                .eventType("scn.data.dataset").eventGroupId("g").datasetIdentifier(DATASET).operationType("DELETE")
                .preserveOrder(false).maxInFlightRequests(3).clientTokenSource(ClientTokenSource.EXCHANGE_ID)
                .supplyChainClient(client).lazyStartProducer(true).autowiredEnabled(false)
                .healthCheckProducerEnabled(false).healthCheckConsumerEnabled(false)
                .build(context);
        AwsScnEventConfiguration c = component.getConfiguration();
        assertThat(c.getRegion()).isEqualTo("eu-west-1");
        assertThat(c.getAccessKey()).isEqualTo("AKIA1");
        assertThat(c.getSecretKey()).isEqualTo("s1");
        assertThat(c.getSessionToken()).isEqualTo("t1");
        assertThat(c.isUseSessionCredentials()).isTrue();
        assertThat(c.getProfileCredentialsName()).isEqualTo("p");
        assertThat(c.isOverrideEndpoint()).isTrue();
        assertThat(c.getUriEndpointOverride()).isEqualTo("http://127.0.0.1:1");
        assertThat(c.isTrustAllCertificates()).isTrue();
        assertThat(c.getProxyProtocol()).isEqualTo(Protocol.HTTP);
        assertThat(c.getProxyHost()).isEqualTo("proxy");
        assertThat(c.getProxyPort()).isEqualTo(3128);
        assertThat(c.getConnectionTimeout()).isEqualTo(3000);
        assertThat(c.getReadTimeout()).isEqualTo(4000);
        assertThat(c.getRetryMode()).isEqualTo(RetryMode.ADAPTIVE_V2);
        assertThat(c.getMaxAttempts()).isEqualTo(7);
        assertThat(c.isRetryCircuitBreaker()).isFalse();
        assertThat(c.getRetryBaseDelay()).isEqualTo(250);
        assertThat(c.getRetryThrottlingBaseDelay()).isEqualTo(1500);
        assertThat(c.getRetryMaxBackoff()).isEqualTo(6000);
        assertThat(c.getEventType()).isEqualTo("scn.data.dataset");
        assertThat(c.getEventGroupId()).isEqualTo("g");
        assertThat(c.getDatasetIdentifier()).isEqualTo(DATASET);
        assertThat(c.getOperationType()).isEqualTo("DELETE");
        assertThat(c.isPreserveOrder()).isFalse();
        assertThat(c.getMaxInFlightRequests()).isEqualTo(3);
        assertThat(c.getClientTokenSource()).isEqualTo(ClientTokenSource.EXCHANGE_ID);
        assertThat(c.getSupplyChainClient()).isSameAs(client);
        assertThat(component.isLazyStartProducer()).isTrue();
        assertThat(component.isAutowiredEnabled()).isFalse();
        assertThat(component.isHealthCheckProducerEnabled()).isFalse();
        assertThat(component.isHealthCheckConsumerEnabled()).isFalse();
    }

    @Test
    void aComponentBuiltWithoutAContextGetsItsOptionsConvertedAndWorksOnceAdded() {
        AwsScnEventComponent component = AwsScnEventComponentBuilderFactory.awsScnEvent()
                .region("eu-west-1").maxInFlightRequests(7).readTimeout("45s").connectionTimeout(2000L)
                .clientTokenSource(ClientTokenSource.NONE)
                .build();
        assertThat(component.getCamelContext()).isNull();
        assertThat(component.getConfiguration().getRegion()).isEqualTo("eu-west-1");
        assertThat(component.getConfiguration().getMaxInFlightRequests()).isEqualTo(7);
        assertThat(component.getConfiguration().getReadTimeout()).isEqualTo(45_000);
        assertThat(component.getConfiguration().getConnectionTimeout()).isEqualTo(2000);
        assertThat(component.getConfiguration().getClientTokenSource()).isEqualTo(ClientTokenSource.NONE);
        context.addComponent("built", component);
        assertThat(component.getCamelContext()).isSameAs(context);
        assertThat(context.getEndpoint("built:" + INSTANCE, AwsScnEventEndpoint.class).getConfiguration()
                .getReadTimeout()).isEqualTo(45_000);
    }

    @Test
    void secretsAreMaskedInTheEndpointUriAndTheConfiguration() {
        Endpoint e = context.getEndpoint("aws-scn-event:" + INSTANCE + "?accessKey=AKIASECRETKEYID&secretKey="
                                         + "wJalrXUtnFEMI-K7MDENG&sessionToken=SESSIONTOKENVALUE"
                                         + "&useSessionCredentials=true&region=eu-west-1");
        for (String shown : new String[] { e.toString(), URISupport.sanitizeUri(e.getEndpointUri()),
                ((AwsScnEventEndpoint) e).getConfiguration().toString() }) {
            assertThat(shown).doesNotContain("wJalrXUtnFEMI-K7MDENG").doesNotContain("SESSIONTOKENVALUE")
                    .doesNotContain("AKIASECRETKEYID");
        }
        assertThat(((AwsScnEventEndpoint) e).getConfiguration().toString()).contains("region=eu-west-1")
                .contains("instanceId=" + INSTANCE);
    }

    @Test
    void anAutowiredClientIsUsedAndNeverClosed() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        SupplyChainAsyncClient client = fakeClient(closed);
        context.getRegistry().bind("myScnClient", client);
        AwsScnEventEndpoint e = endpoint("aws-scn-event:" + INSTANCE);
        assertThat(e.getConfiguration().getSupplyChainClient()).isSameAs(client);
        e.stop();
        e.start();
        assertThat(e.getClient()).isSameAs(client);
        e.stop();
        assertThat(closed).hasValue(0);
    }

    @Test
    void aClientBuiltByTheEndpointIsClosedWhenItStops() throws Exception {
        AwsScnEventEndpoint e = endpoint("aws-scn-event:" + INSTANCE + "?region=us-east-1&accessKey=a&secretKey=b");
        e.start();
        SupplyChainAsyncClient client = e.getClient();
        assertThat(client).isNotNull();
        e.stop();
        assertThat(e.getClient()).isNull();
        assertThatThrownBy(() -> client.sendDataIntegrationEvent(b -> b.instanceId(INSTANCE)).join())
                // the SDK refuses work on the executors, and the HTTP client on the event loop, that closing the
                // client shut down ("Terminated", "event executor terminated")
                .satisfies(t -> assertThat(stackTrace(t)).containsIgnoringCase("terminated"));
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    static SupplyChainAsyncClient fakeClient(AtomicInteger closed) {
        return (SupplyChainAsyncClient) Proxy.newProxyInstance(EndpointConfigurationTest.class.getClassLoader(),
                new Class<?>[] { SupplyChainAsyncClient.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> {
                        closed.incrementAndGet();
                        yield null;
                    }
                    case "serviceName" -> "supplychain";
                    case "toString" -> "FakeSupplyChainClient";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
