package io.github.camelawsevents.runtimes.karaf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import io.github.camelawsevents.aws.emulator.AwsEventsEmulator;
import io.github.camelawsevents.aws.emulator.PartnerEvent;
import io.github.camelawsevents.aws.emulator.ScnEvent;
import io.github.camelawsevents.runtimes.karaf.fixture.RoutesActivator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boots a real Apache Karaf container (apache-karaf-minimal, a separate JVM) with the project's features
 * descriptor, camel-karaf's features and the camel-core stand-in (see src/test/feature), installs an application
 * bundle whose routes use both components, and checks what the emulator, running in this JVM on 127.0.0.1,
 * received from inside OSGi.
 * <p>
 * The features descriptor under test is the product one; only its three {@code mvn:} URLs of this project's bundles
 * are pointed at the jars this build resolved (the reactor's, or the local repository's), so the test never runs
 * against stale installed copies. Karaf resolves everything else from the local Maven repository, which the
 * {@code verify-features} execution filled before the tests.
 */
class KarafContainerTest {

    private static final String INSTANCE_ID = "3f2a9c1e-7b4d-4e8a-9c61-2d5b8e0f1a7c";
    private static final String EVENT_SOURCE = "aws.partner/example.com/orders/karaf";
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);

    private final Path karafHome = Path.of(System.getProperty("karaf.home"));
    private final Path work = Path.of(System.getProperty("karaf.test.dir"));

    @Test
    void bothComponentsDeliverFromInsideKaraf() throws Exception {
        try (AwsEventsEmulator emulator = AwsEventsEmulator.startDefault()) {
            configureKaraf(emulator);
            Process karaf = startKaraf();
            try {
                await().atMost(BOOT_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    if (!karaf.isAlive()) {
                        throw new IllegalStateException("Karaf exited with " + karaf.exitValue() + "\n" + karafLog());
                    }
                    assertThat(emulator.supplyChain().count()).as(this::karafLog).isEqualTo(1);
                    assertThat(emulator.partnerEvents().count()).as(this::karafLog).isEqualTo(2);
                });
            } finally {
                stop(karaf);
            }

            List<ScnEvent> scn = emulator.supplyChain().events(INSTANCE_ID, "scn.data.inboundorder", "karaf");
            assertThat(scn).singleElement()
                    .satisfies(e -> assertThat(e.data()).isEqualTo("{\"id\":\"PO-KARAF-1\",\"tpartner_id\":\"SUP-42\"}"));
            assertThat(emulator.partnerEvents().events())
                    .allSatisfy(e -> {
                        assertThat(e.source()).isEqualTo(EVENT_SOURCE);
                        assertThat(e.detailType()).isEqualTo("OrderEvent");
                    })
                    .extracting(PartnerEvent::detail)
                    .containsExactlyInAnyOrder("{\"orderId\":\"SO-KARAF-1\"}", "{\"orderId\":\"SO-KARAF-2\"}");
            assertThat(emulator.rejectedRequests()).isEmpty();
        }
    }

    private void configureKaraf(AwsEventsEmulator emulator) throws IOException {
        Files.createDirectories(work);
        Path features = projectFeaturesWithBuiltBundles();
        Path appBundle = appBundle();
        Path appFeatures = work.resolve("app-features.xml");
        Files.writeString(appFeatures, """
                <features name="camel-aws-events-karaf-test" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                    <feature name="camel-aws-events-test-app" version="1.0.0">
                        <feature version="[4.14,5)">camel-core</feature>
                        <feature>camel-aws-partner-events</feature>
                        <feature>camel-aws-supplychain-events</feature>
                        <bundle>%s</bundle>
                    </feature>
                </features>
                """.formatted(appBundle.toUri()));

        String karafVersion = System.getProperty("karaf.version");
        Path etc = karafHome.resolve("etc");
        Files.writeString(etc.resolve("org.apache.karaf.features.cfg"), String.join("\n",
                "featuresRepositories = \\",
                "    mvn:org.apache.karaf.features/framework/" + karafVersion + "/xml/features, \\",
                "    mvn:org.apache.karaf.features/standard/" + karafVersion + "/xml/features, \\",
                "    mvn:org.apache.karaf.features/specs/" + karafVersion + "/xml/features, \\",
                "    mvn:org.apache.camel.karaf/apache-camel/" + System.getProperty("camel-karaf.version")
                + "/xml/features, \\",
                "    " + Path.of(System.getProperty("camel-core.standin")).toUri() + ", \\",
                "    " + features.toUri() + ", \\",
                "    " + appFeatures.toUri(),
                // no ssh: the container opens no listening port besides its loopback shutdown port
                "featuresBoot = framework/" + karafVersion + ", feature/" + karafVersion + ", shell/" + karafVersion
                + ", log/" + karafVersion + ", bundle/" + karafVersion + ", config/" + karafVersion
                + ", camel-aws-events-test-app",
                "featuresBootAsynchronous = false",
                ""));
        // camel-karaf's own camel-core feature out, the stand-in in (same file as the verify goal uses)
        Files.copy(Path.of(System.getProperty("features.processing")), etc.resolve("org.apache.karaf.features.xml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        setProperties(etc.resolve("org.ops4j.pax.url.mvn.cfg"), Map.of(
                "org.ops4j.pax.url.mvn.localRepository", System.getProperty("maven.repo.local"),
                // Maven Central only (the container must not reach for the snapshot repositories it lists)
                "org.ops4j.pax.url.mvn.repositories", "https://repo.maven.apache.org/maven2@id=central"));
        setProperties(etc.resolve("system.properties"), Map.of(
                "emulator.endpoint", emulator.endpoint().toString(),
                "emulator.region", emulator.region(),
                "emulator.access-key", emulator.accessKey(),
                "emulator.secret-key", emulator.secretKey(),
                "app.instance-id", INSTANCE_ID,
                "app.event-source", EVENT_SOURCE));
        deleteRecursively(karafHome.resolve("data"));
        deleteRecursively(karafHome.resolve("instances"));
    }

    /** The product descriptor, with this project's three bundles at the jars this build resolved. */
    private Path projectFeaturesWithBuiltBundles() throws IOException {
        String xml = Files.readString(Path.of(System.getProperty("features.descriptor")));
        String version = System.getProperty("project.version");
        for (String artifact : List.of("camel-aws-events-core", "camel-aws-partner-events",
                "camel-aws-supplychain-events")) {
            String mvn = "mvn:io.github.camelawsevents/" + artifact + "/" + version;
            Path jar = Path.of(System.getProperty("bundle." + artifact));
            assertThat(xml).as("features.xml names " + mvn).contains(mvn);
            assertThat(jar).isRegularFile();
            xml = xml.replace(mvn, jar.toUri().toString());
        }
        Path local = work.resolve("features-built-bundles.xml");
        Files.writeString(local, xml);
        return local;
    }

    /** The application bundle: RoutesActivator and its inner classes, with a hand-written OSGi manifest. */
    private Path appBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "camel-aws-events-karaf-test-app");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", RoutesActivator.class.getName());
        main.putValue("Import-Package", String.join(",",
                "org.apache.camel;version=\"[4.14,5)\"",
                "org.apache.camel.builder;version=\"[4.14,5)\"",
                "org.apache.camel.model;version=\"[4.14,5)\"",
                "org.apache.camel.karaf.core;version=\"[4.14,5)\"",
                "org.osgi.framework;version=\"[1.8,2)\""));
        String packagePath = RoutesActivator.class.getPackageName().replace('.', '/');
        Path classes = Path.of(System.getProperty("test.classes")).resolve(packagePath);
        Path jar = work.resolve("camel-aws-events-karaf-test-app.jar");
        try (OutputStream out = Files.newOutputStream(jar);
             JarOutputStream bundle = new JarOutputStream(out, manifest);
             Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                bundle.putNextEntry(new JarEntry(packagePath + "/" + file.getFileName()));
                bundle.write(Files.readAllBytes(file));
                bundle.closeEntry();
            }
        }
        return jar;
    }

    private Process startKaraf() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("sh", "bin/karaf", "server")
                .directory(karafHome.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("karaf-console.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_MAX_MEM", "768M");
        // a container of an earlier, killed run must not block this one (data/ and instances/ are fresh anyway)
        builder.environment().put("CHECK_ROOT_INSTANCE_RUNNING", "false");
        return builder.start();
    }

    /**
     * bin/karaf runs the container JVM as a child of the shell (to restart it on request), so the JVM is stopped
     * first (SIGTERM: Karaf shuts down cleanly), then the script.
     */
    private static void stop(Process karaf) throws InterruptedException {
        List<ProcessHandle> jvms = karaf.descendants().toList();
        jvms.forEach(ProcessHandle::destroy);
        for (ProcessHandle jvm : jvms) {
            try {
                jvm.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                jvm.destroyForcibly();
            }
        }
        karaf.destroy();
        if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
            karaf.destroyForcibly();
            karaf.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String karafLog() {
        Path log = karafHome.resolve("data/log/karaf.log");
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of("(no karaf.log yet)");
            return "karaf.log (last lines):\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40),
                    lines.size()));
        } catch (IOException e) {
            return "karaf.log unreadable: " + e;
        }
    }

    /** Sets keys in a Karaf .cfg/.properties file, replacing earlier values (continuation lines included). */
    private static void setProperties(Path file, Map<String, String> values) throws IOException {
        List<String> kept = new ArrayList<>();
        boolean skippingContinuation = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (skippingContinuation) {
                skippingContinuation = line.endsWith("\\");
                continue;
            }
            String key = line.split("[=:]", 2)[0].trim();
            if (values.containsKey(key)) {
                skippingContinuation = line.endsWith("\\");
                continue;
            }
            kept.add(line);
        }
        values.forEach((key, value) -> kept.add(key + " = " + value));
        Files.write(file, kept, StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
