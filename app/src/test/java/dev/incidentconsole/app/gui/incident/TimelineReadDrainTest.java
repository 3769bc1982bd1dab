package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.testing.RestartablePostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A timeline read while the journal drains (real embedded PostgreSQL, a second real connection holding the incident's
 * row): the journal sends its entry between the read's two looks, and the entry is in the read either way.
 */
class TimelineReadDrainTest {
    private static final StoreOptions FAST_RETRY = StoreOptions.defaults().withRetryInterval(Duration.ofMillis(200));

    @TempDir
    Path serverDir;
    @TempDir
    Path dir;

    @Test
    void anEntrySentFromTheJournalDuringTheReadIsStillRead() throws Exception {
        try (RestartablePostgres pg = RestartablePostgres.start(serverDir);
             IncidentStore store = IncidentStores.postgres(pg.url(), "postgres", null, dir, FAST_RETRY);
             Connection console = DriverManager.getConnection(pg.url(), "postgres", null)) {
            Incident incident = store.create(IncidentDraft.of("Checkout 502s", Severity.P1), "alice");
            console.setAutoCommit(false);
            try (PreparedStatement st = console.prepareStatement("SELECT 1 FROM incidents WHERE id = ? FOR UPDATE")) {
                st.setString(1, incident.id());
                st.executeQuery().close();
            }
            Receipt kept = store.append(TimelineEntry.create(incident.id(), "alice",
                    new EntryBody.Note("rolled back v42", null)));
            assertThat(kept.outcome()).isEqualTo(Receipt.Outcome.JOURNALED);

            TimelineRead read = TimelineRead.of(drainingAfterFirstLook(store, console), incident.id());

            assertThat(read.entries()).extracting(e -> e.kind() + " " + e.seq()).containsExactly("created 1", "note 2");
        }
    }

    /**
     * {@code store}, whose first read of entries (stored or journaled) is followed by the other console releasing the
     * incident and the journal sending what it kept: the drain falls between the read's two looks, whichever is first.
     */
    private static IncidentStore drainingAfterFirstLook(IncidentStore store, Connection console) {
        boolean[] drained = {false};
        return (IncidentStore) Proxy.newProxyInstance(IncidentStore.class.getClassLoader(),
                new Class<?>[] {IncidentStore.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    boolean look = method.getName().equals("entries") || method.getName().equals("journaled");
                    if (look && !drained[0]) {
                        drained[0] = true;
                        console.rollback();
                        Instant until = Instant.now().plusSeconds(30);
                        while (store.pendingEntries() > 0 && Instant.now().isBefore(until)) {
                            Thread.sleep(50);
                        }
                        assertThat(store.pendingEntries()).as("the journal was sent").isZero();
                    }
                    return result;
                });
    }
}
