package io.github.camelawsevents.examples;

import java.util.Map;

import org.apache.camel.main.Main;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;

/**
 * Runs the example feeds once, end to end, and exits: 0 when every record was delivered or dead-lettered as expected
 * (and, on the emulator, every acknowledgement matches what it stored), 1 otherwise.
 * <p>
 * It registers the run listener {@link ExampleRun}; everything else is configuration:
 * {@code application.properties} (routes, beans, feeds, emulator) and, with {@code -Dcamel.main.profile=aws} (or {@code -Dexamples.target=aws}),
 * {@code application-aws.properties}.
 */
public final class ExamplesApplication {

    /** The Camel Main profile property; {@code aws} adds {@code application-aws.properties}. */
    public static final String PROFILE = "camel.main.profile";

    private ExamplesApplication() {
    }

    public static void main(String[] args) throws Exception {
        RunReport report = run(Map.of(), null, args);
        if (!report.succeeded()) {
            System.exit(1);
        }
    }

    /**
     * Runs the examples to the end.
     *
     * @param properties properties overriding every other source (the tests use them); {@value #PROFILE} selects
     *                   the profile
     * @param emulator   an emulator to use instead of starting one (not closed), or null
     * @param args       Camel Main command-line arguments
     * @return the outcome
     */
    public static RunReport run(Map<String, String> properties, AwsEventsEmulator emulator, String... args)
            throws Exception {
        Main main = new Main(ExamplesApplication.class);
        // registered here, not in application.properties: Camel Main reads its listener classes from the
        // properties only after the point where ExampleRun must start the emulator (beforeConfigure)
        ExampleRun run = new ExampleRun();
        main.addMainListener(run);
        if ("aws".equalsIgnoreCase(System.getProperty("examples.target"))) {
            main.configure().setProfile("aws");
        }
        if (properties.containsKey(PROFILE)) {
            main.configure().setProfile(properties.get(PROFILE));
        }
        properties.forEach(main::addOverrideProperty);
        if (emulator != null) {
            main.bind(ExampleRun.EMULATOR_BEAN, emulator);
        }
        main.run(args);
        if (run.report() == null) {
            throw new IllegalStateException("The run ended before it could report: see the log above");
        }
        return run.report();
    }
}
