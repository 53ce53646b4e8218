package io.github.camelawsevents.aws.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every logger at TRACE, a whole life cycle (start, sends, refused messages, a failed request, health checks,
 * stop, plus what the component adds in {@link #exercise}) shows no secret key, no session token and no payload: not
 * in the logs, not in exception messages or stack traces, not in the toString() of endpoint, configuration, producer
 * and exchange, not in health check results.
 * <p>
 * What is outside our code and excluded by name: the AWS SDK's SigV4 signer ({@value CapturedLogs#SDK_SIGNER_LOGGER})
 * logs the canonical request with the session token at DEBUG, and the SDK's and Netty's wire loggers (listed in
 * {@link #THIRD_PARTY_WIRE_LOGGERS}) dump requests at DEBUG; the component docs say to keep them at INFO. Camel's own
 * endpoint-resolution TRACE lines print a route URI as written, so credentials belong on the component (see
 * {@link #credentialsInTheUri()}).
 * <p>
 * Each component runs these checks through a subclass that supplies its endpoint and its life cycle of sends.
 */
public abstract class AbstractNoSecretsAtTraceTest {

    public static final String ACCESS_KEY = "AKIASECURITYTEST0001";
    public static final String SECRET_KEY = "Sup3r/S3cret+Key=With&Chars";
    public static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjSESSIONTOKENMARKER/+=";
    /** Put it in every body {@link #exercise} sends: it must never show outside Camel's tracer. */
    public static final String PAYLOAD = "PAYLOAD-MARKER-5e8f1c";

    /**
     * The AWS SDK's own request loggers, not ours, quiet unless a user turns them to DEBUG (documented): the SigV4
     * signer's canonical request (with the session token), and the wire log of the SDK's Netty HTTP client, which
     * adds Netty's LoggingHandler and dumps every request, headers and body, when that logger is at DEBUG.
     */
    public static final List<String> THIRD_PARTY_WIRE_LOGGERS = List.of(CapturedLogs.SDK_SIGNER_LOGGER,
            "io.netty.handler.logging.LoggingHandler");

    /** Camel's loggers that print the endpoint URI as written, at TRACE, while resolving an endpoint. */
    public static final List<String> CAMEL_ENDPOINT_RESOLUTION_LOGGERS = List.of(
            "org.apache.camel.impl.engine.AbstractCamelContext", "org.apache.camel.support.EndpointHelper",
            "org.apache.camel.support.DefaultComponent");

    static final List<String> SECRETS = List.of(SECRET_KEY, SESSION_TOKEN, PAYLOAD);

    private final ComponentUnderTest component;

    protected AbstractNoSecretsAtTraceTest(ComponentUnderTest component) {
        this.component = component;
    }

    /** The component's scheme. */
    protected final String scheme() {
        return component.scheme();
    }

    /**
     * The endpoint URI to the emulator, without credentials, failing fast (one SDK attempt, short entry retries).
     * The credentials, when they go into the URI, are appended as {@code &name=RAW(value)}.
     */
    protected abstract String uriWithoutCredentials(AwsEventsEmulator emulator);


    /** A body the component sends as one event, with {@link #PAYLOAD} in it. */
    protected abstract Object successBody();

    /**
     * The rest of the life cycle between start and stop, after {@code ok} (the {@link #successBody()} sent, its
     * exchange and headers and the health checks observed), through {@code direct:send} (the route to the
     * endpoint): sends the component refuses, a request that fails (emulator faults, cleared at the end), with
     * {@link #healthChecks} after the failure. Everything it looks at (exchanges, headers, exceptions, failed
     * entries) goes into {@code observed} through {@link #observe}.
     */
    protected abstract void exercise(CamelContext context, ProducerTemplate template, AwsEventsEmulator emulator,
            Exchange ok, List<String> observed) throws Exception;

    /** The toString() of the endpoint's configuration and of the component's. */
    protected abstract List<String> configurations(CamelContext context, Endpoint endpoint);

    /** Whether a health check (its id, as listed by {@link #healthChecks}) is this component's producer check. */
    protected abstract boolean isProducerHealthCheck(String line);

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

    /**
     * Credentials on the component (or the SDK's default provider), not in route URIs, as the docs recommend: nothing
     * shows a secret or the payload, whatever logs at TRACE, except the SDK's and Netty's own request loggers.
     */
    @Test
    void credentialsOnTheComponent() throws Exception {
        Run run = run(false, false);
        assertNothingObservedShowsASecret(run);
        assertThat(run.leaks(THIRD_PARTY_WIRE_LOGGERS)).as("log events showing a secret or the payload")
                .extracting(AbstractNoSecretsAtTraceTest::describe).isEmpty();
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
                .extracting(AbstractNoSecretsAtTraceTest::describe).isEmpty();
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
                .filteredOn(e -> !isCamelTracerLine(e)).extracting(AbstractNoSecretsAtTraceTest::describe).isEmpty();
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

    private Run run(boolean credentialsInUri, boolean camelTracing) throws Exception {
        List<String> observed = new ArrayList<>();
        List<CapturedLogs.Captured> events;
        try (AwsEventsEmulator emulator = AwsEventsEmulator.builder().credentials(ACCESS_KEY, SECRET_KEY).start();
             CapturedLogs logs = new CapturedLogs()) {
            String credentials = "&useSessionCredentials=true&accessKey=RAW(" + ACCESS_KEY + ")&secretKey=RAW("
                                 + SECRET_KEY + ")&sessionToken=RAW(" + SESSION_TOKEN + ")";
            String uri = uriWithoutCredentials(emulator) + (credentialsInUri ? credentials : "");
            try (CamelContext context = new DefaultCamelContext()) {
                if (camelTracing) {
                    // what a user may turn on while debugging: Camel's tracer and message history, masked
                    context.setTracing(true);
                    context.setMessageHistory(true);
                    context.setLogMask(true);
                }
                if (!credentialsInUri) {
                    component.addWithSessionCredentials(context);
                }
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:send").routeId("secure").to(uri);
                    }
                });
                context.start();
                ProducerTemplate template = context.createProducerTemplate();
                Object body = successBody();
                Exchange ok = template.send("direct:send", e -> e.getMessage().setBody(body));
                assertThat(ok.getException()).isNull();
                observed.add(ok.toString());
                observed.add(String.valueOf(ok.getMessage().getHeaders()));
                observe(observed, healthChecks(context));
                exercise(context, template, emulator, ok, observed);

                Endpoint endpoint = context.getEndpoints().stream()
                        .filter(e -> e.getEndpointUri().startsWith(scheme() + ":"))
                        .findFirst().orElseThrow();
                observed.add(endpoint.toString());
                // (getEndpointUri() is the endpoint's identity and holds the URI as written, as for every Camel
                // endpoint; Camel shows it sanitised, as toString() does)
                observed.add(URISupport.sanitizeUri(endpoint.getEndpointUri()));
                observed.addAll(configurations(context, endpoint));
                observed.add(endpoint.createProducer().toString());
                context.stop();
            }
            events = logs.events();
        }
        return new Run(observed, events);
    }

    /** Every health check's result in words; the component's producer check must be among them. */
    protected List<String> healthChecks(CamelContext context) {
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        ((ProducersHealthCheckRepository) repository).setEnabled(true);
        List<String> out = new ArrayList<>();
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(context);
        for (HealthCheck.Result result : results) {
            out.add(result.getCheck().getId() + " " + result.getState() + " " + result.getMessage().orElse("") + " "
                    + result.getDetails() + " " + result.getError().map(Throwable::toString).orElse(""));
        }
        assertThat(out).anyMatch(this::isProducerHealthCheck);
        return out;
    }

    /**
     * Adds what a value shows to {@code observed}: a throwable's stack trace and each cause's message and toString(),
     * each item of a collection, a map's or any other value's toString().
     */
    protected static void observe(List<String> observed, Object value) {
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
