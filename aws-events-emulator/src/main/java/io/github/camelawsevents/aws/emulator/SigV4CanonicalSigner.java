package io.github.camelawsevents.aws.emulator;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes a SigV4 signature from the request as received, following the published canonical-request rules
 * (path normalised and URI-encoded again, as for every service but S3; query parameters decoded, strictly
 * re-encoded and sorted; the named headers lower-cased, trimmed and joined; the body's SHA-256 or
 * {@code UNSIGNED-PAYLOAD}).
 *
 * <p>{@link SigV4Verifier} uses this for clients that do not sign {@code x-amz-content-sha256}, such as the AWS
 * CLI (botocore) and most other SDKs. The SDK for Java v2's {@code AwsV4HttpSigner} always adds and signs that
 * header, so re-signing with it cannot reproduce their signatures. Tests check that both computations agree on
 * SDK-signed requests and that this one reproduces the AWS SigV4 test-suite vectors.
 */
final class SigV4CanonicalSigner {

    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    });
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });

    private final byte[] secretKey;
    /** Signing keys per "date/region/service"; a handful at most. */
    private final ConcurrentHashMap<String, byte[]> signingKeys = new ConcurrentHashMap<>();

    SigV4CanonicalSigner(String secretKey) {
        this.secretKey = ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8);
    }

    /** The hex signature the request should carry. */
    String signature(String method, String rawUri, HttpHeaders headers, String[] signedHeaders, byte[] body,
            boolean payloadSigning, String amzDate, String scopeDate, String region, String service) {
        String canonicalRequest = canonicalRequest(method, rawUri, headers, signedHeaders,
                payloadSigning ? HEX.formatHex(SHA256.get().digest(body)) : SigV4Verifier.UNSIGNED_PAYLOAD);
        String scope = scopeDate + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = SigV4Verifier.ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + HEX.formatHex(SHA256.get().digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = signingKeys.computeIfAbsent(scopeDate + "/" + region + "/" + service, k -> {
            byte[] dateKey = hmac(secretKey, scopeDate);
            return hmac(hmac(hmac(dateKey, region), service), "aws4_request");
        });
        return HEX.formatHex(hmac(key, stringToSign));
    }

    static String canonicalRequest(String method, String rawUri, HttpHeaders headers, String[] signedHeaders,
            String payloadHash) {
        int q = rawUri.indexOf('?');
        String rawPath = q < 0 ? rawUri : rawUri.substring(0, q);
        String rawQuery = q < 0 ? "" : rawUri.substring(q + 1);
        StringBuilder sb = new StringBuilder(256 + rawUri.length());
        sb.append(method).append('\n');
        sb.append(canonicalPath(rawPath)).append('\n');
        sb.append(canonicalQuery(rawQuery)).append('\n');
        for (String name : signedHeaders) {
            sb.append(name).append(':');
            List<String> values = headers.getAll(name);
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                appendTrimmed(sb, values.get(i));
            }
            sb.append('\n');
        }
        sb.append('\n').append(String.join(";", signedHeaders)).append('\n').append(payloadHash);
        return sb.toString();
    }

    /** The path without dot segments, each character but unreserved ones and '/' percent-encoded (again). */
    static String canonicalPath(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else if (!segment.equals(".") && !segment.isEmpty()) {
                segments.add(segment);
            }
        }
        StringBuilder sb = new StringBuilder(rawPath.length() + 16);
        for (String segment : segments) {
            sb.append('/');
            encode(sb, segment);
        }
        if (sb.length() == 0 || rawPath.endsWith("/")) {
            sb.append('/');
        }
        return sb.toString();
    }

    /** Parameters decoded, re-encoded strictly and sorted by name, then value. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> params = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(new String[] {encode(decode(name)), encode(decode(value))});
        }
        params.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder(rawQuery.length() + 16);
        for (String[] p : params) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    private static String decode(String s) {
        // '+' stays a plus: SigV4 clients encode spaces as %20
        return QueryStringDecoder.decodeComponent(s.replace("+", "%2B"));
    }

    private static String encode(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        encode(sb, s);
        return sb.toString();
    }

    /** RFC 3986 encoding: everything but A-Z a-z 0-9 - _ . ~ as %XX of its UTF-8 bytes. */
    private static void encode(StringBuilder sb, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
    }

    /** The value trimmed, with runs of spaces collapsed to one. */
    private static void appendTrimmed(StringBuilder sb, String value) {
        String v = value.trim();
        boolean space = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ' ') {
                if (!space) {
                    sb.append(c);
                }
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
