package io.github.camelawsevents.scaleout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay in front of the emulator that can go down and come up again on the same port: the workers'
 * view of "the emulator stopped and started again". Down closes the listening socket (new connections are refused)
 * and cuts every open connection (requests in flight get no answer); up listens again. The emulator behind it keeps
 * what it stored and the client tokens it saw, as AWS does across an outage of its endpoint, so the check after the
 * run still sees every event.
 */
final class OutageProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger cut = new AtomicInteger();
    private volatile ServerSocket server;

    OutageProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.port = KafkaBroker.freePort();
        up();
    }

    int port() {
        return port;
    }

    /** Connections cut by {@link #down()} so far (each may have carried a request whose answer was lost). */
    int cutConnections() {
        return cut.get() / 2; // both sockets of a relayed connection are counted
    }

    synchronized void up() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server = s;
        Thread accept = new Thread(() -> accept(s), "outage-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    synchronized void down() throws IOException {
        server.close();
        for (Socket socket : open) {
            cut.incrementAndGet();
            closeQuietly(socket);
        }
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket upstream = new Socket();
                upstream.connect(target, 5000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // closed by down(), or the emulator refused: the client sees its connection closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException ignored) {
                // either side closed
            } finally {
                open.remove(from);
                open.remove(to);
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "outage-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public synchronized void close() throws IOException {
        down();
    }
}
