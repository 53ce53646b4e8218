package io.github.camelawsevents.aws.core;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A producer health check in Camel's {@code producers} repository: DOWN while the configuration is not usable, or
 * while the most recent send to AWS failed as a whole (auth, network, service errors); UP otherwise. Input the
 * component refused before sending (validation) does not make the producer unhealthy.
 * <p>
 * Details carry counts, times and error types only: never a payload or a secret.
 */
public final class SendHealthCheck extends AbstractHealthCheck {

    private final Supplier<String> configurationProblem;
    private final AtomicLong successes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Outcome> last = new AtomicReference<>();
    private WritableHealthCheckRepository repository;

    private record Outcome(boolean ok, Instant at, String errorType, String errorMessage) {
    }

    /**
     * @param id                   the check's id, e.g. {@code aws-partner-events-producer-<routeId or endpoint>}
     * @param configurationProblem returns a description of what is wrong with the configuration, or null
     */
    public SendHealthCheck(String id, Supplier<String> configurationProblem) {
        super("camel", id);
        this.configurationProblem = configurationProblem;
    }

    /** Records a request AWS accepted (even with failed entries inside). */
    public void recordSuccess() {
        successes.incrementAndGet();
        last.set(new Outcome(true, Instant.now(), null, null));
    }

    /** Records a whole request that failed after the SDK's retries. */
    public void recordFailure(Throwable error) {
        failures.incrementAndGet();
        last.set(new Outcome(false, Instant.now(), error.getClass().getSimpleName(), SafeMessages.of(error)));
    }

    @Override
    public boolean isLiveness() {
        // a failing remote service says nothing about whether this process is alive
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("successes", successes.get());
        builder.detail("failures", failures.get());
        String problem = configurationProblem.get();
        if (problem != null) {
            builder.message(problem).down();
            return;
        }
        Outcome outcome = last.get();
        if (outcome == null) {
            builder.up();
            return;
        }
        builder.detail(outcome.ok() ? "lastSuccess" : "lastFailure", outcome.at().toString());
        if (outcome.ok()) {
            builder.up();
        } else {
            builder.detail("lastErrorType", outcome.errorType());
            builder.message("The last request to AWS failed: " + outcome.errorMessage());
            builder.down();
        }
    }

    /** Adds the check to the context's {@code producers} repository, if that repository is present. */
    public void register(CamelContext context, boolean enabled) {
        setEnabled(enabled);
        repository = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        if (repository != null) {
            repository.addHealthCheck(this);
        }
    }

    /** Removes the check from the repository it was added to. */
    public void unregister() {
        if (repository != null) {
            repository.removeHealthCheck(this);
            repository = null;
        }
    }
}
