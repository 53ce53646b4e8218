package io.github.camelawsevents.aws.core.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointMetricsTest {

    private static final String URI = "aws-partner-events:aws.partner/example.com/x/y?secretKey=s3cr3t&accessKey=AKIA1";

    private final CamelContext context = new DefaultCamelContext();
    private final AtomicInteger inFlight = new AtomicInteger(3);
    private final AtomicInteger pending = new AtomicInteger(5);
    private final AtomicInteger waiting = new AtomicInteger(7);
    private final DeliveryGauges gauges = new DeliveryGauges(inFlight::get, pending::get, waiting::get);

    @AfterEach
    void closeContext() throws Exception {
        context.close();
    }

    @Test
    void recordsEveryMeterTaggedByComponentAndSanitizedEndpoint() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        context.getRegistry().bind("metricsRegistry", registry);
        DeliveryStats stats = new DeliveryStats();
        EndpointMetrics metrics = EndpointMetrics.start(context, "aws-partner-events", URI, stats, gauges);
        assertThat(metrics.isMetered()).isTrue();

        metrics.requestAnswered(20, TimeUnit.MILLISECONDS.toNanos(12), null);
        metrics.requestAnswered(4, TimeUnit.MILLISECONDS.toNanos(30), "ThrottlingException");
        metrics.accepted(17);
        metrics.retried(2);
        metrics.failed("MalformedDetail", 1, "Detail is malformed.");
        metrics.failed("ThrottlingException", 4, "Rate exceeded");

        String endpoint = registry.get("camel.aws.events.accepted").counter().getId().getTag("endpoint");
        assertThat(endpoint).doesNotContain("s3cr3t").doesNotContain("AKIA1").startsWith("aws-partner-events:");
        assertThat(registry.get("camel.aws.events.accepted").tag("component", "aws-partner-events")
                .tag("endpoint", endpoint).tag("camelContext", context.getName()).counter().count()).isEqualTo(17);
        assertThat(registry.get("camel.aws.events.retried").counter().count()).isEqualTo(2);
        assertThat(registry.get("camel.aws.events.failed").tag("errorCode", "MalformedDetail").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("camel.aws.events.failed").tag("errorCode", "ThrottlingException").counter().count())
                .isEqualTo(4);
        Timer ok = registry.get("camel.aws.events.requests").tag("outcome", "success").tag("errorCode", "none").timer();
        assertThat(ok.count()).isEqualTo(1);
        assertThat(ok.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(12);
        assertThat(registry.get("camel.aws.events.requests").tag("outcome", "error")
                .tag("errorCode", "ThrottlingException").timer().count()).isEqualTo(1);
        assertThat(registry.get("camel.aws.events.request.items").summary().count()).isEqualTo(2);
        assertThat(registry.get("camel.aws.events.request.items").summary().totalAmount()).isEqualTo(24);
        assertThat(registry.get("camel.aws.events.requests.inflight").gauge().value()).isEqualTo(3);
        assertThat(registry.get("camel.aws.events.exchanges.pending").gauge().value()).isEqualTo(5);
        waiting.set(9);
        assertThat(registry.get("camel.aws.events.waiting").gauge().value()).isEqualTo(9);

        assertThat(stats.accepted()).as("the stats get the same").isEqualTo(17);
        assertThat(stats.failed()).isEqualTo(5);

        metrics.close();
        assertThat(registry.getMeters()).as("closing removes every meter of the endpoint").isEmpty();
        metrics.failed("Late", 1, "after the stop");
        assertThat(registry.getMeters()).isEmpty();
        assertThat(stats.failedByCode()).containsKey("Late");
    }

    @Test
    void findsTheOnlyMeterRegistryOfAnyNameAndPrefersTheConventionalName() {
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        context.getRegistry().bind("myRegistry", other);
        EndpointMetrics metrics = EndpointMetrics.start(context, "aws-scn-event", "aws-scn-event:x", new DeliveryStats(),
                gauges);
        metrics.accepted(2);
        assertThat(other.get("camel.aws.events.accepted").counter().count()).isEqualTo(2);
        metrics.close();

        SimpleMeterRegistry conventional = new SimpleMeterRegistry();
        context.getRegistry().bind("metricsRegistry", conventional);
        EndpointMetrics second = EndpointMetrics.start(context, "aws-scn-event", "aws-scn-event:x",
                new DeliveryStats(), gauges);
        second.accepted(1);
        assertThat(conventional.get("camel.aws.events.accepted").counter().count()).isEqualTo(1);
        assertThat(other.find("camel.aws.events.accepted").counter()).isNull();
        second.close();
    }

    @Test
    void withoutAMeterRegistryOnlyTheStatsCount() {
        DeliveryStats stats = new DeliveryStats();
        EndpointMetrics metrics = EndpointMetrics.start(context, "aws-scn-event", "aws-scn-event:x", stats, gauges);
        assertThat(metrics.isMetered()).isFalse();
        metrics.requestAnswered(1, 1, null);
        metrics.accepted(1);
        metrics.close();
        assertThat(stats.accepted()).isEqualTo(1);
    }

    @Test
    void gaugesDoNotKeepTheEndpointAliveAndReadZeroAfterClose() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        context.getRegistry().bind("metricsRegistry", registry);
        EndpointMetrics metrics = EndpointMetrics.start(context, "aws-scn-event", "aws-scn-event:x",
                new DeliveryStats(), gauges);
        io.micrometer.core.instrument.Gauge gauge = registry.get("camel.aws.events.requests.inflight").gauge();
        assertThat(gauge.value()).isEqualTo(3);
        metrics.close();
        assertThat(gauge.value()).isZero();
    }

    /**
     * Core loads, starts metrics and counts with no Micrometer on the classpath: the metrics classes are loaded by a
     * class loader that refuses {@code io.micrometer}.
     */
    @Test
    void worksWithoutMicrometerOnTheClasspath() throws Exception {
        ClassLoader noMicrometer = new WithoutMicrometer(getClass().getClassLoader());
        Class<?> metricsClass = Class.forName(EndpointMetrics.class.getName(), true, noMicrometer);
        Class<?> statsClass = Class.forName(DeliveryStats.class.getName(), true, noMicrometer);
        Class<?> gaugesClass = Class.forName(DeliveryGauges.class.getName(), true, noMicrometer);
        assertThat(metricsClass.getClassLoader()).isSameAs(noMicrometer);
        assertThat(EndpointMetrics.present(EndpointMetrics.MICROMETER_CLASS, noMicrometer)).isFalse();

        context.getRegistry().bind("metricsRegistry", new SimpleMeterRegistry());
        Object stats = statsClass.getConstructor().newInstance();
        java.util.function.IntSupplier zero = () -> 0;
        Object noGauges = gaugesClass.getConstructors()[0].newInstance(zero, zero, zero);
        Method start = metricsClass.getMethod("start", CamelContext.class, String.class, String.class, statsClass,
                gaugesClass);
        Object metrics = start.invoke(null, context, "aws-scn-event", "aws-scn-event:x", stats, noGauges);
        assertThat(metricsClass.getMethod("isMetered").invoke(metrics)).isEqualTo(false);
        metricsClass.getMethod("accepted", int.class).invoke(metrics, 3);
        metricsClass.getMethod("close").invoke(metrics);
        assertThat(statsClass.getMethod("accepted").invoke(stats)).isEqualTo(3L);
    }

    /** Defines this package's classes itself (so they see only it) and refuses every Micrometer class. */
    private static final class WithoutMicrometer extends ClassLoader {
        WithoutMicrometer(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.micrometer.")) {
                throw new ClassNotFoundException(name);
            }
            if (name.startsWith(EndpointMetrics.class.getPackageName() + ".") && !name.contains("Test")) {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    if (c == null) {
                        String path = name.replace('.', '/') + ".class";
                        try (InputStream in = getParent().getResourceAsStream(path)) {
                            byte[] bytes = in.readAllBytes();
                            c = defineClass(name, bytes, 0, bytes.length);
                        } catch (IOException e) {
                            throw new ClassNotFoundException(name, e);
                        }
                    }
                    return c;
                }
            }
            return super.loadClass(name, resolve);
        }
    }

}
