package dev.incidentconsole.app.gui.runbooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small runbooks written into a test's temp folder. */
public final class TestRunbooks {
    public static final String PAYMENTS = """
            # Payments API Runbook

            **Last Updated:** 2026-01-10

            Payments runs on Kubernetes in namespace `payments`.

            ## Common Issues

            ### Disk full on the database host

            **Symptoms:** writes fail with `No space left on device`

            **Diagnosis:**
            ```bash
            # How full is the data volume
            df -h /var/lib/postgresql
            ```

            **Resolution:**
            ```bash
            # Drop the archived WAL files that were already shipped
            rm -rf /var/lib/postgresql/archive/*
            # Restart the database pod
            kubectl delete pod <pod-name> -n payments
            ```

            ## Escalation

            - Page the database team
            - Post in `#payments-oncall`
            """;

    public static final String CACHE = """
            # Cache Runbook

            ## Warm the cache

            ```bash
            redis-cli -h <redis-host> ping  # expect PONG
            ```

            ```promql
            rate(cache_misses_total[5m])
            ```
            """;

    private TestRunbooks() {
    }

    /** Writes {@code payments.md} and {@code cache.md} into {@code dir}. */
    public static Path write(Path dir) throws IOException {
        Files.writeString(dir.resolve("payments.md"), PAYMENTS);
        Files.writeString(dir.resolve("cache.md"), CACHE);
        return dir;
    }
}
