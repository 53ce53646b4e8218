package io.github.camelawsevents.aws.emulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone until Ctrl-C / SIGTERM:
 * {@code mvn -q -pl aws-events-emulator compile exec:java@emulator -Dexec.args="--port 4566"}. Options come from the arguments
 * or, with the same names, from system properties prefixed {@code emulator.} (e.g. {@code -Demulator.port=4566}).
 * {@code --help} lists them.
 */
public final class EmulatorMain {

    static final String USAGE = """
            AWS events emulator: AWS Supply Chain data-integration events and EventBridge PutPartnerEvents/PutEvents
            on one local HTTP port.

            Options (also as system properties emulator.<name>, e.g. -Demulator.port=4566):
              --host <address>                    bind address (default 127.0.0.1)
              --port <port>                       port, 0 = any free port (default 0)
              --region <region>                   signing region (default us-east-1)
              --access-key <key>                  access key (default AKIAEMULATOR00000000)
              --secret-key <key>                  secret key (default emulator-secret-key)
              --no-verify-signatures              accept requests without checking SigV4
              --count-only                        keep counters only, no payloads (long runs)
              --strict-records                    check required columns of the 15 fixed Supply Chain types
              --idempotency-token-capacity <n>    client tokens remembered (default 1000000)
              --eventbridge-request-size-limit <bytes> most bytes the entries of a PutPartnerEvents/PutEvents
                                                  request may total (default 262144, at most 1048576)
              --oversized-request-answer <answer> answer to entries over that limit: VALIDATION_EXCEPTION_400
                                                  (default) or EMPTY_413 (413 with an empty body)
              --seed <long>                       seed of the fault decisions (default 42)
              --latency-ms <ms>                   fixed latency added to each response
              --random-latency-ms <min>-<max>     random latency added on top
              --throttle-rate <0..1>              whole-request ThrottlingException rate
              --server-error-rate <0..1>          whole-request 500 rate
              --entry-throttle-rate <0..1>        per-entry ThrottlingException rate (EventBridge)
              --entry-internal-failure-rate <0..1> per-entry InternalFailure rate (EventBridge)
              --drop-connection-rate <0..1>       close the connection before processing
              --lost-response-rate <0..1>         store, then close the connection without a response
              --error-after-store-rate <0..1>     store, then answer 500
              --requests-per-second <n>           token-bucket rate limit, 0 = off
              --throttle-burst-ms <every>/<length> throttle everything for <length> ms of every <every> ms
              --clock-offset-ms <ms>              run the emulator's clock (Date header, signature window) this far
                                                  ahead of the system's (negative: behind), to try clock-skew correction
              --io-threads <n>                    Netty I/O threads (default: processors)
              --request-timeout-ms <ms>           answer 408 to a request unfinished for this long (default 60000)
              --help                              this text
            Logging: -Demulator.logLevel=DEBUG logs one line per request.
            """;

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Use the module's console logging configuration unless the caller chose one (set before any logger exists).
        if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "aws-events-emulator-log4j2.xml");
            // our shutdown hook logs the stop line; Log4j's own hook would stop logging first
            System.setProperty("log4j.shutdownHookEnabled", "false");
        }
        AwsEventsEmulator.Builder builder;
        try {
            List<String> all = withSystemProperties(args);
            if (all.contains("--help") || all.contains("-h")) {
                System.out.println(USAGE);
                return;
            }
            builder = parse(all);
        } catch (IllegalArgumentException e) {
            System.err.println("aws-events-emulator: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        AwsEventsEmulator emulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "aws-events-emulator-shutdown"));
        printBanner(System.out, emulator);
        stopped.await();
    }

    static void printBanner(PrintStream out, AwsEventsEmulator emulator) {
        out.println("AWS events emulator running. Stop with Ctrl-C.");
        out.println("  endpoint    " + emulator.endpoint());
        out.println("  region      " + emulator.region());
        out.println("  access key  " + emulator.accessKey());
        out.println("  secret key  " + emulator.secretKey());
        out.println("  signatures  " + (emulator.verifiesSignatures() ? "verified" : "not verified"));
        out.println("  eventbridge entries under " + emulator.eventBridgeRequestSizeLimit() + " bytes a request, else "
                + (emulator.oversizedRequestAnswer() == OversizedRequestAnswer.EMPTY_413 ? "413 with an empty body"
                        : "400 ValidationException"));
        out.println("  inspection  " + emulator.endpoint() + "/_emulator/stats");
        out.println("  AWS CLI     AWS_ACCESS_KEY_ID=" + emulator.accessKey() + " AWS_SECRET_ACCESS_KEY="
                + emulator.secretKey() + " aws --region " + emulator.region() + " --endpoint-url "
                + emulator.endpoint() + " events put-partner-events --entries ...");
        out.flush();
    }

    /** System properties {@code emulator.<name>} first, so that arguments win. */
    static List<String> withSystemProperties(String[] args) {
        List<String> all = new ArrayList<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("emulator.") && !name.equals("emulator.logLevel")) {
                String value = System.getProperty(name);
                all.add("--" + name.substring("emulator.".length()));
                if (!value.isEmpty() && !"true".equalsIgnoreCase(value)) {
                    all.add(value);
                }
            }
        }
        all.addAll(List.of(args));
        return all;
    }

    static AwsEventsEmulator.Builder parse(List<String> args) {
        AwsEventsEmulator.Builder builder = AwsEventsEmulator.builder();
        FaultSettings.Builder faults = FaultSettings.builder();
        String accessKey = AwsEventsEmulator.DEFAULT_ACCESS_KEY;
        String secretKey = AwsEventsEmulator.DEFAULT_SECRET_KEY;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            switch (name.toLowerCase(Locale.ROOT)) {
                case "--no-verify-signatures" -> builder.verifySignatures(false);
                case "--count-only" -> builder.countOnly(true);
                case "--strict-records" -> builder.strictRecords(true);
                default -> {
                    String value = inline != null ? inline : (i + 1 < args.size() ? args.get(++i) : null);
                    if (value == null) {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    try {
                        switch (name.toLowerCase(Locale.ROOT)) {
                            case "--host" -> builder.host(value);
                            case "--port" -> builder.port(Integer.parseInt(value));
                            case "--region" -> builder.region(value);
                            case "--access-key" -> accessKey = value;
                            case "--secret-key" -> secretKey = value;
                            case "--verify-signatures" -> builder.verifySignatures(Boolean.parseBoolean(value));
                            case "--idempotency-token-capacity" -> builder.idempotencyTokenCapacity(Integer.parseInt(value));
                            case "--eventbridge-request-size-limit" ->
                                    builder.eventBridgeRequestSizeLimit(Integer.parseInt(value));
                            case "--oversized-request-answer" -> builder.oversizedRequestAnswer(oversizedAnswer(value));
                            case "--seed" -> builder.seed(Long.parseLong(value));
                            case "--latency-ms" -> faults.latency(Duration.ofMillis(Long.parseLong(value)));
                            case "--random-latency-ms" -> {
                                String[] range = value.split("-");
                                if (range.length != 2) {
                                    throw new IllegalArgumentException("--random-latency-ms takes <min>-<max>");
                                }
                                faults.randomLatency(Duration.ofMillis(Long.parseLong(range[0].trim())),
                                        Duration.ofMillis(Long.parseLong(range[1].trim())));
                            }
                            case "--throttle-rate" -> faults.requestThrottleRate(Double.parseDouble(value));
                            case "--server-error-rate" -> faults.serverErrorRate(Double.parseDouble(value));
                            case "--entry-throttle-rate" -> faults.entryThrottleRate(Double.parseDouble(value));
                            case "--entry-internal-failure-rate" -> faults.entryInternalFailureRate(Double.parseDouble(value));
                            case "--drop-connection-rate" -> faults.dropConnectionRate(Double.parseDouble(value));
                            case "--lost-response-rate" -> faults.lostResponseRate(Double.parseDouble(value));
                            case "--error-after-store-rate" -> faults.errorAfterStoreRate(Double.parseDouble(value));
                            case "--requests-per-second" -> faults.requestsPerSecond(Double.parseDouble(value));
                            case "--throttle-burst-ms" -> {
                                String[] parts = value.split("/");
                                if (parts.length != 2) {
                                    throw new IllegalArgumentException("--throttle-burst-ms takes <every>/<length>");
                                }
                                faults.throttleBurst(Duration.ofMillis(Long.parseLong(parts[0].trim())),
                                        Duration.ofMillis(Long.parseLong(parts[1].trim())));
                            }
                            case "--clock-offset-ms" -> builder.clock(java.time.Clock.offset(java.time.Clock.systemUTC(),
                                    Duration.ofMillis(Long.parseLong(value))));
                            case "--io-threads", "--iothreads" -> builder.ioThreads(Integer.parseInt(value));
                            case "--request-timeout-ms", "--requesttimeoutms" ->
                                    builder.requestTimeout(Duration.ofMillis(Long.parseLong(value)));
                            default -> throw new IllegalArgumentException("unknown option " + name);
                        }
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(name + ": not a number: " + value);
                    }
                }
            }
        }
        return builder.credentials(accessKey, secretKey).faults(faults.build());
    }

    private static OversizedRequestAnswer oversizedAnswer(String value) {
        try {
            return OversizedRequestAnswer.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--oversized-request-answer takes one of "
                    + List.of(OversizedRequestAnswer.values()) + ", was " + value);
        }
    }
}
