package io.github.camelawsevents.examples;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunSummaryTest {

    private static final FeedStats ORDERS = new FeedStats("inbound-orders", 5, true, 5, 0, 2, List.of(1, 4),
            List.of("id-1", "id-2"), List.of());
    private static final DeadLetter LETTER = new DeadLetter("saas-events", "evt_1", 3, "InternalFailure",
            "Internal service failure (injected fault).", 1);
    private static final FeedStats EVENTS = new FeedStats("saas-events", 25, true, 24, 1, 2, List.of(20, 5),
            List.of("p1", "p2", "p3", "p4"), List.of(LETTER));

    @Test
    void runsOfEqualBatchSizesAreCollapsed() {
        assertThat(RunSummary.sizes(List.of(20, 20, 20, 18, 1, 1))).isEqualTo("20 x3, 18, 1 x2");
        assertThat(RunSummary.sizes(List.of())).isEqualTo("-");
    }

    @Test
    void theSummaryListsFeedsEventIdsAcknowledgementsAndEachDeadLetter() {
        EmulatorAcknowledgements acks = new EmulatorAcknowledgements("http://127.0.0.1:4566", "us-east-1", 2,
                Map.of("scn.data.inboundorder", 1L, "scn.data.inboundorderline", 1L), 3, 1, 0, 4, 3, 0,
                List.of(2, 1, 1), Map.of("InternalFailure", 1L), List.of());
        RunReport report = RunReport.of(Target.EMULATOR, Duration.ofMillis(2500), List.of(ORDERS,
                new FeedStats("saas-events", 5, true, 4, 1, 2, List.of(3, 2), List.of("p1", "p2", "p3", "p4"),
                        List.of(LETTER))), acks);

        String text = RunSummary.format(report, false);

        assertThat(report.succeeded()).isTrue();
        assertThat(text).contains("finished in 2.5 s, target the emulator at http://127.0.0.1:4566 (us-east-1)")
                .containsPattern("inbound-orders\\s+5\\s+5\\s+0\\s+2\\s+2\\s+1, 4")
                .contains("saas-events        p1, p2, p3, ... (4)")
                .contains("2 events stored (scn.data.inboundorder 1, scn.data.inboundorderline 1)")
                .contains("3 requests, 1 answered with an error and retried by the AWS SDK")
                .contains("entries per request: 2, 1 x2")
                .contains("Every one of the 6 event ids the routes got back is stored in the emulator: yes")
                .contains("Dead letters (1):\n  saas-events evt_1 (entry 3): InternalFailure - Internal service"
                          + " failure (injected fault).");
    }

    @Test
    void anUnsettledFeedOrAMissingAcknowledgementFailsTheRun() {
        FeedStats reading = new FeedStats("shipments", 10, false, 4, 0, 1, List.of(4), List.of("s1"), List.of());
        EmulatorAcknowledgements acks = new EmulatorAcknowledgements("http://127.0.0.1:4566", "us-east-1", 0,
                Map.of(), 1, 0, 0, 0, 0, 0, List.of(), Map.of(), List.of("s1"));

        RunReport report = RunReport.of(Target.EMULATOR, Duration.ofSeconds(300), List.of(reading), acks);

        assertThat(report.succeeded()).isFalse();
        assertThat(report.settled()).isFalse();
        assertThat(report.problems()).containsExactly(
                "shipments did not finish: read 10 (still reading), delivered 4, dead-lettered 0",
                "1 event ids the routes got back are not in the emulator, e.g. s1",
                "the emulator stored 0 events and entries, the routes got 1 event ids back");
        assertThat(RunSummary.format(report, true)).contains("FAILED").contains("Problems:")
                .contains("shipments          s1\n");
    }

    @Test
    void onAwsThereIsNoEmulatorSection() {
        RunReport report = RunReport.of(Target.AWS, Duration.ofSeconds(4), List.of(ORDERS, EVENTS), null);

        String text = RunSummary.format(report, true);

        assertThat(text).contains("target AWS").doesNotContain("emulator acknowledged")
                .contains("saas-events        p1, p2, p3, p4\n");
    }
}
