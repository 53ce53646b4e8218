package io.github.camelawsevents.aws.emulator.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad or missing signatures, by default (the emulator verifies SigV4 unless told otherwise): a correctly signed request
 * with one thing damaged (Authorization header garbled or replaced, signature changed, scope naming another key,
 * date, region or service, date moved, a signed header or the body changed after signing, a signed header dropped) is
 * refused with 403 and an AWS authentication error type, stores nothing, and the next good request goes through.
 */
class SignaturePropertyTest {

    private static final Set<String> AUTH_ERRORS = Set.of("MissingAuthenticationTokenException",
            "IncompleteSignatureException", "InvalidSignatureException", "UnrecognizedClientException",
            "AccessDeniedException");
    private static AwsEventsEmulator emulator;

    @BeforeContainer
    static void start() {
        emulator = AwsEventsEmulator.builder().start();
    }

    @AfterContainer
    static void stop() {
        emulator.close();
    }

    @BeforeTry
    void reset() {
        emulator.reset();
    }

    @Example
    void signaturesAreVerifiedByDefault() {
        assertThat(emulator.verifiesSignatures()).isTrue();
        List<Wire.Response> unsigned = Wire.exchange(emulator,
                Wire.request("POST", "/", Wire.eventBridgeHeaders("PutPartnerEvents"), Wire.utf8(Wire.PARTNER_BODY)),
                false, Duration.ofSeconds(10));
        assertThat(unsigned).singleElement().satisfies(r -> {
            Wire.assertAwsShapedError(r);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.errorType()).isEqualTo("MissingAuthenticationTokenException");
        });
        assertThat(emulator.partnerEvents().count()).isZero();
        Wire.assertStillServing(emulator);
    }

    @Property(tries = 300, seed = "1664")
    void damagedSignaturesAreRefused(@ForAll boolean scn, @ForAll("damage") Damage damage) {
        String path = scn ? Wire.SCN_PATH : "/";
        String service = scn ? "scn" : "events";
        byte[] body = Wire.utf8(scn ? Wire.SCN_BODY : Wire.PARTNER_BODY);
        Map<String, String> headers = scn ? Wire.jsonHeaders() : Wire.eventBridgeHeaders("PutPartnerEvents");
        headers.put("X-Custom-Signed", "original");
        Clock clock = Clock.fixed(Instant.now().plus(damage.clockShift()), ZoneOffset.UTC);
        Map<String, String> signed = new LinkedHashMap<>(Wire.signedHeaders(emulator, "POST", path, headers, body,
                damage.signAs().apply(service), clock));
        damage.headers().apply(signed);
        byte[] sentBody = damage.body().apply(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);

        List<Wire.Response> responses = Wire.exchange(emulator, Wire.request("POST", path, signed, sentBody), false,
                Duration.ofSeconds(10));
        boolean streaming = damage.name().startsWith("streaming");
        assertThat(responses).as("%s", damage.name()).singleElement().satisfies(r -> {
            Wire.assertAwsShapedError(r);
            // aws-chunked streaming payloads are refused as unsupported before the signature is computed
            assertThat(r.status()).as("%s: %s", damage.name(), r).isEqualTo(streaming ? 400 : 403);
            assertThat(r.errorType()).as("%s", damage.name())
                    .isIn(streaming ? Set.of("InvalidRequestException") : AUTH_ERRORS);
        });
        assertThat(emulator.partnerEvents().count() + emulator.supplyChain().count()).isZero();
        Wire.assertStillServing(emulator);
    }

    /** One way of damaging a signed request. */
    record Damage(String name, Duration clockShift, UnaryOperator<String> signAs,
                  java.util.function.Consumer<Map<String, String>> headersChange, UnaryOperator<String> body) {

        UnaryOperator<Map<String, String>> headers() {
            return h -> {
                headersChange.accept(h);
                return h;
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Provide
    Arbitrary<Damage> damage() {
        Arbitrary<String> garbage = Arbitraries.oneOf(Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300),
                Arbitraries.of("", " ", "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 ", "Bearer x", "AWS AKIA:abc",
                        "AWS4-HMAC-SHA256 Credential=, SignedHeaders=, Signature=",
                        "AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature=00",
                        "AWS4-HMAC-SHA256 Credential=AKIAEMULATOR00000000/20240101/us-east-1/events/aws4_request,"
                        + " SignedHeaders=;;;, Signature=zz",
                        "AWS4-HMAC-SHA256 Credential=AKIAEMULATOR00000000//////, SignedHeaders=host;x-amz-date,"
                        + " Signature=" + "0".repeat(64)));
        Arbitrary<Damage> replaceAuthorization = garbage.map(g -> new Damage("Authorization '" + g + "'",
                Duration.ZERO, s -> s, h -> h.put("Authorization", g.replace("\r", "").replace("\n", "")), b -> b));
        Arbitrary<Damage> dropHeader = Arbitraries.of("Authorization", "X-Amz-Date", "x-amz-content-sha256",
                "X-Custom-Signed").map(name -> new Damage("without " + name, Duration.ZERO, s -> s,
                        h -> h.keySet().removeIf(k -> k.equalsIgnoreCase(name)), b -> b));
        Arbitrary<Damage> flipSignature = Arbitraries.integers().between(0, 63).flatMap(i -> Arbitraries
                .chars().with("0123456789abcdefXZ ").map(c -> new Damage("signature char " + i + " -> " + c,
                        Duration.ZERO, s -> s, h -> h.computeIfPresent("Authorization", (k, v) -> {
                            int at = v.indexOf("Signature=") + "Signature=".length() + i;
                            char old = v.charAt(at);
                            char replacement = old == c ? (old == '0' ? '1' : '0') : c;
                            return v.substring(0, at) + replacement + v.substring(at + 1);
                        }), b -> b)));
        Arbitrary<Damage> scope = Arbitraries.of(
                new Damage("signed for another service", Duration.ZERO, s -> s.equals("scn") ? "events" : "scn",
                        h -> { }, b -> b),
                new Damage("another access key", Duration.ZERO, s -> s,
                        h -> h.computeIfPresent("Authorization", (k, v) -> v.replace("AKIAEMULATOR00000000",
                                "AKIAOTHERKEY00000000")), b -> b),
                new Damage("another region in the scope", Duration.ZERO, s -> s,
                        h -> h.computeIfPresent("Authorization", (k, v) -> v.replace("/us-east-1/", "/eu-west-1/")),
                        b -> b),
                new Damage("a scope date other than X-Amz-Date", Duration.ZERO, s -> s,
                        h -> h.computeIfPresent("Authorization", (k, v) -> v.replaceFirst("/20\\d{6}/", "/20000101/")),
                        b -> b),
                new Damage("garbled X-Amz-Date", Duration.ZERO, s -> s, h -> h.put("X-Amz-Date", "yesterday"), b -> b),
                new Damage("streaming payload claim", Duration.ZERO, s -> s,
                        h -> h.put("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"), b -> b),
                new Damage("signed header changed", Duration.ZERO, s -> s, h -> h.put("X-Custom-Signed", "changed"),
                        b -> b));
        Arbitrary<Damage> clock = Arbitraries.longs().between(16, 60 * 24 * 400).flatMap(minutes -> Arbitraries
                .of(1, -1).map(sign -> new Damage("clock off by " + sign * minutes + " min",
                        Duration.ofMinutes(sign * minutes), s -> s, h -> { }, b -> b)));
        Arbitrary<Damage> body = Combinators.combine(Arbitraries.integers().between(0, 200),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(3)).as((at, text) -> new Damage(
                        "body changed at " + at, Duration.ZERO, s -> s, h -> { },
                        b -> b.substring(0, Math.min(at, b.length())) + text + b.substring(Math.min(at, b.length()))));
        return Arbitraries.oneOf(replaceAuthorization, dropHeader, flipSignature, scope, clock, body);
    }
}
