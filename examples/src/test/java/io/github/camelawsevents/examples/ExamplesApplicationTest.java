package io.github.camelawsevents.examples;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelawsevents.aws.emulator.Api;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.emulator.FaultSettings;
import io.github.camelawsevents.aws.emulator.PartnerEvent;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import io.github.camelawsevents.aws.emulator.SupplyChainStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Boots the example application (Camel Main, the Java and YAML routes, the real components and AWS SDK clients)
 * against the emulator and checks what the emulator stored against the sample files, record by record.
 */
class ExamplesApplicationTest {

    /** Strict: every Supply Chain record must carry its entity's key columns. */
    @RegisterExtension
    static final AwsEventsEmulatorExtension EMULATOR =
            new AwsEventsEmulatorExtension(AwsEventsEmulator.builder().strictRecords(true));

    static final String INSTANCE = "5d2c3e7a-9b41-4f6e-8a0d-3c1f2b7e9a64";
    static final String SOURCE = "aws.partner/shopwave.example/trailhead-outfitters/orders";
    private static final String DATASET = "arn:aws:scn:us-east-1:111122223333:instance/" + INSTANCE
                                          + "/namespaces/default/datasets/inventory_snapshots";

    @Test
    void everyRecordReachesTheEmulatorInItsEventTypeGroupAndBatch() throws Exception {
        AwsEventsEmulator emulator = EMULATOR.emulator();

        RunReport report = ExamplesApplication.run(Map.of(), emulator);

        assertThat(report.problems()).isEmpty();
        assertThat(report.succeeded()).isTrue();
        SupplyChainStore scn = emulator.supplyChain();

        // inbound orders: the header of each order, then its lines as one batch, both in the order's group
        List<Map<String, Object>> orders = SampleData.orders();
        int lineCount = 0;
        for (Map<String, Object> order : orders) {
            String orderId = (String) order.get("id");
            Map<String, Object> header = new LinkedHashMap<>(order);
            Object lines = header.remove("lines");
            lineCount += ((List<?>) lines).size();
            assertThat(scn.events(INSTANCE, "scn.data.inboundorder", orderId)).singleElement()
                    .satisfies(e -> assertThat(SampleData.json(e.data())).isEqualTo(SampleData.tree(header)));
            assertThat(scn.events(INSTANCE, "scn.data.inboundorderline", orderId)).singleElement()
                    .satisfies(e -> assertThat(SampleData.json(e.data())).isEqualTo(SampleData.tree(lines)));
        }

        // shipments: one batch per purchase order, rows in file order
        Map<String, List<Map<String, String>>> shipments = SampleData.groupBy(SampleData.csv("shipments.csv"),
                "order_id");
        shipments.forEach((orderId, rows) -> assertThat(scn.events(INSTANCE, "scn.data.shipment", orderId))
                .singleElement()
                .satisfies(e -> assertThat(SampleData.json(e.data())).isEqualTo(SampleData.tree(rows))));

        // inventory levels: one scn.data.dataset event per site, to the custom dataset, appended
        Map<String, List<Map<String, String>>> inventory = SampleData.groupBy(
                SampleData.csv("inventory-levels.csv"), "site_id");
        inventory.forEach((site, rows) -> assertThat(scn.events(INSTANCE, "scn.data.dataset", site)).singleElement()
                .satisfies(e -> {
                    assertThat(e.datasetIdentifier()).isEqualTo(DATASET);
                    assertThat(e.operationType()).isEqualTo("APPEND");
                    assertThat(SampleData.json(e.data())).isEqualTo(SampleData.tree(rows));
                }));

        assertThat(scn.count()).isEqualTo(2L * orders.size() + shipments.size() + inventory.size());
        assertThat(scn.idempotentReplays()).isZero();

        // partner events: every valid business event once, as sent, in batches of at most 20
        List<JsonNode> valid = validSaasEvents();
        Map<String, PartnerEvent> stored = everyValidEventStoredOnceAsSent(emulator);
        List<Integer> expectedBatches = partnerBatchesOfTwenty(valid.size());
        assertThat(emulator.partnerEvents().batchSizes()).containsExactlyInAnyOrderElementsOf(expectedBatches);
        assertThat(emulator.partnerEvents().requestCount()).isEqualTo(expectedBatches.size());

        // the ledger agrees: every record read was delivered, except the one invalid event
        assertThat(report.feed("inbound-orders").read()).isEqualTo(orders.size() + lineCount);
        assertThat(report.feed("inbound-orders").delivered()).isEqualTo(orders.size() + lineCount);
        // all groups close together at the end of the file, so they complete in no set order
        assertThat(report.feed("shipments").batchSizes()).containsExactlyInAnyOrderElementsOf(
                shipments.values().stream().map(List::size).toList());
        assertThat(report.feed("saas-events").read()).isEqualTo(valid.size() + 1);
        assertThat(report.feed("saas-events").eventIds()).containsExactlyInAnyOrderElementsOf(
                stored.values().stream().map(PartnerEvent::eventId).toList());

        // the dead-letter channel received exactly the invalid event, refused before anything was sent
        String invalidId = SampleData.saasEvents().stream().filter(e -> e.path("type").asText().isEmpty())
                .findFirst().orElseThrow().path("id").asText();
        assertThat(report.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.feed()).isEqualTo("saas-events");
            assertThat(d.reference()).isEqualTo(invalidId);
            assertThat(d.errorCode()).isEqualTo("FieldValidationException");
            assertThat(d.reason()).contains("DetailType");
        });
        assertThat(emulator.rejectedRequests()).isEmpty();
    }

    @Test
    void entriesThatStillFailAfterTheRetriesAreExactlyTheDeadLetters() throws Exception {
        AwsEventsEmulator emulator = EMULATOR.emulator();
        emulator.faults().set(FaultSettings.builder().entryInternalFailureRate(0.25).appliesTo(Api.PARTNER_EVENTS)
                .build());

        RunReport report = ExamplesApplication.run(
                Map.of("camel.component.aws-partner-events.entryRetryAttempts", "0"), emulator);

        assertThat(report.succeeded()).isTrue();
        List<DeadLetter> failed = report.deadLetters().stream()
                .filter(d -> d.errorCode().equals("InternalFailure")).toList();
        assertThat(failed).isNotEmpty();
        assertThat((long) failed.size()).isEqualTo(
                emulator.stats().failedEntriesByErrorCode().get("InternalFailure"));
        assertThat(failed).allSatisfy(d -> {
            assertThat(d.feed()).isEqualTo("saas-events");
            assertThat(d.index()).isBetween(0, 19);
            assertThat(d.records()).isEqualTo(1);
        });
        // delivered and dead-lettered split the valid events exactly: none lost, none in both
        Set<String> deadIds = failed.stream().map(DeadLetter::reference).collect(Collectors.toSet());
        Set<String> storedIds = partnerEventsById(emulator).keySet();
        assertThat(deadIds).hasSameSizeAs(failed).doesNotContainAnyElementsOf(storedIds);
        Set<String> all = new HashSet<>(deadIds);
        all.addAll(storedIds);
        assertThat(all).containsExactlyInAnyOrderElementsOf(ids(validSaasEvents()));
        assertThat(report.feed("saas-events").deadLettered()).isEqualTo(failed.size() + 1L);
        assertThat(report.deadLetters()).hasSize(failed.size() + 1);
    }

    @Test
    void supplyChainBatchesThatKeepFailingAreDeadLetteredWithAllTheirRecords() throws Exception {
        AwsEventsEmulator emulator = EMULATOR.emulator();
        emulator.faults().set(FaultSettings.builder().serverErrorRate(1.0).appliesTo(Api.SUPPLY_CHAIN).build());

        RunReport report = ExamplesApplication.run(Map.of("camel.component.aws-scn-event.maxAttempts", "1"), emulator);

        assertThat(report.settled()).isTrue();
        assertThat(emulator.supplyChain().count()).isZero();
        for (String feed : List.of("inbound-orders", "shipments", "inventory-levels")) {
            FeedStats stats = report.feed(feed);
            assertThat(stats.delivered()).as(feed).isZero();
            assertThat(stats.deadLettered()).as(feed).isEqualTo(stats.read()).isPositive();
            assertThat(stats.deadLetters()).as(feed)
                    .allSatisfy(d -> assertThat(d.errorCode()).isEqualTo("InternalServerException"));
        }
        // one dead letter per batch (YAML route), holding all the batch's records
        Map<String, List<Map<String, String>>> shipments = SampleData.groupBy(SampleData.csv("shipments.csv"),
                "order_id");
        Map<String, Integer> expected = new HashMap<>();
        shipments.forEach((order, rows) -> expected.put(order, rows.size()));
        assertThat(report.feed("shipments").deadLetters().stream()
                .collect(Collectors.toMap(DeadLetter::reference, DeadLetter::records)))
                .isEqualTo(expected);
        // the partner feed is not affected
        assertThat(report.feed("saas-events").delivered()).isEqualTo(validSaasEvents().size());
    }

    @Test
    void byDefaultTheApplicationRunsItsOwnEmulatorWithFaultsAndClosesIt() throws Exception {
        RunReport report = ExamplesApplication.run(Map.of(), null);

        assertThat(report.succeeded()).isTrue();
        assertThat(report.target()).isEqualTo(Target.EMULATOR);
        EmulatorAcknowledgements acks = report.emulator();
        int orders = SampleData.orders().size();
        long expectedScn = 2L * orders + SampleData.groupBy(SampleData.csv("shipments.csv"), "order_id").size()
                           + SampleData.groupBy(SampleData.csv("inventory-levels.csv"), "site_id").size();
        assertThat(acks.scnEvents()).isEqualTo(expectedScn);
        // every request the emulator failed on purpose was retried by the SDK and then stored once
        assertThat(acks.scnRequests()).isEqualTo(acks.scnEvents() + acks.scnRejected());
        assertThat(acks.partnerEntries()).isEqualTo(validSaasEvents().size());
        assertThat(acks.failedEntriesByErrorCode()).containsKey("ThrottlingException");
        // the throttled entries went again, in requests of their own
        assertThat(acks.partnerRequests()).isGreaterThan(report.feed("saas-events").batches());
        assertThat(acks.unknownEventIds()).isEmpty();
        assertThat(report.deadLetters()).hasSize(1);
        // the emulator it started is closed
        URI endpoint = URI.create(acks.endpoint());
        assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void theAwsProfileStartsNoEmulatorAndUsesTheSdkDefaultCredentialsChain() throws Exception {
        // The emulator plays AWS here: the aws profile is used as is, except for the endpoint, and the only
        // credentials are in the system properties the SDK's default chain reads first.
        AwsEventsEmulator aws = EMULATOR.emulator();
        Map<String, String> properties = new HashMap<>(Map.of(
                ExamplesApplication.PROFILE, "aws",
                "aws.region", aws.region(),
                "aws.accountId", "111122223333",
                "scn.instanceId", INSTANCE,
                "partner.eventSource", SOURCE));
        for (String component : List.of("aws-scn-event", "aws-partner-events")) {
            properties.put("camel.component." + component + ".overrideEndpoint", "true");
            properties.put("camel.component." + component + ".uriEndpointOverride", aws.endpoint().toString());
        }
        System.setProperty("aws.accessKeyId", aws.accessKey());
        System.setProperty("aws.secretAccessKey", aws.secretKey());
        try {
            RunReport report = ExamplesApplication.run(properties, null);

            assertThat(report.target()).isEqualTo(Target.AWS);
            assertThat(report.emulator()).isNull();
            assertThat(report.succeeded()).isTrue();
            assertThat(aws.supplyChain().count()).isEqualTo(report.feeds().stream()
                    .filter(f -> !f.feed().equals("saas-events")).mapToLong(f -> f.eventIds().size()).sum());
            assertThat(aws.partnerEvents().count()).isEqualTo(validSaasEvents().size());
            assertThat(aws.supplyChain().events(INSTANCE, "scn.data.dataset", "DC-RNO-01")).singleElement()
                    .extracting(ScnEvent::datasetIdentifier).isEqualTo(DATASET);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    /** Every valid business event stored once, as sent (Source, DetailType, Time, Detail); the stored by id. */
    static Map<String, PartnerEvent> everyValidEventStoredOnceAsSent(AwsEventsEmulator emulator) {
        List<JsonNode> valid = validSaasEvents();
        Map<String, PartnerEvent> stored = partnerEventsById(emulator);
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(ids(valid));
        for (JsonNode event : valid) {
            PartnerEvent entry = stored.get(event.path("id").asText());
            assertThat(entry.source()).isEqualTo(SOURCE);
            assertThat(entry.detailType()).isEqualTo(event.path("type").asText());
            assertThat(entry.time()).isEqualTo(Instant.parse(event.path("occurred_at").asText()));
            assertThat(SampleData.json(entry.detail())).isEqualTo(event);
        }
        return stored;
    }

    /** The batch sizes of {@code events} events sent 20 per request. */
    static List<Integer> partnerBatchesOfTwenty(int events) {
        List<Integer> batches = new ArrayList<>();
        for (int left = events; left > 0; left -= 20) {
            batches.add(Math.min(20, left));
        }
        return batches;
    }

    static List<JsonNode> validSaasEvents() {
        return SampleData.saasEvents().stream().filter(e -> !e.path("type").asText().isEmpty()).toList();
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.path("id").asText()).toList();
    }

    private static Map<String, PartnerEvent> partnerEventsById(AwsEventsEmulator emulator) {
        Map<String, PartnerEvent> byId = new HashMap<>();
        for (PartnerEvent e : emulator.partnerEvents().events()) {
            PartnerEvent previous = byId.put(SampleData.json(e.detail()).path("id").asText(), e);
            assertThat(previous).as("stored twice: %s", e.detail()).isNull();
        }
        return byId;
    }
}
