package dev.incidentconsole.app.gui.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runbooks for the search and browse tests: components, symptoms, alerts and an index table. */
public final class SearchTestRunbooks {
    public static final String REDIS = """
            # Redis Runbook

            ## Redis Refuses Connections

            **Symptoms:** `redis-cli ping` gets no PONG; the API logs connection refused on 6379

            **Diagnosis:**
            ```bash
            redis-cli -h redis info replication
            ```

            **Resolution:** promote the replica with Sentinel, then restart the API pods with kubectl.

            ## Alert: RedisMemoryHigh

            **Meaning:** Redis uses more than 90 % of maxmemory and starts evicting keys.
            """;
    public static final String DATABASE = """
            # Database Runbook

            ## Disk Full On The Primary

            **Symptoms:** PostgreSQL writes fail with no space left on device

            **Resolution:** delete old WAL archives after checking replication lag.

            ## Too Many Connections

            **Symptoms:** clients see too many connections; PgBouncer pools are saturated

            **Resolution:** end sessions idle in transaction with pg_terminate_backend.
            """;
    public static final String INDEX = """
            # Runbook Index

            ## By Symptom

            - Cache answers nothing → [Redis](redis.md)
            - Writes fail → [Database](database.md), [Redis](redis.md)

            ## By Component

            | Component | Runbooks |
            |---|---|
            | Redis (cache) | [Redis](redis.md) |
            | Payments gateway | [Database](database.md) |
            """;

    private SearchTestRunbooks() {
    }

    /** Writes {@code redis.md}, {@code database.md} and {@code index.md} into {@code dir}. */
    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("redis.md"), REDIS);
        Files.writeString(dir.resolve("database.md"), DATABASE);
        Files.writeString(dir.resolve("index.md"), INDEX);
        return dir;
    }
}
