package io.github.camelawsevents.aws.core;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure mapping of failures to reach an endpoint: what is mapped, what is left alone, what the message says. */
class UnreachableEndpointsTest {

    private static final Duration ACQUIRE = Duration.ofMillis(5_000);
    private static final String ENDPOINT = "http://127.0.0.1:4566";

    /** What the SDK's Netty client fails with when an acquisition times out (its text, as of SDK 2.40). */
    private static SdkClientException acquireTimeout() {
        TimeoutException netty = new TimeoutException(
                "Acquire operation took longer than configured maximum time. This indicates that a request cannot get"
                + " a connection from the pool within the specified maximum time.");
        Throwable sdk = new Throwable("Acquire operation took longer than the configured maximum time. This indicates"
                + " that a request cannot get a connection from the pool within the specified maximum time. This can"
                + " be due to high request rate.\nConsider taking any of the following actions", netty);
        return SdkClientException.builder().message("Unable to execute HTTP request: " + sdk.getMessage())
                .cause(sdk).numAttempts(3).build();
    }

    private static SdkClientException sdkFailure(Throwable cause) {
        return SdkClientException.builder().message("Unable to execute HTTP request: " + cause.getMessage())
                .cause(cause).numAttempts(4).build();
    }

    @Test
    void anAcquisitionTimeoutSaysTheEndpointCouldNotBeReachedNotThatTheRequestRateWasHigh() {
        SdkClientException original = acquireTimeout();

        Throwable mapped = UnreachableEndpoints.map(original, ENDPOINT, ACQUIRE);

        assertThat(mapped).isInstanceOf(EndpointUnreachableException.class).isInstanceOf(SdkClientException.class)
                .hasCause(original);
        assertThat(mapped.getMessage())
                .startsWith("Could not reach http://127.0.0.1:4566: no connection to it could be made within the"
                            + " connection acquisition timeout (5000 ms). Nothing of the request reached it.")
                .doesNotContain("high request rate");
        assertThat(((EndpointUnreachableException) mapped).getEndpoint()).isEqualTo(ENDPOINT);
        assertThat(((EndpointUnreachableException) mapped).numAttempts()).isEqualTo(3);
    }

    @Test
    void aRefusedConnectionSaysNothingListensThere() {
        Throwable mapped = UnreachableEndpoints.map(
                sdkFailure(new ConnectException("Connection refused: /127.0.0.1:4566")), ENDPOINT, ACQUIRE);

        assertThat(mapped).isInstanceOf(EndpointUnreachableException.class);
        assertThat(mapped.getMessage()).startsWith("Could not reach http://127.0.0.1:4566: the connection was refused"
                                                   + " (nothing listens there, or it is down)");
        assertThat(((EndpointUnreachableException) mapped).numAttempts()).isEqualTo(4);
    }

    @Test
    void aConnectTimeoutNoRouteAndAnUnknownHostAreFailuresToReachIt() {
        assertThat(UnreachableEndpoints.map(sdkFailure(new ConnectTimeoutException(
                "connection timed out after 2000 ms: scn.eu-west-1.amazonaws.com/10.1.2.3:443")), ENDPOINT, ACQUIRE)
                .getMessage()).contains("the connection was not made within the connect timeout (connection timed out"
                                        + " after 2000 ms");
        assertThat(UnreachableEndpoints.map(sdkFailure(new NoRouteToHostException("No route to host")), ENDPOINT,
                ACQUIRE).getMessage()).contains("no route to its host");
        assertThat(UnreachableEndpoints.map(sdkFailure(new UnknownHostException("scn.eu-wset-1.amazonaws.com")),
                "https://scn.eu-wset-1.amazonaws.com", ACQUIRE).getMessage())
                .startsWith("Could not reach https://scn.eu-wset-1.amazonaws.com: its host name does not resolve");
        assertThat(UnreachableEndpoints.map(sdkFailure(new ConnectException("Network is unreachable")), ENDPOINT,
                ACQUIRE).getMessage()).contains("the connection could not be made (Network is unreachable)");
    }

    @Test
    void everyOtherFailureIsLeftAsItIs() {
        AwsServiceException throttled = AwsServiceException.builder().statusCode(429)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded")
                        .build()).build();
        SdkClientException readTimeout = sdkFailure(new IOException("Read timed out"));
        SdkClientException closed = sdkFailure(new IOException("The connection was closed during the request."));
        IllegalStateException other = new IllegalStateException("no");

        assertThat(UnreachableEndpoints.map(throttled, ENDPOINT, ACQUIRE)).isSameAs(throttled);
        assertThat(UnreachableEndpoints.map(readTimeout, ENDPOINT, ACQUIRE)).isSameAs(readTimeout);
        assertThat(UnreachableEndpoints.map(closed, ENDPOINT, ACQUIRE)).isSameAs(closed);
        assertThat(UnreachableEndpoints.map(other, ENDPOINT, ACQUIRE)).isSameAs(other);
        assertThat(UnreachableEndpoints.map(null, ENDPOINT, ACQUIRE)).isNull();
    }

    @Test
    void aMappedFailureIsNotMappedAgainAndAnUnknownEndpointIsSaidAsSuch() {
        Throwable once = UnreachableEndpoints.map(acquireTimeout(), null, ACQUIRE);

        assertThat(once.getMessage()).startsWith("Could not reach the AWS endpoint: ");
        assertThat(UnreachableEndpoints.map(once, ENDPOINT, ACQUIRE)).isSameAs(once);
    }

    @Test
    void theEndpointIsSchemeHostAndPortNeverUserInfoPathOrQuery() {
        assertThat(UnreachableEndpoints.endpointOf(
                URI.create("https://user:secret@scn.eu-west-1.amazonaws.com/api/x?X-Amz-Security-Token=abc")))
                .isEqualTo("https://scn.eu-west-1.amazonaws.com");
        assertThat(UnreachableEndpoints.endpointOf(URI.create("http://127.0.0.1:4566/"))).isEqualTo(ENDPOINT);
        assertThat(UnreachableEndpoints.endpointOf(URI.create("relative/path"))).isNull();
        assertThat(UnreachableEndpoints.endpointOf(null)).isNull();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        SelfCaused looping = new SelfCaused();

        assertThat(UnreachableEndpoints.map(looping, ENDPOINT, ACQUIRE)).isSameAs(looping);
    }

    private static final class SelfCaused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public synchronized Throwable getCause() {
            return this;
        }
    }

    @Test
    void theAcquisitionTimeoutIsAConnectAndAHandshakeAndASecond() {
        // the components' default connect timeout is 10 s: an acquisition never ends before a connect may
        TestSettings defaults = TestSettings.staticKeys();
        assertThat(AwsClientFactory.connectionAcquisitionTimeout(defaults)).isEqualTo(Duration.ofMillis(21_000));
        TestSettings sdkDefault = TestSettings.staticKeys();
        sdkDefault.setConnectionTimeout(0);
        assertThat(AwsClientFactory.connectionAcquisitionTimeout(sdkDefault)).isEqualTo(Duration.ofMillis(5_000));
        TestSettings quick = TestSettings.staticKeys();
        quick.setConnectionTimeout(500);
        assertThat(AwsClientFactory.connectionAcquisitionTimeout(quick)).isEqualTo(Duration.ofMillis(2_000));
    }
}
