package io.github.camelawsevents.aws.testsupport;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
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
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an endpoint does with its AWS client, checked through routes against an emulator in a made-up region:
 * <ul>
 * <li>a mistyped region ({@code eu-wst-1}) fails when the endpoint is created, and a route to it does not start,
 * with a message naming the option, the value and the region meant (it used to fail only at the first send, with a
 * signature error); with an endpoint override any region id works, with a warning; a bound client is used as it
 * is, whatever the region option says;</li>
 * <li>stopping the endpoint closes the client it built, so the client's Netty event loop threads end (they
 * outlived the endpoint, and {@code exec:java} waited 15 s for them); a bound client is never closed.</li>
 * </ul>
 * Each component runs these checks through a subclass that supplies its endpoint and a client of its service.
 */
public abstract class AbstractEndpointClientTest {

    /** The emulator's region: no AWS region, so only an endpoint override reaches it. */
    protected static final String REGION = "local-test-1";

    static final String NETTY_EVENT_LOOP = "aws-java-sdk-NettyEventLoop";
    static final String KEYS = "&accessKey=AKIAREGIONTEST000000&secretKey=region-test-secret";

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR =
            new AwsEventsEmulatorExtension(AwsEventsEmulator.builder().region(REGION));

    private final String uriWithoutRegion;
    private final Object body;
    private final String clientOption;

    /**
     * @param uriWithoutRegion the endpoint URI with its query, {@code scheme:path?option=value}, without region and
     *                         credentials
     * @param body             a body the component sends as one event
     * @param clientOption     the endpoint option that takes a bound client, e.g. {@code eventBridgeClient}
     */
    protected AbstractEndpointClientTest(String uriWithoutRegion, Object body, String clientOption) {
        this.uriWithoutRegion = uriWithoutRegion;
        this.body = body;
        this.clientOption = clientOption;
    }

    /** How many events the emulator stored for this component's API. */
    protected abstract long storedEvents(AwsEventsEmulator emulator);

    /** A new builder of the component's async client, e.g. {@code EventBridgeAsyncClient.builder()}. */
    protected abstract AwsClientBuilder<?, ?> clientBuilder();

    /** Sends one event with the client itself, failing if it cannot. */
    protected abstract void sendWith(AutoCloseable client) throws Exception;

    @Test
    void anUnknownRegionIsRefusedWhenTheEndpointIsCreated() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            assertThatThrownBy(() -> context.getEndpoint(uriWithoutRegion + "&region=eu-wst-1" + KEYS))
                    .isInstanceOf(ResolveEndpointFailedException.class)
                    .hasStackTraceContaining("region 'eu-wst-1'")
                    .hasStackTraceContaining("did you mean eu-west-1?")
                    .hasStackTraceContaining("uriEndpointOverride");
        }
    }

    @Test
    void aRouteToAnUnknownRegionDoesNotStart() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            String uri = uriWithoutRegion + "&region=eu-wst-1" + KEYS;
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to(uri);
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
            Exchange sent = send(context, overriddenUri(emulator));
            assertThat(sent.getException()).isNull();
            assertThat(storedEvents(emulator)).isEqualTo(1);
            assertThat(logs.events()).anySatisfy(e -> assertThat(e.text()).contains("region '" + REGION + "'")
                    .contains("uriEndpointOverride"));
        }
    }

    @Test
    void aBoundClientIsUsedWhateverTheRegionOption() throws Exception {
        AwsEventsEmulator emulator = EMULATOR.emulator();
        try (AutoCloseable client = newClient(emulator, REGION);
             CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("client", client);
            context.start();
            Exchange sent = send(context, uriWithoutRegion + "&region=eu-wst-1&" + clientOption + "=#client");
            assertThat(sent.getException()).isNull();
            assertThat(storedEvents(emulator)).isEqualTo(1);
        }
    }

    @Test
    void stoppingTheEndpointEndsTheEventLoopThreadsOfTheClientItBuilt() throws Exception {
        AwsEventsEmulator emulator = EMULATOR.emulator();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        List<Thread> loops;
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            Exchange sent = send(context, overriddenUri(emulator));
            assertThat(sent.getException()).isNull();
            loops = eventLoopThreads().stream().filter(t -> !before.contains(t)).toList();
            assertThat(loops).as("the endpoint's client's event loop threads").isNotEmpty();
        }
        for (Thread t : loops) {
            t.join(1000);
        }
        assertThat(loops).as("event loop threads alive 1 s after the context stopped").noneMatch(Thread::isAlive);
    }

    @Test
    void aBoundClientStillWorksAfterTheEndpointStopped() throws Exception {
        AwsEventsEmulator emulator = EMULATOR.emulator();
        try (AutoCloseable client = newClient(emulator, REGION)) {
            try (CamelContext context = new DefaultCamelContext()) {
                context.getRegistry().bind("client", client);
                context.start();
                Exchange sent = send(context, uriWithoutRegion + "&" + clientOption + "=#client");
                assertThat(sent.getException()).isNull();
            }
            sendWith(client);
            assertThat(storedEvents(emulator)).isEqualTo(2);
        }
    }

    private String overriddenUri(AwsEventsEmulator emulator) {
        return uriWithoutRegion + "&region=" + REGION + "&overrideEndpoint=true&uriEndpointOverride="
               + emulator.endpoint() + "&accessKey=" + emulator.accessKey() + "&secretKey=" + emulator.secretKey();
    }

    private Exchange send(CamelContext context, String uri) {
        return context.createProducerTemplate().send(uri, e -> e.getMessage().setBody(body));
    }

    /** A client of the component's service to the emulator, signing for {@code region}. */
    private AutoCloseable newClient(AwsEventsEmulator emulator, String region) {
        AwsClientBuilder<?, ?> builder = clientBuilder();
        builder.region(Region.of(region));
        builder.endpointOverride(URI.create(emulator.endpoint().toString()));
        builder.credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.accessKey(), emulator.secretKey())));
        return (AutoCloseable) builder.build();
    }

    static List<Thread> eventLoopThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(NETTY_EVENT_LOOP))
                .filter(Thread::isAlive).toList();
    }
}
