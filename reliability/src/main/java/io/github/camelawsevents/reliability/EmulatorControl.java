package io.github.camelawsevents.reliability;

import java.net.URI;

/**
 * The shared client of the emulator's inspection API ({@link io.github.camelawsevents.aws.testsupport.EmulatorControl},
 * in camel-aws-events-test-support), under the name the scenarios use; it adds nothing. The scenario classes can
 * import the shared class directly and this name can then go.
 */
public final class EmulatorControl extends io.github.camelawsevents.aws.testsupport.EmulatorControl {

    EmulatorControl(URI endpoint) {
        super(endpoint);
    }
}
