package dev.incidentconsole.app.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.health.ProbeResult;
import dev.incidentconsole.health.RunbookCheck;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.HistoryStats;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.health.spec.PostgresSpec;
import dev.incidentconsole.health.spec.RedisSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a service row says about its service beside the status: its probe, its runbook's check, its labels. */
class ServiceRowTest {
    @Test
    void aWrappedChecksRunbookCommandIsShownMaskedBesideItsNativeProbe() {
        ServiceSpec spec = ServiceSpec.of("Postgres", "localhost", 5433, PostgresSpec.ready("localhost", 5433, "nova", "nova"))
                .withRunbookCheck(new RunbookCheck("docker exec -e PGPASSWORD=s3cret nova_db pg_isready -U nova", "docker exec"));
        ProbeResult none = ProbeResult.unknown();
        ServiceRow row = new ServiceRow(new ServiceStatus(spec, Status.UNKNOWN, none.reason(), null, none, 0, List.of(),
                HistoryStats.of(List.of())), 0);

        assertThat(row.probeText()).isEqualTo("PostgreSQL accepts connections localhost:5433");
        assertThat(row.runbookCheckText()).startsWith("docker exec -e PGPASSWORD=").endsWith(" nova_db pg_isready -U nova")
                .doesNotContain("s3cret");
    }

    @Test
    void serviceDetailsNameComponentsAsComponentsAndTagsAsTags() {
        ServiceSpec spec = new ServiceSpec("db", "localhost", 5432, PostgresSpec.ready("localhost", 5432, "app", "app"),
                null, null, 3, null, null, List.of("tier1"), List.of("PostgreSQL", "PgBouncer"), List.of(), "", List.of());
        ProbeResult none = ProbeResult.unknown();
        ServiceRow row = new ServiceRow(new ServiceStatus(spec, Status.UNKNOWN, none.reason(), null, none, 0, List.of(),
                HistoryStats.of(List.of())), 0);

        assertThat(row.labelFacts()).containsExactly(java.util.Map.entry("Components", "PostgreSQL, PgBouncer"),
                java.util.Map.entry("Tags", "tier1"));
        ServiceRow componentsOnly = new ServiceRow(new ServiceStatus(ServiceSpec.of("cache", "localhost", 6379,
                RedisSpec.of("localhost", 6379)).withComponents(List.of("Redis")),
                Status.UNKNOWN, none.reason(), null, none, 0, List.of(), HistoryStats.of(List.of())), 0);
        assertThat(componentsOnly.labelFacts()).containsOnlyKeys("Components");
    }
}
