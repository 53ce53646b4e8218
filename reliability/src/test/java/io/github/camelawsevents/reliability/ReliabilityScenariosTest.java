package io.github.camelawsevents.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The suite's scenarios at a reduced size (seconds each), against an emulator in this JVM, asserting the invariants:
 * nothing lost, no Supply Chain duplicates, per-group order, partner duplicates only from lost responses, dead-letter
 * channel exactness, nothing dropped when the route stops, and the peer's silent drops. The full size runs with
 * {@link ReliabilitySuite} (see RELIABILITY.md).
 */
class ReliabilityScenariosTest {

    private static final long SEED = 42;
    private static final int SCN_EVENTS = 1000;
    private static final int PARTNER_EVENTS = 2000;

    private static EmulatorHandle emulator;
    private static final List<ScenarioResult> RESULTS = new ArrayList<>();

    @BeforeAll
    static void startEmulator() {
        emulator = InProcessEmulator.start(SEED);
    }

    @AfterAll
    static void stopEmulatorAndReport() {
        emulator.close();
        Report report = new Report(0, SEED);
        RESULTS.forEach(report::add);
        String markdown = report.markdown("(JUnit, reduced size)");
        assertThat(markdown).contains("| scenario |").contains("passed");
    }

    private static ScenarioResult run(String name, int events) throws Exception {
        ScenarioResult r = Scenarios.run(name, emulator, SEED, events);
        RESULTS.add(r);
        return r;
    }

    private static void assertInvariants(ScenarioResult r) {
        assertThat(r.passed()).as(r.toString()).isTrue();
        assertThat(r.longMetric("lost")).as("lost").isZero();
    }

    @Test
    void supplyChainUnderFaultsLosesNothingDuplicatesNothingAndKeepsEveryGroupsOrder() throws Exception {
        ScenarioResult r = run("scn-faults", SCN_EVENTS);
        assertInvariants(r);
        assertThat(r.longMetric("stored distinct")).isEqualTo(SCN_EVENTS);
        assertThat(r.longMetric("duplicates stored")).isZero();
        assertThat(r.longMetric("order violations")).isZero();
        assertThat(r.longMetric("groups checked for order")).isEqualTo(Scenarios.GROUPS);
        // the faults really happened, and the lost responses were answered from the client tokens
        assertThat(r.longMetric("faults: throttled")).isPositive();
        assertThat(r.longMetric("faults: lost responses")).isPositive();
        assertThat(r.longMetric("idempotent replays")).isPositive();
    }

    @Test
    void supplyChainWithRecordCoalescingUnderFaultsLosesNothingAndKeepsEveryGroupsOrder() throws Exception {
        ScenarioResult r = run("scn-coalesce-faults", SCN_EVENTS);
        assertInvariants(r);
        assertThat(r.longMetric("stored distinct")).isEqualTo(SCN_EVENTS);
        assertThat(r.longMetric("order violations")).isZero();
        // lost responses are resent by the SDK with the coalesced event's own token: replays, not duplicates
        assertThat(r.longMetric("duplicates stored")).isZero();
        assertThat(r.longMetric("faults: lost responses")).isPositive();
    }

    @Test
    void partnerEventsUnderFaultsLoseNothingAndDuplicateOnlyWhereAResponseWasLost() throws Exception {
        ScenarioResult r = run("partner-faults", PARTNER_EVENTS);
        assertInvariants(r);
        assertThat(r.longMetric("stored distinct")).isEqualTo(PARTNER_EVENTS);
        assertThat(r.longMetric("duplicates not explained by a lost response")).as(r.toString()).isZero();
        assertThat(r.longMetric("faults: entries throttled")).isPositive();
        assertThat(r.longMetric("dead-lettered")).isZero();
    }

    @Test
    void supplyChainRouteStoppedAndRestartedMidRunDropsNothing() throws Exception {
        ScenarioResult r = run("scn-stop-restart", SCN_EVENTS);
        assertInvariants(r);
        assertThat(r.longMetric("stored distinct")).isEqualTo(SCN_EVENTS);
        assertThat(r.longMetric("duplicates stored")).isZero();
        assertThat(r.longMetric("order violations")).isZero();
    }

    @Test
    void partnerRouteStoppedAndRestartedMidRunDropsNothing() throws Exception {
        ScenarioResult r = run("partner-stop-restart", PARTNER_EVENTS);
        assertInvariants(r);
        assertThat(r.longMetric("stored distinct")).isEqualTo(PARTNER_EVENTS);
    }

    @Test
    void supplyChainRouteForcedDownMidRunDropsNothing() throws Exception {
        ScenarioResult r = run("scn-forced-stop", SCN_EVENTS);
        assertInvariants(r);
        assertThat(r.longMetric("stored distinct")).isEqualTo(SCN_EVENTS);
        assertThat(r.longMetric("duplicates stored")).isZero();
    }

    @Test
    void partnerRouteForcedDownMidRunDropsNothing() throws Exception {
        ScenarioResult r = run("partner-forced-stop", PARTNER_EVENTS);
        assertInvariants(r);
    }

    @Test
    void supplyChainDeadLetterChannelGetsExactlyTheGarbageEachOnce() throws Exception {
        ScenarioResult r = run("scn-dead-letter", SCN_EVENTS);
        assertInvariants(r);
        assertThat(r.longMetric("dead-lettered")).isEqualTo(r.longMetric("garbage events")).isPositive();
        assertThat(r.longMetric("duplicates stored")).isZero();
    }

    @Test
    void partnerDeadLetterChannelGetsExactlyWhatFailedEachOnce() throws Exception {
        ScenarioResult r = run("partner-dead-letter", PARTNER_EVENTS);
        assertInvariants(r);
        // garbage plus entries that still failed after the retries; each either stored or dead-lettered, never both
        assertThat(r.longMetric("dead-lettered")).isGreaterThan(r.longMetric("garbage events"));
        assertThat(r.longMetric("stored distinct") + r.longMetric("dead-lettered")).isEqualTo(PARTNER_EVENTS);
        assertThat(r.longMetric("duplicates stored")).isZero();
    }

    @Test
    void camelsAws2EventBridgeSilentlyDropsThrottledEntriesWhereOursDropsNone() throws Exception {
        ScenarioResult peer = run("peer-aws2-eventbridge", PARTNER_EVENTS);
        assertThat(peer.longMetric("faults: entries throttled")).isPositive();
        assertThat(peer.longMetric("silently dropped (reported delivered, not stored)"))
                .isEqualTo(peer.longMetric("faults: entries throttled"));

        ScenarioResult ours = run("partner-same-fault-as-peer", PARTNER_EVENTS);
        assertInvariants(ours);
        assertThat(ours.longMetric("stored distinct")).isEqualTo(PARTNER_EVENTS);
        assertThat(ours.longMetric("duplicates stored")).isZero();
    }
}
