package dev.incidentconsole.incident.testing;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * An embedded PostgreSQL that a test stops and starts again on the same port and data directory: a team
 * database that goes down in the middle of an incident and comes back with its data. initdb runs once, in
 * {@link #start}. Not thread-safe: one test class drives it. Shared with the app's tests (test-jar).
 */
public final class RestartablePostgres implements AutoCloseable {
    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Creates a cluster in {@code dir} (usually a static {@code @TempDir}) and starts it on a free port. */
    public static RestartablePostgres start(Path dir) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RestartablePostgres pg = new RestartablePostgres(dir.resolve("pgdata"), port);
        pg.ensureRunning();
        return pg;
    }

    /** Starts the server again after {@link #stop()}; does nothing while it runs. */
    public void ensureRunning() throws IOException {
        if (server == null) {
            server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).start();
        }
    }

    /** Stops the server (fast shutdown: every session is ended) and waits until its process is gone. */
    public void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
            // pg_ctl gives up waiting after a few seconds on a busy machine while the shutdown goes on.
            await().atMost(Duration.ofSeconds(60)).until(() -> !Files.exists(dataDirectory.resolve("postmaster.pid")));
        }
    }

    public int port() {
        return port;
    }

    /** JDBC URL of the database {@code postgres}, which the superuser {@code postgres} reaches without a password. */
    public String url() {
        return url("postgres");
    }

    public String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Runs set-up statements (roles, databases) as the superuser; the server must be running. */
    public void execute(String... statements) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
