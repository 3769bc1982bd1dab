package dev.incidentconsole.bench.health;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The endpoints {@link HealthBench} probes, run in a child JVM so their CPU is not counted as the
 * prober's: {@code live} loopback HTTP servers answering {@code /health}, and {@code dead} loopback
 * listeners that never accept, with their accept queue full so a connection attempt is never answered.
 * Prints {@code LIVE port} / {@code DEAD port} lines, then {@code READY}; exits when stdin closes.
 */
public final class BenchServers {
    private BenchServers() {
    }

    public static void main(String[] args) throws IOException {
        int live = Integer.parseInt(args[0]);
        int dead = Integer.parseInt(args[1]);
        InetAddress lo = InetAddress.getLoopbackAddress();
        ExecutorService handlers = Executors.newFixedThreadPool(8);
        byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        List<Object> keep = new ArrayList<>();
        for (int i = 0; i < live; i++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(lo, 0), 64);
            server.setExecutor(handlers);
            server.createContext("/health", ex -> {
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            server.start();
            keep.add(server);
            System.out.println("LIVE " + server.getAddress().getPort());
        }
        for (int i = 0; i < dead; i++) {
            ServerSocket hole = new ServerSocket(0, 1, lo);
            keep.add(hole);
            for (int k = 0; k < 16; k++) {
                Socket filler = new Socket();
                try {
                    filler.connect(new InetSocketAddress(lo, hole.getLocalPort()), 200);
                    keep.add(filler);
                } catch (IOException full) {
                    filler.close();
                    break;
                }
            }
            System.out.println("DEAD " + hole.getLocalPort());
        }
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
            // keep serving until the parent goes away
        }
        System.exit(0);
    }
}
