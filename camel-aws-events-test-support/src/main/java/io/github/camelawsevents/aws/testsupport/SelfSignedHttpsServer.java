package io.github.camelawsevents.aws.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An HTTPS server on 127.0.0.1 (free port) with a self-signed certificate made at test time by the JDK's keytool, into
 * target/. It answers every request with a fixed 200 body and counts the requests that got through the handshake.
 */
public final class SelfSignedHttpsServer implements AutoCloseable {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private final HttpsServer server;
    private final AtomicInteger requests = new AtomicInteger();

    public SelfSignedHttpsServer(String contentType, String body) throws Exception {
        Path keystore = keystore();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        byte[] answer = body.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    private static Path keystore;

    /** One self-signed certificate per test JVM, made by the JDK's keytool into target/tls. */
    private static synchronized Path keystore() throws Exception {
        if (keystore != null) {
            return keystore;
        }
        Path dir = Files.createDirectories(Path.of("target", "tls"));
        Path file = dir.resolve("self-signed-" + System.nanoTime() + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        keystore = file;
        return keystore;
    }

    /** The server's base URI, e.g. https://127.0.0.1:54321. */
    public String endpoint() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests that reached the handler (a refused certificate stops a request before this). */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
    }
}
