package io.github.camelawsevents.aws.core;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsAsyncClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An async client built by the factory owns its Netty event loop threads: closing it ends them at once. (Handed a
 * built HTTP client, the SDK never closed it: four {@code aws-java-sdk-NettyEventLoop} threads outlived every stopped
 * endpoint, and {@code exec:java} waited 15 s for them; the SDK's own event loop group would make close() block for
 * its 2 s quiet period.)
 */
class AsyncClientThreadsTest {

    static final String NETTY_EVENT_LOOP = "aws-java-sdk-NettyEventLoop";

    @Test
    void closingTheClientEndsItsEventLoopThreadsAtOnce() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            TestSettings s = TestSettings.staticKeys();
            s.setOverrideEndpoint(true);
            s.setUriEndpointOverride("http://127.0.0.1:" + server.getAddress().getPort());
            s.setMaxAttempts(1);
            StsAsyncClient client = AwsClientFactory.buildAsync(StsAsyncClient.builder(), s, 4);
            // one request, so the event loop threads exist
            client.getCallerIdentity().handle((r, e) -> null).get(20, TimeUnit.SECONDS);
            List<Thread> loops = eventLoopThreads().stream().filter(t -> !before.contains(t)).toList();
            assertThat(loops).as("this client's event loop threads").isNotEmpty();

            long start = System.nanoTime();
            client.close();
            long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            for (Thread t : loops) {
                t.join(1000);
            }
            assertThat(loops).as("event loop threads alive 1 s after close").noneMatch(Thread::isAlive);
            // the SDK's own group would have blocked close() for its 2 s quiet period
            assertThat(closeMillis).as("close() in ms").isLessThan(2000);
        } finally {
            server.stop(0);
        }
    }

    static List<Thread> eventLoopThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(NETTY_EVENT_LOOP))
                .filter(Thread::isAlive).toList();
    }
}
