package io.github.camelawsevents.aws.core;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.camelawsevents.aws.testsupport.CapturedLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.Protocol;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.sts.StsAsyncClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsClientFactoryTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void defaultProviderWinsOverEverythingElse() {
        TestSettings s = TestSettings.staticKeys();
        s.setUseProfileCredentialsProvider(true);
        s.setUseSessionCredentials(true);
        s.setUseDefaultCredentialsProvider(true);
        assertThat(AwsClientFactory.credentialsProvider(s)).isInstanceOf(DefaultCredentialsProvider.class);
    }

    @Test
    void profileWinsOverSessionAndStaticKeys() {
        TestSettings s = TestSettings.staticKeys();
        s.setSessionToken("token");
        s.setUseSessionCredentials(true);
        s.setUseProfileCredentialsProvider(true);
        s.setProfileCredentialsName("ops");
        assertThat(AwsClientFactory.credentialsProvider(s)).isInstanceOf(ProfileCredentialsProvider.class);
        assertThat(AwsClientFactory.describeCredentials(s)).isEqualTo("profile(ops)");
    }

    @Test
    void sessionCredentialsWinOverStaticKeys() {
        TestSettings s = TestSettings.staticKeys();
        s.setSessionToken("the-session-token");
        s.setUseSessionCredentials(true);
        var provider = AwsClientFactory.credentialsProvider(s);
        assertThat(provider).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(provider.resolveCredentials()).isInstanceOfSatisfying(AwsSessionCredentials.class,
                c -> assertThat(c.sessionToken()).isEqualTo("the-session-token"));
    }

    @Test
    void staticKeysWhenNoProviderIsChosen() {
        var provider = AwsClientFactory.credentialsProvider(TestSettings.staticKeys());
        assertThat(provider.resolveCredentials()).isInstanceOf(AwsBasicCredentials.class);
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIAEXAMPLEACCESS");
    }

    @Test
    void sdkDefaultChainWhenNothingIsConfigured() {
        TestSettings s = new TestSettings();
        assertThat(AwsClientFactory.credentialsProvider(s)).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(AwsClientFactory.describeCredentials(s)).isEqualTo("sdk-default-chain");
        AwsClientFactory.validate(s, false);
    }

    @Test
    void halfAStaticKeyPairIsRefusedNamingTheMissingHalf() {
        TestSettings s = new TestSettings();
        s.setAccessKey("AKIA1");
        assertThatThrownBy(() -> AwsClientFactory.validate(s, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secretKey is not");
        TestSettings t = new TestSettings();
        t.setSecretKey("x");
        assertThatThrownBy(() -> AwsClientFactory.validate(t, false)).hasMessageContaining("accessKey is not");
        // a supplied client needs no credentials
        AwsClientFactory.validate(s, true);
    }

    @Test
    void sessionCredentialsNeedAllThreeParts() {
        TestSettings s = TestSettings.staticKeys();
        s.setUseSessionCredentials(true);
        assertThatThrownBy(() -> AwsClientFactory.validate(s, false)).hasMessageContaining("sessionToken");
    }

    @Test
    void endpointOverrideNeedsAnAbsoluteUri() {
        TestSettings s = TestSettings.staticKeys();
        s.setOverrideEndpoint(true);
        assertThatThrownBy(() -> AwsClientFactory.validate(s, false)).hasMessageContaining("uriEndpointOverride");
        s.setUriEndpointOverride("127.0.0.1:4566");
        assertThatThrownBy(() -> AwsClientFactory.validate(s, false)).hasMessageContaining("not a valid URI");
        s.setUriEndpointOverride("localhost:4566");
        assertThatThrownBy(() -> AwsClientFactory.validate(s, false)).hasMessageContaining("absolute URI");
        s.setUriEndpointOverride("http://127.0.0.1:4566");
        AwsClientFactory.validate(s, false);
    }

    @Test
    void badRegionAndHalfProxyAreRefused() {
        TestSettings s = TestSettings.staticKeys();
        s.setRegion("EU West 1");
        assertThatThrownBy(() -> AwsClientFactory.validate(s, false)).hasMessageContaining("region");
        TestSettings p = TestSettings.staticKeys();
        p.setProxyHost("proxy.local");
        assertThatThrownBy(() -> AwsClientFactory.validate(p, false)).hasMessageContaining("proxyPort");
    }

    @Test
    void retryStrategyFollowsModeAndAttempts() {
        TestSettings s = TestSettings.staticKeys();
        assertThat(AwsClientFactory.retryStrategy(s)).isNull();
        s.setRetryMode(RetryMode.STANDARD);
        assertThat(AwsClientFactory.retryStrategy(s).maxAttempts()).isEqualTo(3);
        s.setMaxAttempts(7);
        RetryStrategy strategy = AwsClientFactory.retryStrategy(s);
        assertThat(strategy.maxAttempts()).isEqualTo(7);
        s.setRetryMode(null);
        s.setMaxAttempts(1);
        assertThat(AwsClientFactory.retryStrategy(s).maxAttempts()).isEqualTo(1);
    }

    @Test
    void trustAllCertificatesIsOffByDefaultAndWarnsWhenOn() {
        TestSettings s = TestSettings.staticKeys();
        assertThat(AwsClientFactory.httpDefaults(s).get(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES)).isNull();
        s.setTrustAllCertificates(true);
        try (CapturedLogs logs = new CapturedLogs()) {
            assertThat(AwsClientFactory.httpDefaults(s).get(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES))
                    .isTrue();
            assertThat(logs.text()).contains("WARN").contains("trustAllCertificates");
        }
    }

    @Test
    void theClientSendsToTheOverriddenEndpoint() throws Exception {
        RecordingServer server = start(new RecordingServer(false));
        TestSettings s = TestSettings.staticKeys();
        s.setOverrideEndpoint(true);
        s.setUriEndpointOverride("http://127.0.0.1:" + server.port());
        s.setMaxAttempts(1);
        StsAsyncClient async = closeLater(AwsClientFactory.buildAsync(StsAsyncClient.builder(), s, 4));
        CompletableFuture<?> f = async.getCallerIdentity();
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.requestLines()).hasSize(1).allSatisfy(line -> assertThat(line).startsWith("POST / HTTP/1.1"));
    }

    @Test
    void theClientGoesThroughTheProxy() throws Exception {
        RecordingServer proxy = start(new RecordingServer(false));
        TestSettings s = TestSettings.staticKeys();
        s.setOverrideEndpoint(true);
        s.setUriEndpointOverride("http://sts.test.invalid:8080");
        s.setProxyProtocol(Protocol.HTTP);
        s.setProxyHost("127.0.0.1");
        s.setProxyPort(proxy.port());
        s.setMaxAttempts(1);
        StsAsyncClient async = closeLater(AwsClientFactory.buildAsync(StsAsyncClient.builder(), s, 4));
        CompletableFuture<?> f = async.getCallerIdentity();
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isNotNull();
        // the proxy saw requests for the target host: an absolute-form request or a CONNECT tunnel
        assertThat(proxy.requestLines()).hasSize(1)
                .allSatisfy(line -> assertThat(line).contains("sts.test.invalid:8080"));
    }

    @Test
    void readTimeoutEndsARequestTheServerNeverAnswers() throws Exception {
        RecordingServer silent = start(new RecordingServer(true));
        TestSettings s = TestSettings.staticKeys();
        s.setOverrideEndpoint(true);
        s.setUriEndpointOverride("http://127.0.0.1:" + silent.port());
        s.setReadTimeout(300);
        s.setMaxAttempts(1);
        StsAsyncClient async = closeLater(AwsClientFactory.buildAsync(StsAsyncClient.builder(), s, 4));
        CompletableFuture<?> f = async.getCallerIdentity();
        assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS)).hasStackTraceContaining("Timeout");
    }

    @Test
    void secretsNeverAppearInToStringOrLogs() throws Exception {
        TestSettings s = TestSettings.staticKeys();
        s.setSessionToken("session-token-secret");
        s.setUseSessionCredentials(true);
        s.setOverrideEndpoint(true);
        s.setUriEndpointOverride("http://127.0.0.1:1");
        s.setMaxAttempts(1);
        assertThat(s.toString()).doesNotContain("super-secret-key-value").doesNotContain("session-token-secret")
                .doesNotContain("AKIAEXAMPLEACCESS").contains("eu-west-1");
        assertThat(s.copy().toString()).isEqualTo(s.toString());
        try (CapturedLogs logs = new CapturedLogs()) {
            StsAsyncClient async = AwsClientFactory.buildAsync(StsAsyncClient.builder(), s, 1);
            assertThatThrownBy(() -> async.getCallerIdentity().get(20, TimeUnit.SECONDS)).isNotNull();
            async.close();
            assertThat(logs.text()).isNotEmpty().doesNotContain("super-secret-key-value");
            // the token is only in the SDK signer's own DEBUG output (see CapturedLogs.SDK_SIGNER_LOGGER)
            assertThat(logs.textOutsideSdkSigner()).contains("Building AWS client")
                    .doesNotContain("session-token-secret").doesNotContain("AKIAEXAMPLEACCESS");
        }
    }

    private <T extends AutoCloseable> T closeLater(T c) {
        toClose.add(c);
        return c;
    }

    private RecordingServer start(RecordingServer server) {
        toClose.add(server);
        return server;
    }

    /**
     * A loopback socket server that records each connection's first request line and answers 500 (or, when
     * silent, never answers).
     */
    static final class RecordingServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        RecordingServer(boolean silent) throws Exception {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket c = socket.accept();
                        open.add(c);
                        BufferedReader in = new BufferedReader(
                                new InputStreamReader(c.getInputStream(), StandardCharsets.ISO_8859_1));
                        lines.add(in.readLine());
                        if (!silent) {
                            c.getOutputStream().write(("HTTP/1.1 500 Internal Server Error\r\n"
                                                       + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                            c.getOutputStream().flush();
                            c.close();
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "recording-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        List<String> requestLines() {
            return lines;
        }

        @Override
        public void close() throws Exception {
            socket.close();
            for (Socket c : open) {
                c.close();
            }
        }
    }
}
