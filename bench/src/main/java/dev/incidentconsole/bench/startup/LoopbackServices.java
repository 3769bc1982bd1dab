package dev.incidentconsole.bench.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The dashboard benches' services: TCP on loopback, the first {@code dead} on a port that refuses connections. */
final class LoopbackServices {
    private LoopbackServices() {
    }

    /** Accepts on a loopback port until closed; the caller closes it. */
    static ServerSocket listening() throws IOException {
        ServerSocket up = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> acceptForever(up), "bench-accept");
        accept.setDaemon(true);
        accept.start();
        return up;
    }

    /** Writes {@code environments.yaml} with one environment, {@code bench}, checked every {@code intervalSeconds}. */
    static Path environmentFile(Path dir, int services, int dead, int intervalSeconds, int upPort) throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort(); // free again once closed: connections are refused
        }
        StringBuilder yaml = new StringBuilder("default: bench\ndefaults: {interval: " + intervalSeconds
                + "s, timeout: 1s, retries: 1}\nenvironments:\n  bench:\n    services:\n");
        for (int i = 0; i < services; i++) {
            yaml.append(String.format(Locale.ROOT, "      - {name: svc-%03d, host: 127.0.0.1, port: %d}%n", i,
                    i < dead ? closed : upPort));
        }
        return Files.writeString(dir.resolve("environments.yaml"), yaml);
    }

    private static void acceptForever(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoLinger(true, 0);
            } catch (IOException e) {
                return;
            }
        }
    }
}
