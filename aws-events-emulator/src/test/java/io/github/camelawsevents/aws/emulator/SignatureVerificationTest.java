package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.supplychain.SupplyChainClient;
import software.amazon.awssdk.services.supplychain.model.AccessDeniedException;
import software.amazon.awssdk.services.supplychain.model.SupplyChainException;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.INSTANCE;
import static io.github.camelawsevents.aws.emulator.SupplyChainSendTest.inboundOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignatureVerificationTest {

    static final String SCN_PATH = "/api-data/data-integration/instance/" + INSTANCE + "/data-integration-events";
    static final String SCN_BODY = "{\"eventType\":\"scn.data.inboundorder\",\"eventGroupId\":\"g\",\"data\":\"{\\\"id\\\":\\\"1\\\"}\"}";
    static final String PARTNER_BODY = "{\"Entries\":[{\"Source\":\"" + PartnerEventsTest.SOURCE
            + "\",\"DetailType\":\"t\",\"Detail\":\"{}\"}]}";

    @RegisterExtension
    static final AwsEventsEmulatorExtension AWS = new AwsEventsEmulatorExtension();

    @Test
    void theRightKeysAreAcceptedByBothApis() {
        try (SupplyChainClient scn = SdkClients.supplyChain(AWS.emulator());
             EventBridgeClient events = SdkClients.eventBridge(AWS.emulator())) {
            scn.sendDataIntegrationEvent(inboundOrder().build());
            events.putPartnerEvents(b -> b.entries(PartnerEventsTest.entry("{}")));
        }
        assertThat(AWS.emulator().rejectedRequests()).isEmpty();
    }

    @Test
    void aSessionTokenRidesAlongAsASignedHeader() {
        var session = StaticCredentialsProvider.create(AwsSessionCredentials.create(AWS.emulator().accessKey(),
                AWS.emulator().secretKey(), "session-token"));
        try (SupplyChainClient scn = SdkClients.supplyChain(AWS.emulator(), session, AWS.emulator().region())) {
            scn.sendDataIntegrationEvent(inboundOrder().build());
        }
        assertThat(AWS.emulator().supplyChain().count()).isEqualTo(1);
    }

    @Test
    void aWrongSecretKeyIsAnInvalidSignature() {
        var wrongSecret = SdkClients.credentials(AWS.emulator().accessKey(), "not-the-secret");
        try (SupplyChainClient scn = SdkClients.supplyChain(AWS.emulator(), wrongSecret, AWS.emulator().region());
             EventBridgeClient events = SdkClients.eventBridge(AWS.emulator(), wrongSecret, AWS.emulator().region())) {
            assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().build()))
                    .isInstanceOfSatisfying(SupplyChainException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
            assertThatThrownBy(() -> events.putPartnerEvents(b -> b.entries(PartnerEventsTest.entry("{}"))))
                    .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
        }
        assertThat(AWS.emulator().supplyChain().count()).isZero();
        assertThat(AWS.emulator().partnerEvents().count()).isZero();
        assertThat(AWS.emulator().stats().rejected("InvalidSignatureException")).isEqualTo(2);
    }

    @Test
    void anUnknownAccessKeyIsRefusedInEachServicesTerms() {
        var unknownKey = SdkClients.credentials("AKIAUNKNOWN000000000", AWS.emulator().secretKey());
        try (SupplyChainClient scn = SdkClients.supplyChain(AWS.emulator(), unknownKey, AWS.emulator().region());
             EventBridgeClient events = SdkClients.eventBridge(AWS.emulator(), unknownKey, AWS.emulator().region())) {
            assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().build()))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            assertThatThrownBy(() -> events.putPartnerEvents(b -> b.entries(PartnerEventsTest.entry("{}"))))
                    .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                    });
        }
    }

    @Test
    void aRequestSignedForTheWrongRegionIsRefused() {
        try (SupplyChainClient scn = SdkClients.supplyChain(AWS.emulator(), SdkClients.credentials(AWS.emulator()), "eu-west-1")) {
            assertThatThrownBy(() -> scn.sendDataIntegrationEvent(inboundOrder().build()))
                    .isInstanceOfSatisfying(SupplyChainException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage()).contains("region");
                    });
        }
    }

    @Test
    void aRequestSignedForTheWrongServiceIsRefused() {
        HttpResponse<String> scnSignedAsEvents = RawHttp.send(AWS.emulator(), "POST", SCN_PATH, RawHttp.jsonHeaders(),
                SCN_BODY, RawHttp.Signing.of(AWS.emulator(), "events"));
        assertThat(scnSignedAsEvents.statusCode()).isEqualTo(403);
        assertThat(scnSignedAsEvents.headers().firstValue("X-Amzn-ErrorType")).hasValue("InvalidSignatureException");
        assertThat(scnSignedAsEvents.body()).contains("correct service: 'scn'");

        HttpResponse<String> eventsSignedAsScn = RawHttp.send(AWS.emulator(), "POST", "/",
                RawHttp.eventBridgeHeaders("PutPartnerEvents"), PARTNER_BODY, RawHttp.Signing.of(AWS.emulator(), "scn"));
        assertThat(eventsSignedAsScn.statusCode()).isEqualTo(403);
        assertThat(eventsSignedAsScn.body()).contains("\"__type\":\"InvalidSignatureException\"")
                .contains("correct service: 'events'");
    }

    @Test
    void correctlySignedRawRequestsAreAccepted() {
        HttpResponse<String> scn = RawHttp.send(AWS.emulator(), "POST", SCN_PATH, RawHttp.jsonHeaders(), SCN_BODY,
                RawHttp.Signing.of(AWS.emulator(), "scn"));
        assertThat(scn.statusCode()).isEqualTo(200);
        assertThat(scn.body()).matches("\\{\"eventId\":\"[0-9a-f-]{36}\"}");
        assertThat(scn.headers().firstValue("Content-Type")).hasValue("application/json");

        HttpResponse<String> events = RawHttp.send(AWS.emulator(), "POST", "/",
                RawHttp.eventBridgeHeaders("PutPartnerEvents"), PARTNER_BODY, RawHttp.Signing.of(AWS.emulator(), "events"));
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.body()).startsWith("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"");
        assertThat(events.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
    }

    @Test
    void anUnsignedPayloadIsVerifiedWithoutItsHash() {
        HttpResponse<String> response = RawHttp.send(AWS.emulator(), "POST", SCN_PATH, RawHttp.jsonHeaders(), SCN_BODY,
                RawHttp.Signing.of(AWS.emulator(), "scn").unsignedPayload());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyChangedAfterSigningIsAnInvalidSignature() {
        HttpResponse<String> response = RawHttp.send(AWS.emulator(), "POST", SCN_PATH, RawHttp.jsonHeaders(), SCN_BODY,
                RawHttp.Signing.of(AWS.emulator(), "scn"), body -> body.replace("\"g\"", "\"h\""));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue("InvalidSignatureException");
        assertThat(AWS.emulator().supplyChain().count()).isZero();
    }

    @Test
    void aMissingAuthorizationIsAMissingAuthenticationToken() {
        HttpResponse<String> response = RawHttp.send(AWS.emulator(), "POST", "/",
                RawHttp.eventBridgeHeaders("PutPartnerEvents"), PARTNER_BODY, null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("MissingAuthenticationTokenException");
    }

    @Test
    void aSignatureOlderThanFifteenMinutesHasExpired() {
        Clock twentyMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(20)), ZoneOffset.UTC);
        HttpResponse<String> response = RawHttp.send(AWS.emulator(), "POST", SCN_PATH, RawHttp.jsonHeaders(), SCN_BODY,
                RawHttp.Signing.of(AWS.emulator(), "scn").clock(twentyMinutesAgo));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue("InvalidSignatureException");
        // the service's wording: "Signature expired: <X-Amz-Date> is now earlier than <now - 15 min> (<now> - 15 min.)"
        assertThat(response.body()).matches("\\{\"message\":\"Signature expired: \\d{8}T\\d{6}Z is now earlier than "
                + "\\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 15 min\\.\\)\"}");
        assertThat(response.headers().firstValue("Date")).isPresent();
    }

    @Test
    void anEmulatorClockAheadAnswersSignatureExpiredWithItsOwnDateForTheClientToCorrectFrom() {
        // the emulator's clock an hour ahead stands for a client an hour behind (the JavaScript suite checks that the
        // SDKs then correct and succeed; the SDK for Java keeps its correction JVM-wide, so it is not tried here)
        try (AwsEventsEmulator ahead = AwsEventsEmulator.builder()
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1))).start()) {
            HttpResponse<String> response = RawHttp.send(ahead, "POST", "/", RawHttp.eventBridgeHeaders("PutPartnerEvents"),
                    PARTNER_BODY, RawHttp.Signing.of(ahead, "events"));
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("\"__type\":\"InvalidSignatureException\"", "Signature expired: ");
            Instant date = java.time.ZonedDateTime.parse(response.headers().firstValue("Date").orElseThrow(),
                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            assertThat(Duration.between(Instant.now(), date)).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));

            Clock corrected = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), date));
            HttpResponse<String> retried = RawHttp.send(ahead, "POST", "/", RawHttp.eventBridgeHeaders("PutPartnerEvents"),
                    PARTNER_BODY, RawHttp.Signing.of(ahead, "events").clock(corrected));
            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        }
    }

    @Test
    void aSignatureMoreThanFifteenMinutesAheadIsNotYetCurrent() {
        Clock twentyMinutesAhead = Clock.fixed(Instant.now().plus(Duration.ofMinutes(20)), ZoneOffset.UTC);
        HttpResponse<String> response = RawHttp.send(AWS.emulator(), "POST", "/",
                RawHttp.eventBridgeHeaders("PutPartnerEvents"), PARTNER_BODY,
                RawHttp.Signing.of(AWS.emulator(), "events").clock(twentyMinutesAhead));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"__type\":\"InvalidSignatureException\"", "Signature not yet current: ",
                " is still later than ", " + 15 min.)");
    }

    @Test
    void signaturesAreNotCheckedWhenSwitchedOff() {
        try (AwsEventsEmulator unchecked = AwsEventsEmulator.builder().verifySignatures(false).start();
             SupplyChainClient scn = SdkClients.supplyChain(unchecked,
                     SdkClients.credentials("anything", "anything"), "eu-west-1")) {
            scn.sendDataIntegrationEvent(inboundOrder().build());
            assertThat(unchecked.supplyChain().count()).isEqualTo(1);
            assertThat(RawHttp.send(unchecked, "POST", SCN_PATH, RawHttp.jsonHeaders(), SCN_BODY, null).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void customCredentialsAndRegionAreTheOnlyOnesAccepted() {
        try (AwsEventsEmulator custom = AwsEventsEmulator.builder().credentials("AKIACUSTOM0000000000", "custom-secret")
                .region("eu-central-1").start();
             SupplyChainClient scn = SdkClients.supplyChain(custom);
             SupplyChainClient defaults = SdkClients.supplyChain(custom,
                     SdkClients.credentials(AwsEventsEmulator.DEFAULT_ACCESS_KEY, AwsEventsEmulator.DEFAULT_SECRET_KEY),
                     "eu-central-1")) {
            assertThat(custom.region()).isEqualTo("eu-central-1");
            scn.sendDataIntegrationEvent(inboundOrder().build());
            assertThatThrownBy(() -> defaults.sendDataIntegrationEvent(inboundOrder().build()))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
