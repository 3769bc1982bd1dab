package dev.incidentconsole.incident.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.StoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteIncidentStoreTest extends IncidentStoreContract {
    @TempDir
    Path dir;

    @Override
    protected IncidentStore connect(StoreOptions options) throws Exception {
        return IncidentStores.embedded(dir.resolve("data/incidents.db"), options);
    }

    @Override
    protected IncidentStore connectOther(StoreOptions options) throws Exception {
        return IncidentStores.embedded(dir.resolve("other/incidents.db"), options);
    }

    @Test
    void theStoreIsOneFileInWalModeWithFullSync() throws Exception {
        SqliteIncidentStore s = (SqliteIncidentStore) store();
        assertThat(s.pragma("journal_mode")).isEqualTo("wal");
        assertThat(s.pragma("synchronous")).as("2 is FULL").isEqualTo("2");
        assertThat(s.pragma("foreign_keys")).isEqualTo("1");
        s.close();
        assertThat(Files.list(dir.resolve("data")).map(p -> p.getFileName().toString()))
                .as("one store file (WAL side files are SQLite's own)")
                .allMatch(n -> n.startsWith("incidents.db"));
    }

    @Test
    void aFileThatIsNotAStoreIsReportedAsDamaged() throws Exception {
        Path bogus = dir.resolve("notes.db");
        Files.writeString(bogus, "these are my notes, not a database\n".repeat(200));
        assertThatThrownBy(() -> IncidentStores.embedded(bogus, StoreOptions.defaults()))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StoreException.Reason.CORRUPT);
                    assertThat(e.getMessage()).contains(bogus.toString());
                });
    }

    @Test
    void callsOnAClosedStoreFailAsClosed() throws Exception {
        IncidentStore s = store();
        s.close();
        assertThatThrownBy(() -> s.list(false)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CLOSED));
    }
}
