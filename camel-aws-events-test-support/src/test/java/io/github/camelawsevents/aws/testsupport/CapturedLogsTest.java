package io.github.camelawsevents.aws.testsupport;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** CapturedLogs sees every event from its level up while open, with causes, and puts the levels back on close. */
class CapturedLogsTest {

    private static final Logger LOG = LoggerFactory.getLogger(CapturedLogsTest.class);

    @Test
    void capturesFromItsLevelUpWithCausesAndRestoresTheLevels() {
        Level before = LogManager.getRootLogger().getLevel();
        try (CapturedLogs logs = new CapturedLogs(Level.DEBUG)) {
            LOG.trace("not captured");
            LOG.debug("debug {}", 1);
            LOG.warn("failed", new IllegalStateException("outer", new IllegalArgumentException("inner cause")));
            LoggerFactory.getLogger(CapturedLogs.SDK_SIGNER_LOGGER + ".X").debug("canonical request");

            assertThat(logs.events()).extracting(CapturedLogs.Captured::level)
                    .containsExactly(Level.DEBUG, Level.WARN, Level.DEBUG);
            assertThat(logs.text()).contains("DEBUG").contains("debug 1").doesNotContain("not captured")
                    .contains("inner cause");
            assertThat(logs.textOutsideSdkSigner()).doesNotContain("canonical request");
            assertThat(logs.containing(java.util.List.of("outer"))).hasSize(1);
        }
        assertThat(LogManager.getRootLogger().getLevel()).isEqualTo(before);
        assertThat(LOG.isDebugEnabled()).isFalse();
    }
}
