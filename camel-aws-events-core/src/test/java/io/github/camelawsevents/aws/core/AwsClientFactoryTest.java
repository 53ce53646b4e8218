package io.github.camelawsevents.aws.core;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import io.github.camelawsevents.aws.testsupport.CapturedLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.Protocol;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
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

    /** A request failure the SDK retries as a non-throttling error (HTTP 503). */
    private static final Throwable UNAVAILABLE = SdkServiceException.builder().statusCode(503).build();

    /** A request failure the SDK retries as a throttling error. */
    private static final Throwable THROTTLED = AwsServiceException.builder().statusCode(400)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();

    private static TestSettings retrying(RetryMode mode, int maxAttempts) {
        TestSettings s = TestSettings.staticKeys();
        s.setRetryMode(mode);
        s.setMaxAttempts(maxAttempts);
        return s;
    }

    /** How many requests, each failing once with {@code failure}, the strategy lets retry before it refuses one. */
    private static int retriesGranted(RetryStrategy strategy, int requests, Throwable failure) {
        for (int i = 0; i < requests; i++) {
            RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("test")).token();
            try {
                strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(failure).build());
            } catch (TokenAcquisitionFailedException e) {
                return i;
            }
        }
        return requests;
    }

    /**
     * The delays before retries 1 to maxAttempts - 1 of one request that keeps failing with {@code failure}, then
     * checks that the strategy refuses the attempt after the last.
     */
    private static List<Long> delaysOfOneRequest(RetryStrategy strategy, Throwable failure) {
        List<Long> delays = new ArrayList<>();
        RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("test")).token();
        for (int retry = 1; retry < strategy.maxAttempts(); retry++) {
            RefreshRetryTokenResponse response = strategy.refreshRetryToken(
                    RefreshRetryTokenRequest.builder().token(token).failure(failure).build());
            delays.add(response.delay().toMillis());
            token = response.token();
        }
        RetryToken last = token;
        assertThatThrownBy(() -> strategy.refreshRetryToken(
                RefreshRetryTokenRequest.builder().token(last).failure(failure).build()))
                .isInstanceOf(TokenAcquisitionFailedException.class);
        return delays;
    }

    @Test
    void theRetryQuotaRefusesRetriesOnceSpentUnlessTheCircuitBreakerIsOff() {
        for (RetryMode mode : List.of(RetryMode.STANDARD, RetryMode.LEGACY)) {
            // 500 tokens, 5 per retry: the 101st request failing at once is not retried, whatever maxAttempts says
            assertThat(retriesGranted(AwsClientFactory.retryStrategy(retrying(mode, 30)), 300, UNAVAILABLE))
                    .as("%s with the quota", mode).isEqualTo(100);
            TestSettings off = retrying(mode, 30);
            off.setRetryCircuitBreaker(false);
            RetryStrategy strategy = AwsClientFactory.retryStrategy(off);
            assertThat(retriesGranted(strategy, 300, UNAVAILABLE)).as("%s without the quota", mode).isEqualTo(300);
            // and each of many failing requests still gets every one of its attempts, then no more
            for (int request = 0; request < 20; request++) {
                assertThat(delaysOfOneRequest(strategy, UNAVAILABLE)).hasSize(29);
            }
        }
        // STANDARD charges throttling errors too; LEGACY retries them for free
        assertThat(retriesGranted(AwsClientFactory.retryStrategy(retrying(RetryMode.STANDARD, 3)), 300, THROTTLED))
                .isEqualTo(100);
        assertThat(retriesGranted(AwsClientFactory.retryStrategy(retrying(RetryMode.LEGACY, 3)), 300, THROTTLED))
                .isEqualTo(300);
    }

    @Test
    void withoutRetryModeTheOptionsApplyToTheSdksDefaultMode() {
        TestSettings s = TestSettings.staticKeys();
        s.setRetryCircuitBreaker(false);
        RetryStrategy strategy = AwsClientFactory.retryStrategy(s);
        assertThat(strategy.maxAttempts()).isEqualTo(AwsRetryStrategy.defaultRetryStrategy().maxAttempts());
        assertThat(retriesGranted(strategy, 300, UNAVAILABLE)).isEqualTo(300);
        // the pure form names the mode as the SDK's default in what it refuses
        s.setRetryCircuitBreaker(true);
        s.setRetryMaxBackoff(5000);
        assertThatThrownBy(() -> AwsClientFactory.retryStrategy(s, RetryMode.ADAPTIVE_V2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("retryMaxBackoff=5000ms cannot be used with retry mode ADAPTIVE_V2 (the SDK's"
                                        + " default retry mode, as retryMode is not set)");
    }

    @Test
    void backoffDelaysStayWithinTheCapAndKeepTheModesBases() {
        for (RetryMode mode : List.of(RetryMode.STANDARD, RetryMode.LEGACY)) {
            TestSettings s = retrying(mode, 30);
            s.setRetryCircuitBreaker(false);
            s.setRetryMaxBackoff(5000);
            RetryStrategy strategy = AwsClientFactory.retryStrategy(s);
            AwsClientFactory.ModeBackoffs defaults = AwsClientFactory.modeBackoffs(mode);
            for (int request = 0; request < 100; request++) {
                List<Long> delays = delaysOfOneRequest(strategy, UNAVAILABLE);
                assertThat(delays).as("%s", mode).allSatisfy(d -> assertThat(d).isBetween(0L, 5000L));
                assertThat(delays.get(0)).as("%s first retry: the mode's base", mode)
                        .isLessThanOrEqualTo(defaults.baseDelay());
                List<Long> throttled = delaysOfOneRequest(strategy, THROTTLED);
                assertThat(throttled).as("%s throttled", mode).allSatisfy(d -> assertThat(d).isBetween(0L, 5000L));
                assertThat(throttled.get(0)).isLessThanOrEqualTo(defaults.throttlingBaseDelay());
                if (mode == RetryMode.LEGACY) {
                    // LEGACY keeps its half jitter for throttling: late retries wait between half and all of the cap
                    assertThat(throttled.subList(10, 29)).allSatisfy(d -> assertThat(d).isBetween(2500L, 5000L));
                }
            }
        }
        // without the cap the mode's 20 s apply: late retries of STANDARD go past 5 s
        TestSettings uncapped = retrying(RetryMode.STANDARD, 30);
        uncapped.setRetryCircuitBreaker(false);
        RetryStrategy strategy = AwsClientFactory.retryStrategy(uncapped);
        List<Long> late = new ArrayList<>();
        for (int request = 0; request < 20; request++) {
            late.addAll(delaysOfOneRequest(strategy, UNAVAILABLE).subList(10, 29));
        }
        assertThat(late).allSatisfy(d -> assertThat(d).isBetween(0L, 20_000L)).anySatisfy(
                d -> assertThat(d).isGreaterThan(5000L));
    }

    @Test
    void aBaseAloneKeepsTheModesCap() {
        TestSettings s = retrying(RetryMode.STANDARD, 30);
        s.setRetryCircuitBreaker(false);
        s.setRetryBaseDelay(1000);
        s.setRetryThrottlingBaseDelay(2000);
        RetryStrategy strategy = AwsClientFactory.retryStrategy(s);
        List<Long> first = new ArrayList<>();
        List<Long> firstThrottled = new ArrayList<>();
        List<Long> late = new ArrayList<>();
        for (int request = 0; request < 50; request++) {
            List<Long> delays = delaysOfOneRequest(strategy, UNAVAILABLE);
            first.add(delays.get(0));
            late.addAll(delays.subList(10, 29));
            firstThrottled.add(delaysOfOneRequest(strategy, THROTTLED).get(0));
        }
        // the first retry draws up to the base set, no longer up to the mode's 100 ms / 1 s
        assertThat(first).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(1000L))
                .anySatisfy(d -> assertThat(d).isGreaterThan(100L));
        assertThat(firstThrottled).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(2000L))
                .anySatisfy(d -> assertThat(d).isGreaterThan(1000L));
        // and the cap is still the mode's 20 s
        assertThat(late).allSatisfy(d -> assertThat(d).isBetween(0L, 20_000L))
                .anySatisfy(d -> assertThat(d).isGreaterThan(5000L));
    }

    @Test
    void theModeDefaultsKeptForUnsetPartsAreTheSdksOwn() {
        Pattern backoffs = Pattern.compile("(?:throttlingB|b)ackoffStrategy=\\w+\\([^)]*\\)");
        for (RetryMode mode : List.of(RetryMode.STANDARD, RetryMode.LEGACY, RetryMode.ADAPTIVE_V2)) {
            AwsClientFactory.ModeBackoffs defaults = AwsClientFactory.modeBackoffs(mode);
            TestSettings s = retrying(mode, 0);
            // rebuilt from the table: the same strategies as the SDK's own for the mode
            s.setRetryBaseDelay(defaults.baseDelay());
            s.setRetryThrottlingBaseDelay(defaults.throttlingBaseDelay());
            String ours = AwsClientFactory.retryStrategy(s).toString();
            String sdks = AwsRetryStrategy.forRetryMode(mode).toString();
            assertThat(backoffs.matcher(ours).results().map(MatchResult::group).toList()).as("%s", mode)
                    .hasSize(2).isEqualTo(backoffs.matcher(sdks).results().map(MatchResult::group).toList());
        }
        // what the SDK 2.40 says those are
        assertThat(AwsRetryStrategy.standardRetryStrategy().toString())
                .contains("backoffStrategy=ExponentialDelayWithJitter(baseDelay=PT0.1S, maxDelay=PT20S)")
                .contains("throttlingBackoffStrategy=ExponentialDelayWithJitter(baseDelay=PT1S, maxDelay=PT20S)");
        assertThat(AwsRetryStrategy.legacyRetryStrategy().toString())
                .contains("throttlingBackoffStrategy=ExponentialDelayWithHalfJitter(baseDelay=PT0.5S, maxDelay=PT20S)");
        TestSettings capOnly = retrying(RetryMode.LEGACY, 0);
        capOnly.setRetryMaxBackoff(5000);
        assertThat(AwsClientFactory.retryStrategy(capOnly).toString())
                .contains("backoffStrategy=ExponentialDelayWithJitter(baseDelay=PT0.1S, maxDelay=PT5S)")
                .contains("throttlingBackoffStrategy=ExponentialDelayWithHalfJitter(baseDelay=PT0.5S, maxDelay=PT5S)")
                .contains("maxAttempts=4").contains("circuitBreakerEnabled=true");
    }

    @Test
    void negativeRetryDelaysAreRefusedNamingTheOption() {
        for (String option : List.of("retryBaseDelay", "retryThrottlingBaseDelay", "retryMaxBackoff")) {
            TestSettings s = TestSettings.staticKeys();
            switch (option) {
                case "retryBaseDelay" -> s.setRetryBaseDelay(-5);
                case "retryThrottlingBaseDelay" -> s.setRetryThrottlingBaseDelay(-5);
                default -> s.setRetryMaxBackoff(-5);
            }
            assertThatThrownBy(() -> AwsClientFactory.validate(s, false)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(option + " must be 0 (the retry mode's default) or more, got -5ms");
            // also with a bound client: a negative delay is wrong wherever it is set
            assertThatThrownBy(() -> AwsClientFactory.validate(s, true)).hasMessageStartingWith(option + " must be");
        }
    }

    @Test
    void optionsARetryModeCannotHonourAreRefusedWhenTheEndpointIsCreated() {
        TestSettings adaptiveV2 = retrying(RetryMode.ADAPTIVE_V2, 0);
        adaptiveV2.setRetryCircuitBreaker(false);
        assertThatThrownBy(() -> AwsClientFactory.validate(adaptiveV2, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retryCircuitBreaker=false cannot be used with retry mode ADAPTIVE_V2: the SDK's adaptive"
                            + " strategy always keeps its retry quota; use STANDARD or LEGACY");
        adaptiveV2.setRetryCircuitBreaker(true);
        adaptiveV2.setRetryMaxBackoff(5000);
        assertThatThrownBy(() -> AwsClientFactory.validate(adaptiveV2, false))
                .hasMessageStartingWith("retryMaxBackoff=5000ms cannot be used with retry mode ADAPTIVE_V2: its"
                                        + " client-side rate limiter");
        // what ADAPTIVE_V2 does honour
        adaptiveV2.setRetryMaxBackoff(0);
        adaptiveV2.setRetryBaseDelay(200);
        adaptiveV2.setRetryThrottlingBaseDelay(2000);
        adaptiveV2.setMaxAttempts(6);
        AwsClientFactory.validate(adaptiveV2, false);
        assertThat(AwsClientFactory.retryStrategy(adaptiveV2).toString()).contains("maxAttempts=6")
                .contains("backoffStrategy=ExponentialDelayWithJitter(baseDelay=PT0.2S, maxDelay=PT20S)")
                .contains("throttlingBackoffStrategy=ExponentialDelayWithJitter(baseDelay=PT2S, maxDelay=PT20S)");

        // ADAPTIVE is the SDK's older policy behind an adapter that takes no setting (it threw
        // UnsupportedOperationException for maxAttempts when the client was built)
        Map<String, java.util.function.Consumer<TestSettings>> options = new LinkedHashMap<>();
        options.put("maxAttempts=5", t -> t.setMaxAttempts(5));
        options.put("retryCircuitBreaker=false", t -> t.setRetryCircuitBreaker(false));
        options.put("retryBaseDelay=200ms", t -> t.setRetryBaseDelay(200));
        options.put("retryThrottlingBaseDelay=2000ms", t -> t.setRetryThrottlingBaseDelay(2000));
        options.put("retryMaxBackoff=5000ms", t -> t.setRetryMaxBackoff(5000));
        options.forEach((option, set) -> {
            TestSettings adaptive = retrying(RetryMode.ADAPTIVE, 0);
            set.accept(adaptive);
            assertThatThrownBy(() -> AwsClientFactory.validate(adaptive, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(option + " cannot be used with retry mode ADAPTIVE: ")
                    .hasMessageContaining("ADAPTIVE_V2");
            // a bound client has its own retry set-up: the options are not used, so not refused
            AwsClientFactory.validate(adaptive, true);
        });
        AwsClientFactory.validate(retrying(RetryMode.ADAPTIVE, 0), false);
        assertThat(AwsClientFactory.retryStrategy(retrying(RetryMode.ADAPTIVE, 0)).maxAttempts()).isEqualTo(3);
    }

    @Test
    void aBaseOverTheCapIsRefusedNamingBoth() {
        TestSettings s = retrying(RetryMode.STANDARD, 0);
        s.setRetryBaseDelay(10_000);
        s.setRetryMaxBackoff(5000);
        assertThatThrownBy(() -> AwsClientFactory.validate(s, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retryBaseDelay (10000ms) is more than retryMaxBackoff (5000ms): every backoff would be"
                            + " the cap, so the base would not count");
        TestSettings t = retrying(RetryMode.LEGACY, 0);
        t.setRetryThrottlingBaseDelay(30_000);
        assertThatThrownBy(() -> AwsClientFactory.validate(t, false))
                .hasMessageStartingWith("retryThrottlingBaseDelay (30000ms) is more than the max backoff of retry mode"
                                        + " LEGACY (20000ms; set retryMaxBackoff to raise it)");
        // a cap under a base the mode keeps is the user's cap: every delay stays within it
        TestSettings u = retrying(RetryMode.STANDARD, 0);
        u.setRetryMaxBackoff(300);
        AwsClientFactory.validate(u, false);
        assertThat(AwsClientFactory.retryStrategy(u).toString())
                .contains("throttlingBackoffStrategy=ExponentialDelayWithJitter(baseDelay=PT1S, maxDelay=PT0.3S)");
    }

    @Test
    void theDebugLineDescribesTheRetry() {
        TestSettings s = retrying(RetryMode.STANDARD, 30);
        s.setRetryCircuitBreaker(false);
        s.setRetryMaxBackoff(5000);
        assertThat(AwsClientFactory.describeRetry(s, RetryMode.STANDARD, AwsClientFactory.retryStrategy(s)))
                .isEqualTo("STANDARD, 30 attempts, retry quota off, backoff 100ms doubling up to 5000ms, throttling"
                           + " backoff 1000ms doubling up to 5000ms");
        TestSettings legacy = TestSettings.staticKeys();
        legacy.setMaxAttempts(2);
        assertThat(AwsClientFactory.describeRetry(legacy, RetryMode.LEGACY,
                AwsClientFactory.retryStrategy(legacy, RetryMode.LEGACY)))
                .isEqualTo("LEGACY (the SDK's default retry mode, as retryMode is not set), 2 attempts, retry quota on,"
                           + " backoff 100ms doubling up to 20000ms, throttling backoff 500ms doubling up to 20000ms");
        TestSettings adaptive = retrying(RetryMode.ADAPTIVE, 0);
        assertThat(AwsClientFactory.describeRetry(adaptive, RetryMode.ADAPTIVE,
                AwsClientFactory.retryStrategy(adaptive))).isEqualTo("ADAPTIVE, 3 attempts, the SDK's adaptive retry"
                                                                     + " policy");
        TestSettings v2 = retrying(RetryMode.ADAPTIVE_V2, 0);
        assertThat(AwsClientFactory.describeRetry(v2, RetryMode.ADAPTIVE_V2, AwsClientFactory.retryStrategy(v2)))
                .endsWith(", plus client-side rate limiting");
    }

    @Test
    void theRetryOptionsAreCopiedWithTheConfiguration() {
        TestSettings s = retrying(RetryMode.STANDARD, 30);
        s.setRetryCircuitBreaker(false);
        s.setRetryBaseDelay(200);
        s.setRetryThrottlingBaseDelay(700);
        s.setRetryMaxBackoff(5000);
        TestSettings copy = s.copy();
        assertThat(copy.isRetryCircuitBreaker()).isFalse();
        assertThat(copy.getRetryBaseDelay()).isEqualTo(200);
        assertThat(copy.getRetryThrottlingBaseDelay()).isEqualTo(700);
        assertThat(copy.getRetryMaxBackoff()).isEqualTo(5000);
        assertThat(new TestSettings().isRetryCircuitBreaker()).isTrue();
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
