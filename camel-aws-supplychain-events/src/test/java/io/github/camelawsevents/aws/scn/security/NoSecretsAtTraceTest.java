package io.github.camelawsevents.aws.scn.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.core.FieldValidationException;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import io.github.camelawsevents.aws.scn.AwsScnEventComponent;
import io.github.camelawsevents.aws.scn.AwsScnEventConstants;
import io.github.camelawsevents.aws.scn.AwsScnEventEndpoint;
import io.github.camelawsevents.aws.scn.ScnEventDeliveryException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every logger at TRACE, a whole life cycle (start, sends, a refused message, a failed request
 * after the SDK's attempts, a read-back, health checks, stop) shows no secret key, no session token and no record data: not in
 * the logs, not in exception messages or stack traces, not in the toString() of endpoint, configuration, producer and
 * exchange, not in health check results, not in route dumps.
 * <p>
 * What is outside our code and excluded by name: the AWS SDK's SigV4 signer ({@value CapturedLogs#SDK_SIGNER_LOGGER})
 * logs the canonical request with the session token at DEBUG, and the SDK's and Netty's wire loggers (listed in
 * {@link #THIRD_PARTY_WIRE_LOGGERS}) dump requests at DEBUG; the component docs say to keep them at INFO. Camel's own
 * endpoint-resolution TRACE lines print a route URI as written, so credentials belong on the component (see
 * {@link #credentialsInTheUri()}).
 */
class NoSecretsAtTraceTest {

    static final String ACCESS_KEY = "AKIASECURITYTEST0001";
    static final String SECRET_KEY = "Sup3r/S3cret+Key=With&Chars";
    static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjSESSIONTOKENMARKER/+=";
    static final String PAYLOAD = "PAYLOAD-MARKER-5e8f1c";
    static final String INSTANCE = "8928ae12-15e5-4441-825d-ec2184f0a43a";

    /**
     * The AWS SDK's own request loggers, not ours, quiet unless a user turns them to DEBUG (documented): the SigV4
     * signer's canonical request (with the session token), and the wire log of the SDK's Netty HTTP client, which
     * adds Netty's LoggingHandler and dumps every request, headers and body, when that logger is at DEBUG.
     */
    static final List<String> THIRD_PARTY_WIRE_LOGGERS = List.of(CapturedLogs.SDK_SIGNER_LOGGER,
            "io.netty.handler.logging.LoggingHandler");

    /** What one run showed: texts we looked at directly, and every log event. */
    record Run(List<String> observed, List<CapturedLogs.Captured> events) {

        /** Log events outside the excluded loggers that show a secret or the payload. */
        List<CapturedLogs.Captured> leaks(List<String> excludedLoggers) {
            return events.stream()
                    .filter(e -> excludedLoggers.stream().noneMatch(e.logger()::startsWith))
                    .filter(e -> SECRETS.stream().anyMatch(e.text()::contains))
                    .toList();
        }
    }

    static final List<String> SECRETS = List.of(SECRET_KEY, SESSION_TOKEN, PAYLOAD);

    /**
     * Credentials on the component (or the SDK's default provider), not in route URIs, as the docs recommend: nothing
     * shows a secret or the payload, whatever logs at TRACE, except the SDK's and Netty's own request loggers.
     */
    @Test
    void credentialsOnTheComponent() throws Exception {
        Run run = run(false, false);
        assertNothingObservedShowsASecret(run);
        assertThat(run.leaks(THIRD_PARTY_WIRE_LOGGERS)).as("log events showing a secret or the payload")
                .extracting(NoSecretsAtTraceTest::describe).isEmpty();
    }

    /**
     * Credentials in the route URI (with RAW()): our code, Camel's endpoint toString() and every Camel log line at
     * DEBUG and above mask them, but Camel itself logs the URI as written at TRACE while it resolves the endpoint
     * ({@link #CAMEL_ENDPOINT_RESOLUTION_LOGGERS}). Nothing else shows them.
     */
    @Test
    void credentialsInTheUri() throws Exception {
        Run run = run(true, false);
        assertNothingObservedShowsASecret(run);
        List<String> excluded = new ArrayList<>(THIRD_PARTY_WIRE_LOGGERS);
        excluded.addAll(CAMEL_ENDPOINT_RESOLUTION_LOGGERS);
        assertThat(run.leaks(excluded)).as("log events showing a secret or the payload")
                .extracting(NoSecretsAtTraceTest::describe).isEmpty();
        assertThat(run.leaks(THIRD_PARTY_WIRE_LOGGERS)).as("Camel's own TRACE lines while resolving the endpoint")
                .allSatisfy(e -> {
                    assertThat(CAMEL_ENDPOINT_RESOLUTION_LOGGERS).anyMatch(e.logger()::equals);
                    assertThat(e.level()).isEqualTo(org.apache.logging.log4j.Level.TRACE);
                    assertThat(e.text()).doesNotContain(PAYLOAD);
                });
    }

    /**
     * Camel's tracer ({@code camel.main.tracing=true}), off by default, prints every message body under its own logger,
     * and {@code camel.main.logMask=true} masks only values of known secret keys, not a payload. Secrets still never
     * show; the payload shows only under the tracer's logger, so the docs say to keep tracing off in production.
     */
    @Test
    void camelsTracerIsTheOnlyPlaceThePayloadShowsWhenTurnedOn() throws Exception {
        Run run = run(false, true);
        assertNothingObservedShowsASecret(run);
        List<CapturedLogs.Captured> leaks = run.leaks(THIRD_PARTY_WIRE_LOGGERS);
        assertThat(leaks).as("log events showing a secret or the payload, other than the tracer's")
                .filteredOn(e -> !isCamelTracerLine(e)).extracting(NoSecretsAtTraceTest::describe).isEmpty();
        assertThat(leaks).as("the tracer printed the bodies").isNotEmpty()
                .allSatisfy(e -> assertThat(e.text()).doesNotContain(SECRET_KEY).doesNotContain(SESSION_TOKEN));
    }

    /**
     * A line of Camel's tracer: it logs under the route's source location (e.g. the class that built the route) an
     * {@code Exchange[Id: ..., Headers: ..., BodyType: ..., Body: ...]}.
     */
    static boolean isCamelTracerLine(CapturedLogs.Captured e) {
        return e.text().contains("Exchange[Id: ") && e.text().contains(", Body: ");
    }

    /** Camel's loggers that print the endpoint URI as written, at TRACE, while resolving an endpoint. */
    static final List<String> CAMEL_ENDPOINT_RESOLUTION_LOGGERS = List.of(
            "org.apache.camel.impl.engine.AbstractCamelContext", "org.apache.camel.support.EndpointHelper",
            "org.apache.camel.support.DefaultComponent");

    private static void assertNothingObservedShowsASecret(Run run) {
        for (String text : run.observed()) {
            for (String secret : SECRETS) {
                assertThat(text).as("observed text").doesNotContain(secret);
            }
        }
        assertThat(run.events()).as("log events at TRACE").hasSizeGreaterThan(100);
    }

    private static String describe(CapturedLogs.Captured e) {
        return e.logger() + " " + e.level() + " " + (e.text().length() > 600 ? e.text().substring(0, 600) : e.text());
    }

    private static Run run(boolean credentialsInUri, boolean camelTracing) throws Exception {
        List<String> observed = new ArrayList<>();
        List<CapturedLogs.Captured> events;
        try (AwsEventsEmulator emulator = AwsEventsEmulator.builder().credentials(ACCESS_KEY, SECRET_KEY).start();
             CapturedLogs logs = new CapturedLogs()) {
            String credentials = "&useSessionCredentials=true&accessKey=RAW(" + ACCESS_KEY + ")&secretKey=RAW("
                                 + SECRET_KEY + ")&sessionToken=RAW(" + SESSION_TOKEN + ")";
            String uri = "aws-scn-event:" + INSTANCE + "?eventType=scn.data.inboundorder&eventGroupId=g&region="
                         + emulator.region() + "&overrideEndpoint=true&uriEndpointOverride=" + emulator.endpoint()
                         + (credentialsInUri ? credentials : "") + "&maxAttempts=1";
            try (CamelContext context = new DefaultCamelContext()) {
                if (camelTracing) {
                    // what a user may turn on while debugging: Camel's tracer and message history, masked
                    context.setTracing(true);
                    context.setMessageHistory(true);
                    context.setLogMask(true);
                }
                if (!credentialsInUri) {
                    AwsScnEventComponent component = new AwsScnEventComponent();
                    component.getConfiguration().setUseSessionCredentials(true);
                    component.getConfiguration().setAccessKey(ACCESS_KEY);
                    component.getConfiguration().setSecretKey(SECRET_KEY);
                    component.getConfiguration().setSessionToken(SESSION_TOKEN);
                    context.addComponent("aws-scn-event", component);
                }
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:send").routeId("secure").to(uri);
                    }
                });
                context.start();
                ProducerTemplate template = context.createProducerTemplate();
                String record = "{\"id\":\"o-1\",\"tpartner_id\":\"p\",\"terms\":\"" + PAYLOAD + "\"}";

                Exchange ok = template.send("direct:send", e -> e.getMessage().setBody(record));
                assertThat(ok.getException()).isNull();
                observed.add(ok.toString());
                observed.add(String.valueOf(ok.getMessage().getHeaders()));
                observe(observed, healthChecks(context));

                // a read-back of the event just sent
                Exchange readBack = template.send("direct:send", e -> {
                    e.getMessage().setHeader(AwsScnEventConstants.OPERATION, "getDataIntegrationEvent");
                    e.getMessage().setHeader(AwsScnEventConstants.EVENT_ID,
                            ok.getMessage().getHeader(AwsScnEventConstants.EVENT_ID));
                });
                assertThat(readBack.getException()).isNull();
                observed.add(String.valueOf(readBack.getMessage().getBody()));

                Exchange refused = template.send("direct:send",
                        e -> e.getMessage().setBody("[\"" + PAYLOAD + "\"]"));
                assertThat(refused.getException()).isInstanceOf(FieldValidationException.class);
                observe(observed, refused.getException());
                Exchange refusedGroup = template.send("direct:send", e -> {
                    e.getMessage().setBody(record);
                    e.getMessage().setHeader(AwsScnEventConstants.EVENT_GROUP_ID, "g".repeat(256));
                });
                observe(observed, refusedGroup.getException());
                Exchange refusedAsc = template.send("direct:send",
                        e -> e.getMessage().setBody("{\"connection_id\":\"" + PAYLOAD + "\"}"));
                assertThat(refusedAsc.getException()).isInstanceOf(FieldValidationException.class);
                observe(observed, refusedAsc.getException());

                emulator.faults().set(FaultSettings.builder().serverErrorRate(1.0).build());
                Exchange failed = template.send("direct:send", e -> e.getMessage().setBody(record));
                assertThat(failed.getException()).isInstanceOf(ScnEventDeliveryException.class);
                observe(observed, failed.getException());
                observe(observed, healthChecks(context));
                emulator.faults().clear();

                AwsScnEventEndpoint endpoint = context.getEndpoints().stream()
                        .filter(AwsScnEventEndpoint.class::isInstance).map(AwsScnEventEndpoint.class::cast)
                        .findFirst().orElseThrow();
                observed.add(endpoint.toString());
                // (getEndpointUri() is the endpoint's identity and holds the URI as written, as for every Camel
                // endpoint; Camel shows it sanitised, as toString() does)
                observed.add(org.apache.camel.util.URISupport.sanitizeUri(endpoint.getEndpointUri()));
                observed.add(endpoint.getConfiguration().toString());
                observed.add(((AwsScnEventComponent) context.getComponent("aws-scn-event"))
                        .getConfiguration().toString());
                observed.add(endpoint.createProducer().toString());
                context.stop();
            }
            events = logs.events();
        }
        return new Run(observed, events);
    }

    private static List<String> healthChecks(CamelContext context) {
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        ((ProducersHealthCheckRepository) repository).setEnabled(true);
        List<String> out = new ArrayList<>();
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(context);
        for (HealthCheck.Result result : results) {
            out.add(result.getCheck().getId() + " " + result.getState() + " " + result.getMessage().orElse("") + " "
                    + result.getDetails() + " " + result.getError().map(Throwable::toString).orElse(""));
        }
        assertThat(out).anyMatch(s -> s.contains("aws-scn-event-producer-"));
        return out;
    }

    private static void observe(List<String> observed, Object value) {
        if (value instanceof Throwable t) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            observed.add(trace.toString());
            for (Throwable c = t; c != null; c = c.getCause()) {
                observed.add(String.valueOf(c.getMessage()));
                observed.add(c.toString());
            }
        } else if (value instanceof Collection<?> items) {
            items.forEach(i -> observed.add(String.valueOf(i)));
        } else if (value instanceof Map<?, ?> map) {
            observed.add(map.toString());
        } else {
            observed.add(String.valueOf(value));
        }
    }
}
