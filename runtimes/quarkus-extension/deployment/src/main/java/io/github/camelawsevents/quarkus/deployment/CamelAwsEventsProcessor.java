package io.github.camelawsevents.quarkus.deployment;

import java.util.List;

import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourcePatternsBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ServiceProviderBuildItem;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;

/**
 * What a native image of the two components needs from the AWS SDK (2.40.x) and from the components themselves.
 * In JVM mode none of this changes behaviour; in a native image it is the difference between a working client and
 * a {@code ServiceConfigurationError} / {@code ClassNotFoundException} at the first request.
 */
class CamelAwsEventsProcessor {

    static final String FEATURE = "camel-aws-events";

    /** The SDK's HTTP client implementations, found through {@link java.util.ServiceLoader}. */
    static final String ASYNC_HTTP_SERVICE = "software.amazon.awssdk.http.async.SdkAsyncHttpService";
    static final String NETTY_HTTP_SERVICE = "software.amazon.awssdk.http.nio.netty.NettySdkAsyncHttpService";

    /** Interceptors the SDK may instantiate by name (from execution.interceptors files or its own defaults). */
    static final List<String> SDK_INTERCEPTORS = List.of(
            "software.amazon.awssdk.awscore.interceptor.TraceIdExecutionInterceptor",
            "software.amazon.awssdk.awscore.interceptor.HelpfulUnknownHostExceptionInterceptor",
            "software.amazon.awssdk.awscore.interceptor.GlobalServiceExecutionInterceptor",
            "software.amazon.awssdk.awscore.eventstream.EventStreamInitialRequestInterceptor");

    /** SDK classes that create a java.util.Random in a static initializer: must not be initialised at build time. */
    static final List<String> RUNTIME_INITIALIZED = List.of(
            "software.amazon.awssdk.core.retry.backoff.FullJitterBackoffStrategy",
            "software.amazon.awssdk.utils.cache.CachedSupplier");

    /**
     * SDK resources read at run time: the region/partition metadata, the SDK's default configuration, and any
     * global or per-service execution.interceptors file an application or library adds.
     */
    static final List<String> SDK_RESOURCE_GLOBS = List.of(
            "software/amazon/awssdk/**/*.json",
            "software/amazon/awssdk/global/handlers/execution.interceptors",
            "software/amazon/awssdk/services/*/execution.interceptors");

    private static final DotName GENERATED_CONFIGURER = DotName
            .createSimple("org.apache.camel.spi.GeneratedPropertyConfigurer");
    private static final String COMPONENTS_PACKAGE = "io.github.camelawsevents.aws.";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** AWS endpoints are HTTPS: the native image needs its SSL support. */
    @BuildStep
    ExtensionSslNativeSupportBuildItem ssl() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    /**
     * The components always pass an explicit Netty (async) or Apache (sync) HTTP client, but an SDK client the
     * user builds and binds without one resolves its HTTP client through ServiceLoader, which Quarkus native
     * images only serve for registered providers.
     */
    @BuildStep
    void httpClientServiceProviders(BuildProducer<ServiceProviderBuildItem> providers) {
        providers.produce(new ServiceProviderBuildItem(ASYNC_HTTP_SERVICE, NETTY_HTTP_SERVICE));
    }

    @BuildStep
    void sdkResources(BuildProducer<NativeImageResourcePatternsBuildItem> resources) {
        resources.produce(NativeImageResourcePatternsBuildItem.builder().includeGlobs(SDK_RESOURCE_GLOBS).build());
    }

    @BuildStep
    void reflection(CombinedIndexBuildItem index, BuildProducer<ReflectiveClassBuildItem> reflective) {
        reflective.produce(ReflectiveClassBuildItem.builder(SDK_INTERCEPTORS.toArray(String[]::new)).build());
        // the components' generated configurers: the component DSL builders load them by name
        String[] configurers = index.getIndex().getAllKnownImplementors(GENERATED_CONFIGURER).stream()
                .map(ClassInfo::name)
                .map(DotName::toString)
                .filter(name -> name.startsWith(COMPONENTS_PACKAGE))
                .sorted()
                .toArray(String[]::new);
        if (configurers.length > 0) {
            reflective.produce(ReflectiveClassBuildItem.builder(configurers).build());
        }
    }

    @BuildStep
    void runtimeInitialized(BuildProducer<RuntimeInitializedClassBuildItem> classes) {
        RUNTIME_INITIALIZED.forEach(name -> classes.produce(new RuntimeInitializedClassBuildItem(name)));
    }
}
