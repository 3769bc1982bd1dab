package dev.incidentconsole.incident.testing;

import dev.incidentconsole.incident.IncidentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The team database of a test class, {@code @RegisterExtension static final TeamDatabase PG = new TeamDatabase();}: a
 * {@link RestartablePostgres} started once, before the first test, in a folder of its own; after each test the stores
 * it {@linkplain #track opened} are closed and the server is running again (a test may have stopped it); after the
 * last it is stopped and its folder removed.
 */
public final class TeamDatabase implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private final List<IncidentStore> stores = new ArrayList<>();
    private Path folder;
    private RestartablePostgres server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("team-database");
        server = RestartablePostgres.start(folder);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        closeStoresAndRestart();
    }

    /** Closes the stores opened so far and starts the server again if it was stopped; again after the test too. */
    public void closeStoresAndRestart() throws IOException {
        try {
            stores.forEach(IncidentStore::close);
        } finally {
            stores.clear();
            server.ensureRunning();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            server.close();
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** {@code store}, closed after the test. */
    public <S extends IncidentStore> S track(S store) {
        stores.add(store);
        return store;
    }

    public String url() {
        return server.url();
    }

    public String url(String database) {
        return server.url(database);
    }

    public int port() {
        return server.port();
    }

    public void stop() throws IOException {
        server.stop();
    }

    public void ensureRunning() throws IOException {
        server.ensureRunning();
    }

    public void execute(String... statements) throws SQLException {
        server.execute(statements);
    }
}
