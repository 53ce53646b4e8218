package io.github.camelawsevents.quarkus.deployment;

import java.util.List;

import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** quarkus.camel-aws-events.devservices.enabled=false: no emulator, nothing given to the components. */
class DevServicesDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.camel-aws-events.devservices.enabled", "false")
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.github.camelawsevents.quarkus"))
            .assertLogRecords(records -> assertThat(records)
                    .noneMatch(r -> r.getMessage() != null && r.getMessage().startsWith("Dev Services for Camel AWS Events started")));

    @Test
    void theComponentsAreGivenNoEndpointAndNoCredentials() {
        for (String scheme : List.of("aws-scn-event", "aws-partner-events")) {
            for (String option : List.of("override-endpoint", "uri-endpoint-override", "access-key", "secret-key")) {
                String key = "camel.component." + scheme + "." + option;
                assertThat(ConfigProvider.getConfig().getOptionalValue(key, String.class)).as(key).isEmpty();
            }
        }
    }
}
