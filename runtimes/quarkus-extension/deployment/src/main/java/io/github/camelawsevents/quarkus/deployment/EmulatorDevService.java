package io.github.camelawsevents.quarkus.deployment;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.quarkus.deployment.builditem.Startable;
import org.jboss.logging.Logger;

/**
 * The emulator of both AWS APIs as a Quarkus Dev Service: in-process (no container), on 127.0.0.1 and a free port.
 * Quarkus starts it before the application, keeps it across dev-mode restarts while its settings are unchanged,
 * and closes it when the application (or the test run) ends.
 */
final class EmulatorDevService implements Startable {

    private static final Logger LOG = Logger.getLogger(EmulatorDevService.class);

    /** What identifies the service across dev-mode restarts: a changed region means a new emulator. */
    record Settings(String region) {
    }

    private final Settings settings;
    private volatile AwsEventsEmulator emulator;

    EmulatorDevService(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void start() {
        emulator = AwsEventsEmulator.builder()
                .host(AwsEventsEmulator.DEFAULT_HOST)
                .port(0)
                .region(settings.region())
                .start();
        LOG.infof("Dev Services for Camel AWS Events started the emulator at %s (region %s); both components send"
                  + " to it", emulator.endpoint(), emulator.region());
    }

    String endpoint() {
        return running().endpoint().toString();
    }

    String region() {
        return running().region();
    }

    String accessKey() {
        return running().accessKey();
    }

    String secretKey() {
        return running().secretKey();
    }

    @Override
    public String getConnectionInfo() {
        return emulator == null ? "not started" : emulator.endpoint().toString();
    }

    @Override
    public String getContainerId() {
        // in-process: no container
        return null;
    }

    @Override
    public void close() {
        AwsEventsEmulator running = emulator;
        emulator = null;
        if (running != null) {
            running.close();
            LOG.debugf("Dev Services for Camel AWS Events stopped the emulator at %s", running.endpoint());
        }
    }

    private AwsEventsEmulator running() {
        AwsEventsEmulator running = emulator;
        if (running == null) {
            throw new IllegalStateException("The Dev Services emulator is not running");
        }
        return running;
    }
}
