package dev.incidentconsole.app.gui.dashboard;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

/** Real services on the loopback interface for dashboard and check tests. */
public final class Loopback {
    private Loopback() {
    }

    /** An HTTP server on a free loopback port answering every path with {@code status} and {@code body}. */
    public static HttpServer http(int status, String body) {
        return http(() -> status, body);
    }

    /** Like {@link #http(int, String)}, answering with whatever status {@code status} gives at the time. */
    public static HttpServer http(java.util.function.IntSupplier status, String body) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status.getAsInt(), bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A healthy service: {@code 200 {"status":"ok"}}. */
    public static HttpServer healthy() {
        return http(200, "{\"status\":\"ok\",\"checks\":{\"postgres\":\"ok\",\"redis\":\"ok\"}}");
    }

    public static int port(HttpServer server) {
        return server.getAddress().getPort();
    }

    /** A loopback port nothing listens on (it was free a moment ago): connecting is refused. */
    public static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
