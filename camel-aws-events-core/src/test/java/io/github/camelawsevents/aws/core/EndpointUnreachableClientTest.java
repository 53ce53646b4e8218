package io.github.camelawsevents.aws.core;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsAsyncClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A client built by the factory fails a request to an endpoint where nothing listens saying so, after its retries. */
class EndpointUnreachableClientTest {

    @Test
    void aRequestToAPortWhereNothingListensFailsNamingTheEndpointAndNoCredentials() throws Exception {
        // a port bound and not listening: connections to it are refused, and no other process can take it meanwhile
        try (Socket holder = new Socket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            refusedAt(holder.getLocalPort());
        }
    }

    private void refusedAt(int port) throws Exception {
        TestSettings s = TestSettings.staticKeys();
        s.setOverrideEndpoint(true);
        s.setUriEndpointOverride("http://127.0.0.1:" + port);
        s.setMaxAttempts(2);
        s.setRetryMaxBackoff(10);
        try (StsAsyncClient client = AwsClientFactory.buildAsync(StsAsyncClient.builder(), s, 4)) {
            Throwable failure = catchThrowable(() -> client.getCallerIdentity().get(30, TimeUnit.SECONDS));

            Throwable cause = SafeMessages.unwrap(failure instanceof java.util.concurrent.ExecutionException e
                    ? new CompletionException(e.getCause()) : failure);
            assertThat(cause).as(chain(cause)).isInstanceOf(EndpointUnreachableException.class);
            EndpointUnreachableException unreachable = (EndpointUnreachableException) cause;
            assertThat(unreachable.getEndpoint()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(unreachable.numAttempts()).isEqualTo(2);
            // the message gives the last attempt's reason: refused, or (seen once under CI load, the SDK's Netty pool
            // holding the retry's acquire after the first refusal) no connection within the acquisition timeout
            assertThat(unreachable.getMessage()).as(chain(cause))
                    .matches("(?s)Could not reach http://127\\.0\\.0\\.1:" + port + ": (the connection was refused"
                             + "|no connection to it could be made within the connection acquisition timeout).*")
                    .doesNotContain(s.getSecretKey()).doesNotContain(s.getAccessKey());
            assertThat(SafeMessages.of(unreachable)).startsWith("EndpointUnreachableException: Could not reach");
            assertThat(SafeMessages.errorCode(unreachable)).isEqualTo("EndpointUnreachableException");
        }
    }

    private static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder("cause chain:");
        for (Throwable c = t; c != null && sb.length() < 4000; c = c.getCause() == c ? null : c.getCause()) {
            String m = String.valueOf(c.getMessage());
            sb.append("\n  ").append(c.getClass().getName()).append(": ")
                    .append(m.length() > 200 ? m.substring(0, 200) : m);
            for (Throwable sup : c.getSuppressed()) {
                sb.append("\n    suppressed ").append(sup.getClass().getName()).append(": ").append(sup.getMessage());
            }
        }
        return sb.toString();
    }
}
