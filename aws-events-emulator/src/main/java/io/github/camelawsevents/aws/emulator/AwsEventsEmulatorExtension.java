package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Objects;

/**
 * JUnit 5 extension running one {@link AwsEventsEmulator} per test class: started before all tests, reset
 * before each test ({@link AwsEventsEmulator#reset()}), closed after all tests. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AwsEventsEmulatorExtension AWS = new AwsEventsEmulatorExtension();
 *
 * @Test
 * void sends(AwsEventsEmulator emulator) { ... AWS.emulator().endpoint() ... }
 * }</pre>
 *
 * Registered on an instance field (where JUnit does not call class-level callbacks and creates one extension
 * per test), it starts the emulator before each test and closes it after that test.
 * Test and lifecycle methods may take an {@link AwsEventsEmulator} parameter. JUnit is a provided dependency
 * of this module: projects using the extension bring junit-jupiter-api themselves.
 */
public final class AwsEventsEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final AwsEventsEmulator.Builder builder;
    private volatile AwsEventsEmulator emulator;
    private String ownerId;

    /** An extension starting a default emulator ({@link AwsEventsEmulator#startDefault()}). */
    public AwsEventsEmulatorExtension() {
        this(AwsEventsEmulator.builder());
    }

    /** An extension starting the emulator {@code builder} describes. */
    public AwsEventsEmulatorExtension(AwsEventsEmulator.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /** The running emulator; fails when it is not started (outside the test class's lifecycle). */
    public AwsEventsEmulator emulator() {
        AwsEventsEmulator e = emulator;
        if (e == null) {
            throw new IllegalStateException("The emulator is not running: register the extension with "
                    + "@RegisterExtension and use it inside the test class's lifecycle");
        }
        return e;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        startIfNeeded(context);
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (emulator == null) {
            // instance-field registration: no beforeAll; this test owns the emulator
            startIfNeeded(context);
        } else {
            emulator.reset();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        closeIfOwnedBy(context);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        closeIfOwnedBy(context);
    }

    private void closeIfOwnedBy(ExtensionContext context) {
        if (emulator != null && context.getUniqueId().equals(ownerId)) {
            try {
                emulator.close();
            } finally {
                emulator = null;
                ownerId = null;
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == AwsEventsEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return emulator();
    }

    private void startIfNeeded(ExtensionContext context) {
        if (emulator == null) {
            emulator = builder.start();
            ownerId = context.getUniqueId();
        }
    }
}
