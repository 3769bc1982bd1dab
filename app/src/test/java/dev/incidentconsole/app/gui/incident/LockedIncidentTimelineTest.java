package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.util.FxTaskExecutor;
import dev.incidentconsole.app.gui.util.TestFxExecutors;
import dev.incidentconsole.incident.Connectivity;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.testing.RestartablePostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incident whose row another console holds locked (real embedded PostgreSQL, a second real connection): its entries
 * wait in the journal while the store stays online, and the timeline reopened meanwhile shows them.
 */
class LockedIncidentTimelineTest {
    private static final StoreOptions FAST_RETRY = StoreOptions.defaults().withRetryInterval(Duration.ofMillis(200));
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path serverDir;
    private static RestartablePostgres pg;

    @TempDir
    Path dir;
    private final TestUi ui = new TestUi();
    private FxTaskExecutor executor;
    private IncidentViewModel model;

    @BeforeAll
    static void firstStart() throws IOException {
        pg = RestartablePostgres.start(serverDir);
    }

    @AfterAll
    static void lastStop() throws IOException {
        pg.close();
    }

    @BeforeEach
    void open() {
        executor = TestFxExecutors.withUi(1, ui);
        model = new IncidentViewModel(executor, ui, () -> IncidentStores.postgres(pg.url(), "postgres", null, dir,
                FAST_RETRY), "alice");
        model.followStore();
    }

    @AfterEach
    void close() {
        model.close();
        executor.close();
    }

    @Test
    void aBlockedIncidentsJournaledEntriesShowInItsTimelineReopenedWhileTheStoreIsOnline() throws Exception {
        Incident checkout = started("Checkout 502s", Severity.P1);
        Incident backlog = started("Queue backlog", Severity.P3);
        ui.runUntilAnswered(executor, WAIT);
        try (Connection console = DriverManager.getConnection(pg.url(), "postgres", null)) {
            console.setAutoCommit(false);
            try (PreparedStatement st = console.prepareStatement("SELECT 1 FROM incidents WHERE id = ? FOR UPDATE")) {
                st.setString(1, checkout.id());
                st.executeQuery().close();
            }
            AtomicReference<Receipt> kept = new AtomicReference<>();
            executor.execute(() -> model.store().append(TimelineEntry.create(checkout.id(), "alice",
                    new EntryBody.Note("rolled back v42", null))), kept::set, e -> { });
            ui.runUntil(() -> kept.get() != null, WAIT);
            assertThat(kept.get().outcome()).isEqualTo(Receipt.Outcome.JOURNALED);
            assertThat(model.store().connectivity()).isEqualTo(Connectivity.WAITING_FOR_LOCK);

            model.selectedProperty().set(listed(checkout)); // reopened: another incident was shown meanwhile
            ui.runUntilAnswered(executor, WAIT);
            assertThat(shown()).containsExactly("created 1", "note 0");

            AtomicReference<List<TimelineEntry>> held = new AtomicReference<>();
            model.selectedProperty().set(listed(backlog));
            model.timeline().held(checkout.id(), held::set, e -> held.set(List.of()));
            ui.runUntil(() -> held.get() != null, WAIT);
            assertThat(held.get()).extracting(e -> e.kind() + " " + e.seq()).containsExactly("created 1", "note 0");
            console.rollback();
        }
        model.selectedProperty().set(listed(checkout));
        ui.runUntil(() -> shown().equals(List.of("created 1", "note 2")), WAIT);
    }

    private Incident started(String title, Severity severity) throws InterruptedException {
        AtomicReference<Incident> started = new AtomicReference<>();
        model.start(IncidentDraft.of(title, severity), started::set);
        ui.runUntil(() -> started.get() != null, WAIT);
        return started.get();
    }

    private Incident listed(Incident incident) {
        return model.incidents().stream().filter(i -> i.id().equals(incident.id())).findFirst().orElseThrow();
    }

    private List<String> shown() {
        return model.timeline().entries().stream().map(e -> e.kind() + " " + e.seq()).toList();
    }
}
