package io.github.camelawsevents.aws.testsupport;

import java.util.ArrayList;
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
 * <p>
 * Each component runs these checks through a subclass that says how to reach the server and what a success looks
 * like.
 */
public abstract class AbstractTlsCertificateChecksTest {

    private final String answerContentType;
    private final String answer;
    private final String eventIdHeader;
    private final Object body;

    /**
     * @param answerContentType the Content-Type of the API's answer, e.g. {@code application/x-amz-json-1.1}
     * @param answer            the API's success answer for one event whose id is {@value #EVENT_ID}
     * @param eventIdHeader     the header in which the component returns the event id
     * @param body              a body the component sends as one event
     */
    protected AbstractTlsCertificateChecksTest(String answerContentType, String answer, String eventIdHeader,
            Object body) {
        this.answerContentType = answerContentType;
        this.answer = answer;
        this.eventIdHeader = eventIdHeader;
        this.body = body;
    }

    /** The endpoint URI of one send to {@code endpoint}, with no retries of the SDK, without a leading '&'. */
    protected abstract String uri(String endpoint);

    /** The event id the answer carries. */
    protected static final String EVENT_ID = "tls-event-1";

    /** Credentials of these checks (no emulator checks the signature here). */
    protected static final String CREDENTIALS = "accessKey=AKIATLSTEST000000000&secretKey=tls-test-secret";

    @Test
    void certificatesAreVerifiedByDefault() throws Exception {
        try (SelfSignedHttpsServer server = new SelfSignedHttpsServer(answerContentType, answer);
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
        try (SelfSignedHttpsServer server = new SelfSignedHttpsServer(answerContentType, answer);
             CapturedLogs logs = new CapturedLogs(Level.INFO)) {
            Exchange sent = send(server, "&trustAllCertificates=true");
            assertThat(sent.getException()).isNull();
            assertThat(sent.getMessage().getHeader(eventIdHeader)).isEqualTo(EVENT_ID);
            assertThat(server.requests()).isEqualTo(1);
            assertThat(logs.events()).anySatisfy(e -> {
                assertThat(e.level()).isEqualTo(Level.WARN);
                assertThat(e.text()).contains("trustAllCertificates").contains("NOT verified");
            });
        }
    }

    private Exchange send(SelfSignedHttpsServer server, String extraOptions) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            return context.createProducerTemplate().send(uri(server.endpoint()) + extraOptions,
                    e -> e.getMessage().setBody(body));
        }
    }

    private static List<Throwable> causes(Throwable error) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable t = error; t != null && !out.contains(t); t = t.getCause()) {
            out.add(t);
        }
        return out;
    }
}
