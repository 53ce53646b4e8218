package io.github.camelawsevents.aws.core;

import java.util.List;

import io.github.camelawsevents.aws.testsupport.CapturedLogs;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsAsyncClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A region the AWS SDK does not know is refused when the endpoint is created, unless an endpoint override points
 * somewhere that is not AWS (then only a warning) or the user bound a ready client; a known region in which the SDK
 * does not list the service only warns.
 */
class RegionCheckTest {

    @Test
    void aRegionTheSdkDoesNotKnowIsRefusedWithTheClosestKnownNames() {
        TestSettings s = TestSettings.staticKeys();
        s.setRegion("eu-wst-1");
        assertThatThrownBy(() -> AwsClientFactory.validate(s, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region 'eu-wst-1'")
                .hasMessageContaining("did you mean eu-west-1?")
                .hasMessageContaining("overrideEndpoint=true and uriEndpointOverride");
    }

    @Test
    void theClosestKnownNamesAreTheNearestByEditDistance() {
        assertThat(AwsClientFactory.closestRegions("eu-wst-1")).containsExactly("eu-west-1");
        assertThat(AwsClientFactory.closestRegions("us-esat-1")).contains("us-east-1").hasSizeLessThanOrEqualTo(3);
        assertThat(AwsClientFactory.closestRegions("eu-west-5")).contains("eu-west-1", "eu-west-2", "eu-west-3")
                .hasSizeLessThanOrEqualTo(3);
        assertThat(AwsClientFactory.closestRegions("mars-north-9")).isEmpty();
        assertThat(AwsClientFactory.unknownRegionMessage("mars-north-9")).doesNotContain("did you mean")
                .contains("region 'mars-north-9'").contains("uriEndpointOverride");
    }

    @Test
    void everyRegionOfTheSdkIsAccepted() {
        TestSettings s = TestSettings.staticKeys();
        for (Region region : Region.regions()) {
            s.setRegion(region.id());
            assertThatCode(() -> AwsClientFactory.validate(s, false)).as(region.id()).doesNotThrowAnyException();
        }
        s.setRegion(null);
        assertThatCode(() -> AwsClientFactory.validate(s, false)).as("no region: the SDK's chain decides")
                .doesNotThrowAnyException();
    }

    @Test
    void anEndpointOverrideAcceptsAnyRegionIdWithAWarningWhenTheClientIsBuilt() {
        TestSettings s = TestSettings.staticKeys();
        s.setRegion("local-test-1");
        s.setOverrideEndpoint(true);
        s.setUriEndpointOverride("http://127.0.0.1:1");
        assertThatCode(() -> AwsClientFactory.validate(s, false)).doesNotThrowAnyException();
        try (CapturedLogs logs = new CapturedLogs(Level.WARN);
             StsAsyncClient client = AwsClientFactory.buildAsync(StsAsyncClient.builder(), s, 1)) {
            assertThat(client).isNotNull();
            assertThat(logs.events()).anySatisfy(e -> {
                assertThat(e.level()).isEqualTo(Level.WARN);
                assertThat(e.text()).contains("region 'local-test-1'").contains("uriEndpointOverride")
                        .contains("http://127.0.0.1:1");
            });
        }
    }

    @Test
    void aSuppliedClientIsNotCheckedForItsRegion() {
        TestSettings s = TestSettings.staticKeys();
        s.setRegion("eu-wst-1");
        assertThatCode(() -> AwsClientFactory.validate(s, true)).doesNotThrowAnyException();
    }

    @Test
    void aKnownRegionTheServiceIsNotListedInOnlyWarns() {
        List<Region> serviceRegions = List.of(Region.US_EAST_1, Region.EU_WEST_1);
        assertThat(AwsClientFactory.serviceRegionWarning("scn", "us-east-1", serviceRegions)).isNull();
        assertThat(AwsClientFactory.serviceRegionWarning("scn", "ap-south-2", serviceRegions))
                .contains("region 'ap-south-2'").contains("'scn'").contains("2 regions");
        // metadata without regions (endpoints resolved by rules only) tells nothing
        assertThat(AwsClientFactory.serviceRegionWarning("scn", "ap-south-2", List.of())).isNull();
    }

    @Test
    void aBuiltClientInAKnownRegionOfTheServiceLogsNoRegionWarning() {
        TestSettings s = TestSettings.staticKeys();
        s.setRegion("eu-west-1");
        try (CapturedLogs logs = new CapturedLogs(Level.WARN);
             StsAsyncClient client = AwsClientFactory.buildAsync(StsAsyncClient.builder(), s, 1)) {
            assertThat(client).isNotNull();
            assertThat(logs.events()).noneMatch(e -> e.text().contains("region '"));
        }
    }
}
