package io.github.camelawsevents.aws.core;

/** A concrete configuration for tests of the shared options. */
final class TestSettings extends AbstractAwsEventsConfiguration {

    static TestSettings staticKeys() {
        TestSettings s = new TestSettings();
        s.setRegion("eu-west-1");
        s.setAccessKey("AKIAEXAMPLEACCESS");
        s.setSecretKey("super-secret-key-value");
        return s;
    }

    TestSettings copy() {
        return copyOf();
    }
}
