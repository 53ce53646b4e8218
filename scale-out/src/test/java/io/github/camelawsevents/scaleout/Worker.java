package io.github.camelawsevents.scaleout;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One scale-out worker: the module's Camel Main application ({@code org.apache.camel.main.Main} with
 * {@code application.properties} and {@code routes/scale-out-worker.yaml} from the class path) in a JVM of its own,
 * configured only through system properties that override the application's properties, as a deployment would.
 */
final class Worker implements AutoCloseable {

    private final ChildJvm process;

    private Worker(ChildJvm process) {
        this.process = process;
    }

    /**
     * @param awsEndpoint where both components send (the emulator, or the outage relay in front of it)
     * @param settings    further properties, e.g. topics and consumer groups of the scenario
     */
    static Worker start(String name, String bootstrap, URI awsEndpoint, Map<String, String> settings) throws IOException {
        return start(name, bootstrap, awsEndpoint, settings, "org.apache.camel.main.Main");
    }

    /** As {@link #start(String, String, URI, Map)}, with another main class (the seda reference). */
    static Worker start(String name, String bootstrap, URI awsEndpoint, Map<String, String> settings, String mainClass)
            throws IOException {
        // a fixed heap, as for a server: with -Xms128m the serial collector kept the heap at 123 MB, collected the young
        // generation four times a second and paused a worker 5.3 s in a full-size run, against 2.3 s at a fixed 384 MB
        List<String> jvm = new ArrayList<>(List.of("-Xms384m", "-Xmx384m",
                "-Dscaleout.kafka.brokers=" + bootstrap,
                // a killed worker's partitions move after 6 s without heartbeats (the broker allows 2 s and up)
                "-Dcamel.component.kafka.session-timeout-ms=" + ScaleOutScenario.SESSION_TIMEOUT.toMillis(),
                "-Dcamel.component.kafka.heartbeat-interval-ms=1000"));
        for (String component : List.of("aws-scn-event", "aws-partner-events")) {
            String p = "-Dcamel.component." + component + ".";
            jvm.add(p + "region=" + Emulator.REGION);
            jvm.add(p + "use-default-credentials-provider=false");
            jvm.add(p + "access-key=" + Emulator.ACCESS_KEY);
            jvm.add(p + "secret-key=" + Emulator.SECRET_KEY);
            jvm.add(p + "override-endpoint=true");
            jvm.add(p + "uri-endpoint-override=" + awsEndpoint);
        }
        settings.forEach((k, v) -> jvm.add("-D" + k + "=" + v));
        // diagnostics, e.g. -Dscaleout.workerJvmArgs="-XX:StartFlightRecording=filename=target/w.jfr": every worker
        String extra = System.getProperty("scaleout.workerJvmArgs", "").trim();
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.replace("{name}", name).split("\\s+")));
        }
        return new Worker(ChildJvm.start(name, jvm, mainClass, List.of()));
    }

    /** Waits until Camel started the routes. */
    Worker awaitStarted() {
        process.awaitLine(") started in", 120);
        return this;
    }

    /** Waits until the child printed a line containing {@code text}, and returns it. */
    String awaitLine(String text, long seconds) {
        return process.awaitLine(text, seconds);
    }

    String name() {
        return process.name();
    }

    /** The worker JVM's process id. */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> lastLines() {
        return process.lastLines();
    }

    void dumpThreads() {
        if (process.isAlive()) {
            process.dumpThreads();
        }
    }

    /** {@code kill -STOP}: the worker stands still, as a JVM in a long GC pause or a frozen container does. */
    void pause() throws java.io.IOException, InterruptedException {
        process.signal("STOP");
    }

    /** {@code kill -CONT}: the worker goes on where it stood. */
    void resume() throws java.io.IOException, InterruptedException {
        process.signal("CONT");
    }

    /** {@code kill -9}. */
    void kill() throws InterruptedException {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }

    /** Ends every worker at once (SIGTERM, SIGKILL after a grace period), see {@link ChildJvm#closeAll}. */
    static void closeAll(List<Worker> workers) {
        ChildJvm.closeAll(workers.stream().map(w -> w.process).toList());
    }

    /** CPU time used so far, in seconds. */
    double cpuSeconds() {
        return process.cpuSeconds();
    }
}
