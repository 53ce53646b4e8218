package io.github.camelawsevents.aws.core;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import static org.assertj.core.api.Assertions.assertThat;

class SendHealthCheckTest {

    @Test
    void upUntilASendFailsAndUpAgainAfterASuccess() {
        SendHealthCheck check = new SendHealthCheck("test-producer", () -> null);
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
        check.recordFailure(AwsServiceException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
                        .errorMessage("not allowed").build())
                .build());
        HealthCheck.Result down = check.call();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("AccessDeniedException (HTTP 403)"));
        Map<String, Object> details = down.getDetails();
        assertThat(details).containsEntry("failures", 1L).containsEntry("lastErrorType", "AwsServiceException");
        check.recordSuccess();
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void downWhileTheConfigurationIsUnusable() {
        AtomicReference<String> problem = new AtomicReference<>("region is not set");
        SendHealthCheck check = new SendHealthCheck("test-producer", problem::get);
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.DOWN);
        problem.set(null);
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(check.isLiveness()).isFalse();
        assertThat(check.isReadiness()).isTrue();
    }
}
