package io.github.camelawsevents.quarkus.deployment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;

/** Build-time configuration of the Camel AWS Events extension. */
@ConfigMapping(prefix = "quarkus.camel-aws-events")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface CamelAwsEventsBuildTimeConfig {

    /** Dev Services: the local emulator in dev and test mode. */
    DevServices devservices();

    interface DevServices {

        /**
         * Whether Dev Services start the emulator of both AWS APIs in-process (dev and test mode only, never in
         * prod mode) when neither component is given an endpoint override or credentials. Also off when
         * {@code quarkus.devservices.enabled} is false.
         */
        @WithDefault("true")
        boolean enabled();
    }
}
