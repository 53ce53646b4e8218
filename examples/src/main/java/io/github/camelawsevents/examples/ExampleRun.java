package io.github.camelawsevents.examples;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;

/**
 * Drives one run of the examples inside Camel Main:
 * <ul>
 * <li>before Camel configures the components, it starts the emulator (unless {@code examples.target=aws}, which the
 * {@code aws} profile sets) and points both components at it with override properties, so the routes and
 * {@code application.properties} stay the same for both targets;</li>
 * <li>once the routes run, it waits until the {@link FeedLedger} says every record read was delivered or
 * dead-lettered (logging a progress line now and then), prints the summary and ends the run;</li>
 * <li>when Camel has stopped, it closes the emulator it started.</li>
 * </ul>
 * {@link ExamplesApplication} registers it.
 */
public class ExampleRun extends MainListenerSupport {

    /** A test may bind an emulator under this name; it is used as it is and not closed. */
    public static final String EMULATOR_BEAN = "awsEventsEmulator";

    private static final Logger LOG = LoggerFactory.getLogger(ExampleRun.class);
    private static final List<String> COMPONENTS = List.of("aws-scn-event", "aws-partner-events");

    private volatile Target target;
    private volatile AwsEventsEmulator emulator;
    private volatile boolean ownsEmulator;
    private volatile long startNanos;
    private volatile RunReport report;

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        PropertiesComponent properties = context.getPropertiesComponent();
        target = Target.of(properties.resolveProperty("examples.target").orElse(null));
        if (target == Target.AWS) {
            LOG.info("Target: AWS (no emulator started); the components use application-aws.properties");
            return;
        }
        AwsEventsEmulator supplied = context.getRegistry().lookupByNameAndType(EMULATOR_BEAN, AwsEventsEmulator.class);
        ownsEmulator = supplied == null;
        emulator = supplied != null ? supplied : EmulatorSettings.from(properties::resolveProperty).start();
        for (String component : COMPONENTS) {
            String prefix = "camel.component." + component + ".";
            properties.addOverrideProperty(prefix + "overrideEndpoint", "true");
            properties.addOverrideProperty(prefix + "uriEndpointOverride", emulator.endpoint().toString());
            properties.addOverrideProperty(prefix + "region", emulator.region());
            properties.addOverrideProperty(prefix + "accessKey", emulator.accessKey());
            properties.addOverrideProperty(prefix + "secretKey", emulator.secretKey());
        }
        // the dataset ARN of the inventory route names the region too
        properties.addOverrideProperty("aws.region", emulator.region());
        LOG.info("Target: the emulator at {} (region {})", emulator.endpoint(), emulator.region());
    }

    @Override
    public void beforeStart(BaseMainSupport main) {
        startNanos = System.nanoTime();
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        FeedLedger ledger = context.getRegistry().lookupByNameAndType("ledger", FeedLedger.class);
        if (ledger == null) {
            throw new IllegalStateException("No FeedLedger bound as 'ledger': is ExampleBeans configured?");
        }
        PropertiesComponent properties = context.getPropertiesComponent();
        Duration maxWait = Duration.ofSeconds(longProperty(properties, "examples.maxWaitSeconds", 300));
        Duration progressEvery = Duration.ofSeconds(longProperty(properties, "examples.progressIntervalSeconds", 5));
        boolean allEventIds = properties.resolveProperty("examples.summary.allEventIds").map(Boolean::parseBoolean)
                .orElse(false);
        ExecutorService watcher = context.getExecutorServiceManager().newSingleThreadExecutor(this, "examples-run");
        watcher.execute(() -> {
            try {
                awaitFeeds(ledger, maxWait, progressEvery);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("Stopped before every feed finished");
            }
            try {
                report = RunReport.of(target, Duration.ofNanos(System.nanoTime() - startNanos), ledger.snapshot(),
                        emulator != null ? EmulatorAcknowledgements.of(emulator, allEventIds(ledger)) : null);
                System.out.print(RunSummary.format(report, allEventIds));
                System.out.flush();
            } catch (RuntimeException e) {
                LOG.error("Cannot report the run", e);
            } finally {
                // ends MainSupport.run(), which then stops Camel
                if (main instanceof MainSupport run) {
                    run.completed();
                }
            }
        });
    }

    @Override
    public void afterStop(BaseMainSupport main) {
        if (ownsEmulator && emulator != null) {
            emulator.close();
        }
    }

    /** The outcome, once the run ended; null before (or when Camel could not start). */
    public RunReport report() {
        return report;
    }

    /** The emulator of this run, or null when the target is AWS. */
    public AwsEventsEmulator emulator() {
        return emulator;
    }

    private static void awaitFeeds(FeedLedger ledger, Duration maxWait, Duration progressEvery)
            throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (ledger.awaitSettled(Duration.ofNanos(Math.max(0, Math.min(left, progressEvery.toNanos()))))) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                LOG.warn("Not every feed finished within {} s (examples.maxWaitSeconds)", maxWait.toSeconds());
                return;
            }
            LOG.info("Progress: {}", ledger.snapshot().stream()
                    .map(f -> f.feed() + " " + (f.delivered() + f.deadLettered()) + "/" + f.read()
                              + (f.readingDone() ? "" : "+"))
                    .collect(Collectors.joining(", ")));
        }
    }

    private static List<String> allEventIds(FeedLedger ledger) {
        return ledger.snapshot().stream().flatMap(f -> f.eventIds().stream()).toList();
    }

    private static long longProperty(PropertiesComponent properties, String name, long defaultValue) {
        Optional<String> value = properties.resolveProperty(name);
        return value.map(String::trim).map(Long::parseLong).orElse(defaultValue);
    }
}
