package io.github.camelawsevents.aws.partner;

import java.util.Map;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.partner.dsl.AwsPartnerEventsComponentBuilderFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.Protocol;
import software.amazon.awssdk.core.retry.RetryMode;

import static org.assertj.core.api.Assertions.assertThat;

class ComponentDslRouteTest {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    @Test
    void aComponentRegisteredThroughTheDslSendsToTheEmulator() throws Exception {
        AwsEventsEmulator emulator = EMULATOR.emulator();
        try (CamelContext context = new DefaultCamelContext()) {
            AwsPartnerEventsComponentBuilderFactory.awsPartnerEvents()
                    .region(emulator.region())
                    .overrideEndpoint(true)
                    .uriEndpointOverride(emulator.endpoint().toString())
                    .accessKey(emulator.accessKey())
                    .secretKey(emulator.secretKey())
                    .detailType("FromDsl")
                    .entryRetryBackoff("10ms")
                    .entryRetryMaxBackoff("1s")
                    .register(context, "partner");
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to("partner:aws.partner/example.com/orders/created");
                }
            });
            context.start();
            Exchange exchange = context.createProducerTemplate().send("direct:send",
                    e -> e.getMessage().setBody(Map.of("orderId", "o-1")));
            assertThat(exchange.getException()).isNull();
        }
        assertThat(emulator.partnerEvents().events()).singleElement()
                .satisfies(e -> assertThat(e.detailType()).isEqualTo("FromDsl"));
    }

    @Test
    void everyDslOptionReachesTheComponent() throws Exception {
        CamelContext context = new DefaultCamelContext();
        AwsPartnerEventsComponent component = AwsPartnerEventsComponentBuilderFactory.awsPartnerEvents()
                .region("eu-west-1")
                .accessKey("AKIAEXAMPLE")
                .secretKey("secret")
                .sessionToken("token")
                .useDefaultCredentialsProvider(true)
                .useProfileCredentialsProvider(true)
                .profileCredentialsName("partner")
                .useSessionCredentials(true)
                .overrideEndpoint(true)
                .uriEndpointOverride("http://127.0.0.1:1")
                .trustAllCertificates(true)
                .proxyProtocol(Protocol.HTTP)
                .proxyHost("proxy")
                .proxyPort(3128)
                .connectionTimeout("5s")
                .readTimeout(7000L)
                .retryMode(RetryMode.STANDARD)
                .maxAttempts(2)
                .retryCircuitBreaker(false)
                .retryBaseDelay(300L)
                .retryThrottlingBaseDelay("2s")
                .retryMaxBackoff(8000L)
                .detailType("T")
                .resources("arn:aws:s3:::a")
                .maxEntriesPerRequest(10)
                .maxRequestSizeBytes(1000L)
                .entryRetryAttempts(4)
                .entryRetryBackoff(50L)
                .entryRetryMaxBackoff("3s")
                .failOnPartialFailure(false)
                .maxInFlightRequests(3)
                .lazyStartProducer(true)
                .autowiredEnabled(false)
                .healthCheckProducerEnabled(false)
                .healthCheckConsumerEnabled(false)
                .build(context);
        AwsPartnerEventsConfiguration c = component.getConfiguration();
        assertThat(c.getRegion()).isEqualTo("eu-west-1");
        assertThat(c.getSessionToken()).isEqualTo("token");
        assertThat(c.getProfileCredentialsName()).isEqualTo("partner");
        assertThat(c.getProxyProtocol()).isEqualTo(Protocol.HTTP);
        assertThat(c.getProxyPort()).isEqualTo(3128);
        assertThat(c.getConnectionTimeout()).isEqualTo(5000);
        assertThat(c.getReadTimeout()).isEqualTo(7000);
        assertThat(c.getRetryMode()).isEqualTo(RetryMode.STANDARD);
        assertThat(c.getMaxAttempts()).isEqualTo(2);
        assertThat(c.isRetryCircuitBreaker()).isFalse();
        assertThat(c.getRetryBaseDelay()).isEqualTo(300);
        assertThat(c.getRetryThrottlingBaseDelay()).isEqualTo(2000);
        assertThat(c.getRetryMaxBackoff()).isEqualTo(8000);
        assertThat(c.getResources()).isEqualTo("arn:aws:s3:::a");
        assertThat(c.getMaxEntriesPerRequest()).isEqualTo(10);
        assertThat(c.getMaxRequestSizeBytes()).isEqualTo(1000);
        assertThat(c.getEntryRetryAttempts()).isEqualTo(4);
        assertThat(c.getEntryRetryBackoff()).isEqualTo(50);
        assertThat(c.getEntryRetryMaxBackoff()).isEqualTo(3000);
        assertThat(c.isFailOnPartialFailure()).isFalse();
        assertThat(c.getMaxInFlightRequests()).isEqualTo(3);
        assertThat(c.isTrustAllCertificates()).isTrue();
        assertThat(component.isLazyStartProducer()).isTrue();
        assertThat(component.isAutowiredEnabled()).isFalse();
        assertThat(component.isHealthCheckProducerEnabled()).isFalse();
        assertThat(component.isHealthCheckConsumerEnabled()).isFalse();
        // read back through the generated configurer too
        PropertyConfigurerGetter getter = (PropertyConfigurerGetter) PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("aws-partner-events-component", context);
        assertThat(getter.getOptionValue(component, "maxInFlightRequests", false)).isEqualTo(3);
        assertThat(getter.getOptionValue(component, "entryRetryMaxBackoff", false)).isEqualTo(3000L);
        context.close();
    }

    @Test
    void buildWithoutACamelContextStillConvertsValues() {
        AwsPartnerEventsComponent component = AwsPartnerEventsComponentBuilderFactory.awsPartnerEvents()
                .entryRetryBackoff("250ms")
                .maxEntriesPerRequest(5)
                .build();
        assertThat(component.getConfiguration().getEntryRetryBackoff()).isEqualTo(250);
        assertThat(component.getConfiguration().getMaxEntriesPerRequest()).isEqualTo(5);
    }
}
