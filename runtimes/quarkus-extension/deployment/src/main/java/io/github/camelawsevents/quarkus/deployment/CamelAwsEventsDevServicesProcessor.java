package io.github.camelawsevents.quarkus.deployment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Dev Services for both components: in dev and test mode (never in prod mode), when neither component is given an
 * endpoint override or credentials, the emulator runs in-process on a free port and both components are pointed at
 * it through configuration ({@code camel.component.<scheme>.override-endpoint}, {@code uri-endpoint-override},
 * {@code region}, {@code access-key}, {@code secret-key}).
 */
class CamelAwsEventsDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(CamelAwsEventsDevServicesProcessor.class);

    @BuildStep(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
    void emulator(LaunchModeBuildItem launchMode, CamelAwsEventsBuildTimeConfig config,
            BuildProducer<DevServicesResultBuildItem> devServices) {
        Config application = ConfigProvider.getConfig();
        Function<String, Optional<String>> lookup = key -> application.getOptionalValue(key, String.class);
        DevServicesDecision decision = DevServicesDecision.decide(launchMode.getLaunchMode(),
                config.devservices().enabled(), lookup);
        if (!decision.start()) {
            LOG.debugf("Dev Services for Camel AWS Events: no emulator, %s", decision.reason());
            return;
        }
        EmulatorDevService.Settings settings = new EmulatorDevService.Settings(
                DevServicesDecision.configuredRegion(lookup).orElse(AwsEventsEmulator.DEFAULT_REGION));
        devServices.produce(DevServicesResultBuildItem.owned()
                .feature(CamelAwsEventsProcessor.FEATURE)
                .description("Emulator of AWS Supply Chain and EventBridge partner events (in-process)")
                .serviceConfig(settings)
                .startable(() -> new EmulatorDevService(settings))
                .configProvider(componentConfig())
                .build());
    }

    /** What both components are given, read from the started emulator. */
    static Map<String, Function<EmulatorDevService, String>> componentConfig() {
        Map<String, Function<EmulatorDevService, String>> config = new LinkedHashMap<>();
        for (String scheme : DevServicesDecision.SCHEMES) {
            String prefix = "camel.component." + scheme + ".";
            config.put(prefix + "override-endpoint", emulator -> "true");
            config.put(prefix + "uri-endpoint-override", EmulatorDevService::endpoint);
            config.put(prefix + "region", EmulatorDevService::region);
            config.put(prefix + "access-key", EmulatorDevService::accessKey);
            config.put(prefix + "secret-key", EmulatorDevService::secretKey);
        }
        return config;
    }
}
