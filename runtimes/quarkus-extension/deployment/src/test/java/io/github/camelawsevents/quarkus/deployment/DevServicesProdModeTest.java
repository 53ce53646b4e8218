package io.github.camelawsevents.quarkus.deployment;

import java.util.List;

import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusProdModeTest;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prod mode: the application is built as a jar (augmentation in NORMAL launch mode) and started in its own JVM,
 * with no AWS settings at all. Dev Services never start there: no emulator in the build, none in the run, and
 * the components are given no endpoint.
 */
class DevServicesProdModeTest {

    @RegisterExtension
    static final QuarkusProdModeTest APP = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClass(Routes.class))
            .setApplicationName("dev-services-prod-mode")
            .setApplicationVersion("0.1")
            // test-scoped extensions are not part of a prod build: the routes' direct component is added explicitly
            .setForcedDependencies(List.of(Dependency.of("org.apache.camel.quarkus", "camel-quarkus-direct",
                    System.getProperty("camel-quarkus.version"))))
            .setRun(true);

    @Test
    void theBuiltApplicationStartsWithoutTheEmulator() {
        String console = APP.getStartupConsoleOutput();

        assertThat(console).contains("Profile prod activated").contains("camel-aws-events");
        assertThat(console).doesNotContain("Dev Services for Camel AWS Events").doesNotContain("uriEndpointOverride")
                .doesNotContain("127.0.0.1");
    }

    public static class Routes extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:scn").to("aws-scn-event:3f2a9c1e-7b4d-4e8a-9c61-2d5b8e0f1a7c"
                                  + "?eventType=scn.data.inboundorder&eventGroupId=orders&region=eu-west-1");
            from("direct:partner").to("aws-partner-events:aws.partner/example.com/orders/order-events"
                                      + "?detailType=OrderEvent&region=eu-west-1");
        }
    }
}
