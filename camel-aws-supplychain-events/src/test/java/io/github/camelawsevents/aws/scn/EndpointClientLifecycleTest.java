package io.github.camelawsevents.aws.scn;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.supplychain.SupplyChainAsyncClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint closes what it built when it stops, so its Netty event loop threads end and a JVM can exit at once
 * (they outlived the endpoint, and exec:java waited 15 s for them); a client the user bound is never closed.
 */
class EndpointClientLifecycleTest {

    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR = new AwsEventsEmulatorExtension();

    static final String INSTANCE = "8928ae12-15e5-4441-825d-ec2184f0a43a";
    static final String RECORD = "{\"id\":\"o-1\",\"tpartner_id\":\"p\"}";
    static final String NETTY_EVENT_LOOP = "aws-java-sdk-NettyEventLoop";

    @Test
    void stoppingTheEndpointEndsTheEventLoopThreadsOfTheClientItBuilt() throws Exception {
        AwsEventsEmulator emulator = EMULATOR.emulator();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        List<Thread> loops;
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            Exchange sent = context.createProducerTemplate().send(uri(emulator), e -> e.getMessage().setBody(RECORD));
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
        try (SupplyChainAsyncClient client = SupplyChainAsyncClient.builder()
                .region(Region.of(emulator.region()))
                .endpointOverride(URI.create(emulator.endpoint().toString()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKey(), emulator.secretKey())))
                .build()) {
            try (CamelContext context = new DefaultCamelContext()) {
                context.getRegistry().bind("supplyChain", client);
                context.start();
                Exchange sent = context.createProducerTemplate().send(
                        "aws-scn-event:" + INSTANCE + "?eventType=scn.data.inboundorder&eventGroupId=g"
                        + "&supplyChainClient=#supplyChain", e -> e.getMessage().setBody(RECORD));
                assertThat(sent.getException()).isNull();
            }
            var response = client.sendDataIntegrationEvent(r -> r.instanceId(INSTANCE)
                    .eventType("scn.data.inboundorder").eventGroupId("g").data(RECORD)).get();
            assertThat(response.eventId()).isNotBlank();
        }
    }

    static String uri(AwsEventsEmulator emulator) {
        return "aws-scn-event:" + INSTANCE + "?eventType=scn.data.inboundorder&eventGroupId=g&region="
               + emulator.region() + "&overrideEndpoint=true&uriEndpointOverride=" + emulator.endpoint()
               + "&accessKey=" + emulator.accessKey() + "&secretKey=" + emulator.secretKey();
    }

    static List<Thread> eventLoopThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(NETTY_EVENT_LOOP))
                .filter(Thread::isAlive).toList();
    }
}
