package io.github.camelawsevents.aws.scn.security;

import java.util.List;

import javax.net.ssl.SSLException;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS certificates are checked unless {@code trustAllCertificates} is set: against an HTTPS endpoint with a
 * self-signed certificate, a default endpoint fails with an SSL error before any request reaches the server; with
 * {@code trustAllCertificates=true} the request gets through, and a warning says certificates are not checked.
 */
class TlsCertificateChecksTest {

    private static final String ANSWER = "{\"eventId\":\"tls-event-1\"}";

    @Test
    void certificatesAreVerifiedByDefault() throws Exception {
        try (SelfSignedHttpsServer server = new SelfSignedHttpsServer("application/json", ANSWER);
             CapturedLogs logs = new CapturedLogs(Level.INFO)) {
            Exchange sent = send(server, "");
            assertThat(sent.getException()).as("the send to a server with an untrusted certificate").isNotNull();
            assertThat(causes(sent.getException())).as("the cause chain of %s", sent.getException())
                    .anySatisfy(t -> assertThat(t).satisfiesAnyOf(
                            c -> assertThat(c).isInstanceOf(SSLException.class),
                            c -> assertThat(String.valueOf(c.getMessage())).containsIgnoringCase("certificat")));
            assertThat(server.requests()).as("requests that got past the handshake").isZero();
            assertThat(logs.events()).noneMatch(e -> e.text().contains("trustAllCertificates is enabled"));
        }
    }

    @Test
    void trustAllCertificatesReachesTheServerAndWarns() throws Exception {
        try (SelfSignedHttpsServer server = new SelfSignedHttpsServer("application/json", ANSWER);
             CapturedLogs logs = new CapturedLogs(Level.INFO)) {
            Exchange sent = send(server, "&trustAllCertificates=true");
            assertThat(sent.getException()).isNull();
            assertThat(sent.getMessage().getHeader("CamelAwsScnEventId")).isEqualTo("tls-event-1");
            assertThat(server.requests()).isEqualTo(1);
            assertThat(logs.events()).anySatisfy(e -> {
                assertThat(e.level()).isEqualTo(Level.WARN);
                assertThat(e.text()).contains("trustAllCertificates").contains("NOT verified");
            });
        }
    }

    private static Exchange send(SelfSignedHttpsServer server, String extraOptions) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            String uri = "aws-scn-event:8928ae12-15e5-4441-825d-ec2184f0a43a?eventType=scn.data.inboundorder&eventGroupId=g"
                         + "&region=us-east-1&accessKey=AKIATLSTEST000000000&secretKey=tls-test-secret"
                         + "&overrideEndpoint=true&uriEndpointOverride=" + server.endpoint() + "&maxAttempts=1"
                         + extraOptions;
            return context.createProducerTemplate().send(uri, e -> e.getMessage().setBody("{\"id\":\"tls\"}"));
        }
    }

    private static List<Throwable> causes(Throwable error) {
        List<Throwable> out = new java.util.ArrayList<>();
        for (Throwable t = error; t != null && !out.contains(t); t = t.getCause()) {
            out.add(t);
        }
        return out;
    }
}
