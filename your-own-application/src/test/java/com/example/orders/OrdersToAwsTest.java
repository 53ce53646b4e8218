package com.example.orders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.AwsEventsEmulatorExtension;
import io.github.camelawsevents.aws.partner.AwsPartnerEventsComponent;
import io.github.camelawsevents.aws.scn.AwsScnEventComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application of the page "Your own application", as its files are (README.md shows them and
 * {@link PageShowsTheseFilesTest} holds it to them): Camel Main with its application.properties and YAML routes,
 * against the emulator on a free loopback port.
 */
class OrdersToAwsTest {

    static final String INSTANCE = "8928ae12-15e5-4441-825d-ec2184f0a43a";

    /** Strict records: like Supply Chain's data lake, it refuses an inbound order without its required columns. */
    @RegisterExtension
    static final AwsEventsEmulatorExtension AWS = new AwsEventsEmulatorExtension(
            AwsEventsEmulator.builder().strictRecords(true));

    @TempDir
    Path dir;

    private Main main(AwsEventsEmulator emulator, String profile) {
        Main main = new Main();
        main.addOverrideProperty("app.inbox", dir.resolve("inbox").toString());
        main.addOverrideProperty("app.dead-letters", dir.resolve("dead-letters").toString());
        main.addOverrideProperty("camel.management.port", "0");
        if (profile != null) {
            // as -Dcamel.main.profile=aws does
            main.configure().setProfile(profile);
            main.addOverrideProperty("app.instance-id", INSTANCE);
            main.addOverrideProperty("app.event-source", "aws.partner/example.com/orders/created");
        } else {
            // the only change to application.properties: the emulator's port, chosen at run time
            main.addOverrideProperty("camel.component.aws-scn-event.uriEndpointOverride", emulator.endpoint().toString());
            main.addOverrideProperty("camel.component.aws-partner-events.uriEndpointOverride",
                    emulator.endpoint().toString());
        }
        return main;
    }

    @Test
    void ordersAndEventsReachTheEmulatorAndWhatFailsIsADeadLetterWithItsReason() throws Exception {
        AwsEventsEmulator emulator = AWS.emulator();
        Main main = main(emulator, null);
        main.start();
        try {
            drop("inbound-orders/PO-1001.json", """
                    [{"id": "PO-1001", "tpartner_id": "SUP-7", "order_type": "PO"},
                     {"id": "PO-1001-B", "tpartner_id": "SUP-7", "order_type": "PO"}]
                    """);
            // Supply Chain refuses it (no tpartner_id): redelivered twice, then a dead letter
            drop("inbound-orders/PO-1002.json", "{\"id\": \"PO-1002\"}");
            // three events and a line that is not JSON: refused before sending, a dead letter at once
            drop("order-events/batch-1.jsonl", """
                    {"orderId": "PO-1001", "total": 120.5}
                    {"orderId": "PO-1003", "total": 8}
                    not json
                    {"orderId": "PO-1004", "total": 42}
                    """);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(emulator.supplyChain().count()).isEqualTo(1);
                assertThat(emulator.partnerEvents().count()).isEqualTo(3);
                assertThat(reasons()).hasSize(2);
            });

            assertThat(emulator.supplyChain().events(INSTANCE, "scn.data.inboundorder", "PO-1001")).hasSize(1);
            assertThat(reasons()).anySatisfy(r -> assertThat(r).startsWith("ScnEventDeliveryException")
                    .contains("ValidationException").contains("tpartner_id"));
            assertThat(reasons()).anySatisfy(r -> assertThat(r).startsWith("FieldValidationException")
                    .contains("Detail"));

            // what the emulator stored, as the page shows it
            String base = emulator.endpoint().toString();
            assertThat(get(base + "/_emulator/scn/events?instanceId=" + INSTANCE)).contains("\"matching\":1")
                    .contains("PO-1001-B");
            assertThat(get(base + "/_emulator/partner/events")).contains("\"count\":3");
            assertThat(get(base + "/_emulator/stats")).contains("\"recordsPerEvent\":{\"2\":1}");

            // metrics and dev consoles on the management server
            int port = main.getCamelContext().hasServices(VertxPlatformHttpServer.class).stream()
                    .mapToInt(VertxPlatformHttpServer::getPort).filter(p -> p > 0).findFirst().orElseThrow();
            String management = "http://127.0.0.1:" + port;
            assertThat(get(management + "/observe/metrics")).contains("camel_aws_events_accepted");
            assertThat(get(management + "/q/dev/aws-scn-event")).contains("records accepted: 2")
                    .contains("ValidationException");
            assertThat(get(management + "/q/dev/aws-partner-events")).contains("entries accepted: 3");
        } finally {
            main.stop();
        }
    }

    @Test
    void theAwsProfilePointsBothComponentsAtAwsWithTheDefaultCredentialsProvider() throws Exception {
        Main main = main(AWS.emulator(), "aws");
        main.start();
        try {
            AwsScnEventComponent scn = main.getCamelContext().getComponent("aws-scn-event", AwsScnEventComponent.class);
            AwsPartnerEventsComponent partner = main.getCamelContext().getComponent("aws-partner-events",
                    AwsPartnerEventsComponent.class);
            assertThat(scn.getConfiguration().isOverrideEndpoint()).isFalse();
            assertThat(scn.getConfiguration().isUseDefaultCredentialsProvider()).isTrue();
            assertThat(scn.getConfiguration().getRegion()).isNotBlank();
            assertThat(partner.getConfiguration().isOverrideEndpoint()).isFalse();
            assertThat(partner.getConfiguration().isUseDefaultCredentialsProvider()).isTrue();
        } finally {
            main.stop();
        }
    }

    /** Writes a file the way a producer should: under another name, then renamed, so it is never read half-written. */
    private void drop(String path, String content) throws IOException {
        Path target = dir.resolve("inbox").resolve(path);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.writeString(partial, content);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private List<String> reasons() throws IOException {
        Path deadLetters = dir.resolve("dead-letters");
        if (!Files.isDirectory(deadLetters)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(deadLetters)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".reason.txt")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static String get(String uri) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
        return response.body();
    }
}
