package dev.incidentconsole.health.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real {@code redis-server} on a free loopback port, without persistence; tests skip when it is absent. */
public final class RedisServer implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/redis-server");
    private final Process process;
    private final int port;

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts it; {@code password} may be null for no AUTH. */
    public RedisServer(String password) throws IOException, InterruptedException {
        port = Net.closedPort();
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"));
        if (password != null) {
            cmd.addAll(List.of("--requirepass", password));
        }
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 100);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("redis-server exited with " + process.exitValue());
                }
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IOException("redis-server did not start listening on " + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
