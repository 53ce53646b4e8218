package io.github.camelawsevents.aws.emulator;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The AWS SDK for JavaScript, clients this project did not write, against the emulator: v2 ({@code aws-sdk}) for
 * Supply Chain, v3 ({@code @aws-sdk/client-eventbridge}) for EventBridge. The suite lives in {@code src/test/js};
 * this test copies it to {@code target/js-clients}, installs the exact versions of {@code package-lock.json} there with
 * {@code npm ci} (skipped when the installed lock is the same), starts two emulators (one with its clock an hour ahead,
 * for the clock-skew cases) and runs {@code node --test}. It fails, never skips, without node and npm: CI must run it.
 */
class JavaScriptClientsCompatibilityTest {

    /** The suite has this many cases; fewer means some were lost (a file not picked up, a describe skipped). */
    static final int MIN_CASES = 60;

    static final Path SOURCE = Paths.get("src", "test", "js");
    static final Path WORK = Paths.get("target", "js-clients");

    @Test
    void theJavaScriptSdksAgreeWithTheEmulator() throws Exception {
        String node = executable("node");
        String npm = executable("npm");
        List<Path> suites = copySuite();
        install(npm);

        try (AwsEventsEmulator emulator = AwsEventsEmulator.startDefault();
             AwsEventsEmulator skewed = AwsEventsEmulator.builder()
                     .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1))).start()) {
            List<String> command = new ArrayList<>(List.of(node, "--test", "--test-concurrency=1",
                    "--test-reporter=spec", "--test-reporter-destination=stdout",
                    "--test-reporter=tap", "--test-reporter-destination=results.tap"));
            suites.forEach(s -> command.add(s.getFileName().toString()));
            Run run = run(command, Map.of(
                    "EMULATOR_ENDPOINT", emulator.endpoint().toString(),
                    "EMULATOR_SKEWED_ENDPOINT", skewed.endpoint().toString(),
                    "EMULATOR_REGION", emulator.region(),
                    "EMULATOR_ACCESS_KEY", emulator.accessKey(),
                    "EMULATOR_SECRET_KEY", emulator.secretKey()), Duration.ofMinutes(5));

            String tap = Files.readString(WORK.resolve("results.tap"));
            assertThat(run.exit()).as("node --test failed:%n%s", run.tail()).isZero();
            assertThat(count(tap, "fail")).as(run.tail()).isZero();
            assertThat(count(tap, "cancelled")).as(run.tail()).isZero();
            assertThat(count(tap, "skipped")).as("skipped cases").isZero();
            assertThat(count(tap, "todo")).as("todo cases").isZero();
            assertThat(count(tap, "pass")).as("passed cases").isGreaterThanOrEqualTo(MIN_CASES);
            System.out.printf("JavaScript clients: %d cases passed in %s ms%n", count(tap, "pass"), durationMs(tap));
        }
    }

    /** Copies the suite (not a node_modules a developer may have made there) into the work directory. */
    static List<Path> copySuite() throws IOException {
        assertThat(SOURCE.resolve("package-lock.json")).as("the lock file").exists();
        Files.createDirectories(WORK);
        List<Path> suites = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                if (file.getFileName().toString().endsWith(".test.mjs")) {
                    suites.add(file);
                }
            }
        }
        assertThat(suites).as("test files in %s", SOURCE).hasSizeGreaterThanOrEqualTo(2);
        return suites.stream().sorted().toList();
    }

    /** {@code npm ci} with the committed lock file, unless node_modules was installed from the same lock. */
    static void install(String npm) throws Exception {
        String lockDigest = sha256(Files.readAllBytes(WORK.resolve("package-lock.json")));
        Path stamp = WORK.resolve("node_modules").resolve(".installed-from-lock");
        if (Files.exists(stamp) && Files.readString(stamp).equals(lockDigest)) {
            return;
        }
        // --ignore-scripts: aws-sdk's only install script prints its maintenance notice
        Run ci = run(List.of(npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"), Map.of(), Duration.ofMinutes(5));
        assertThat(ci.exit()).as("npm ci failed:%n%s", ci.tail()).isZero();
        Files.writeString(stamp, lockDigest);
    }

    /** The absolute path of a command on the PATH; fails (not skips) when it is missing. */
    static String executable(String name) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
            Path candidate = Paths.get(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath().toString();
            }
        }
        return fail("'" + name + "' is not on the PATH. The JavaScript client suite needs node 20+ and npm; it "
                + "does not skip, because CI must run it.");
    }

    record Run(int exit, String tail) {
    }

    /** Runs a command in the work directory, passing its output through, and keeps the last lines for messages. */
    static Run run(List<String> command, Map<String, String> env, Duration timeout) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("NO_COLOR", "1");
        pb.environment().put("AWS_CONFIG_FILE", "/dev/null");
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        pb.environment().remove("AWS_PROFILE");
        pb.environment().remove("AWS_SESSION_TOKEN");
        Process process = pb.start();
        ArrayDeque<String> tail = new ArrayDeque<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    System.out.println(line);
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 300) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "js-clients-output");
        pump.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            pump.join(5_000);
            fail(String.join(" ", command) + " did not finish within " + timeout + ":\n" + String.join("\n", tail));
        }
        pump.join(10_000);
        synchronized (tail) {
            return new Run(process.exitValue(), String.join("\n", tail));
        }
    }

    /** A TAP summary count ({@code # pass 61}). */
    static int count(String tap, String name) {
        Matcher m = Pattern.compile("(?m)^# " + name + " (\\d+)$").matcher(tap);
        return m.find() ? Integer.parseInt(m.group(1)) : (name.equals("pass") ? 0 : -1);
    }

    static String durationMs(String tap) {
        Matcher m = Pattern.compile("(?m)^# duration_ms ([\\d.]+)$").matcher(tap);
        return m.find() ? m.group(1) : "?";
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
