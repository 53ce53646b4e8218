package io.github.camelawsevents.aws.emulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.supplychain.SupplyChainClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar the build attaches with classifier {@code standalone}, started the way its README says ({@code java -jar},
 * here on port 0), answers the AWS SDK and its inspection API, and stops on SIGTERM.
 */
class StandaloneJarIT {

    private static final Pattern ENDPOINT = Pattern.compile("^\\s+endpoint\\s+(http://127\\.0\\.0\\.1:\\d+)$");

    @Test
    void theStandaloneJarRunsWithJavaJarAndServesBothApisAndItsStats() throws Exception {
        Path jar = Path.of(System.getProperty("emulator.standaloneJar"));
        assertThat(jar).exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", jar.toString(), "--port", "0")
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            // the banner's endpoint line, read with a deadline; the rest of the output is drained in the background
            String endpoint = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        output.add(line);
                        Matcher m = ENDPOINT.matcher(line);
                        if (m.matches()) {
                            return m.group(1);
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(endpoint).as("endpoint line in %s", output).isNotNull();
            CompletableFuture.runAsync(() -> out.lines().forEach(output::add));

            StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIAEMULATOR00000000", "emulator-secret-key"));
            try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(URI.create(endpoint))
                    .region(Region.US_EAST_1).credentialsProvider(credentials)
                    .httpClientBuilder(ApacheHttpClient.builder()).build();
                 SupplyChainClient scn = SupplyChainClient.builder().endpointOverride(URI.create(endpoint))
                         .region(Region.US_EAST_1).credentialsProvider(credentials)
                         .httpClientBuilder(ApacheHttpClient.builder()).build()) {
                assertThat(events.putPartnerEvents(b -> b.entries(PartnerEventsTest.entries(2))).failedEntryCount())
                        .isZero();
                String order = SupplyChainSendTest.INBOUND_ORDER;
                assertThat(scn.sendDataIntegrationEvent(SupplyChainSendTest.inboundOrder()
                        .data("[" + order + "," + order + "]").build()).eventId()).isNotBlank();
            }

            HttpResponse<String> stats = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(endpoint + "/_emulator/stats")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = new ObjectMapper().readTree(stats.body());
            assertThat(json.get("partnerEvents").asLong()).isEqualTo(2);
            assertThat(json.get("supplyChainEvents").asLong()).isEqualTo(1);
            assertThat(json.get("entriesPerRequest").toString()).isEqualTo("{\"2\":1}");
            assertThat(json.get("recordsPerEvent").toString()).isEqualTo("{\"2\":1}");
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM; output %s", output).isTrue();
        }
        assertThat(Files.size(jar)).as("a jar with its dependencies inside").isGreaterThan(1_000_000);
    }
}
