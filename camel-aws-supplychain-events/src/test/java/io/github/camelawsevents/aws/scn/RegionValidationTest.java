package io.github.camelawsevents.aws.scn;

import java.net.URI;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.testsupport.CapturedLogs;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A mistyped region ({@code eu-wst-1}) fails when the endpoint is created, with a message naming the option, the
 * value and the region meant, instead of a signature error at the first send. With an endpoint override (an
 * emulator in a made-up region) any region id works and a warning says so; a bound client is used as it is.
 */
class RegionValidationTest {

    static final String REGION = "local-test-1";

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR =
            new AwsEventsEmulatorExtension(AwsEventsEmulator.builder().region(REGION));

    static final String ENDPOINT = "aws-scn-event:8928ae12-15e5-4441-825d-ec2184f0a43a"
                                   + "?eventType=scn.data.inboundorder&eventGroupId=g";
    static final String RECORD = "{\"id\":\"o-1\",\"tpartner_id\":\"p\"}";
    static final String KEYS = "&accessKey=AKIAREGIONTEST000000&secretKey=region-test-secret";

    @Test
    void anUnknownRegionIsRefusedWhenTheEndpointIsCreated() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            assertThatThrownBy(() -> context.getEndpoint(ENDPOINT + "&region=eu-wst-1" + KEYS))
                    .isInstanceOf(ResolveEndpointFailedException.class)
                    .hasStackTraceContaining("region 'eu-wst-1'")
                    .hasStackTraceContaining("did you mean eu-west-1?")
                    .hasStackTraceContaining("uriEndpointOverride");
        }
    }

    @Test
    void aRouteToAnUnknownRegionDoesNotStart() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to(ENDPOINT + "&region=eu-wst-1" + KEYS);
                }
            });
            assertThatThrownBy(context::start).hasStackTraceContaining("region 'eu-wst-1'");
        }
    }

    @Test
    void withAnEndpointOverrideAnyRegionIdIsSentToWithAWarning() throws Exception {
        AwsEventsEmulator emulator = EMULATOR.emulator();
        try (CapturedLogs logs = new CapturedLogs(Level.WARN);
             CamelContext context = new DefaultCamelContext()) {
            context.start();
            Exchange sent = context.createProducerTemplate().send(ENDPOINT
                    + "&region=" + REGION + "&overrideEndpoint=true&uriEndpointOverride="
                    + emulator.endpoint() + "&accessKey=" + emulator.accessKey() + "&secretKey="
                    + emulator.secretKey(), e -> e.getMessage().setBody(RECORD));
            assertThat(sent.getException()).isNull();
            assertThat(emulator.stats().supplyChainEvents()).isEqualTo(1);
            assertThat(logs.events()).anySatisfy(e -> assertThat(e.text()).contains("region '" + REGION + "'")
                    .contains("uriEndpointOverride"));
        }
    }

    @Test
    void aBoundClientIsUsedWhateverTheRegionOption() throws Exception {
        AwsEventsEmulator emulator = EMULATOR.emulator();
        try (SupplyChainAsyncClient client = SupplyChainAsyncClient.builder()
                .region(Region.of(REGION))
                .endpointOverride(URI.create(emulator.endpoint().toString()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKey(), emulator.secretKey())))
                .build();
             CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("supplyChain", client);
            context.start();
            Exchange sent = context.createProducerTemplate().send(ENDPOINT + "&region=eu-wst-1&supplyChainClient=#supplyChain",
                    e -> e.getMessage().setBody(RECORD));
            assertThat(sent.getException()).isNull();
        }
    }
}
