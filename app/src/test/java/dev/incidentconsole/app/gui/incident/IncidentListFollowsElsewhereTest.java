package dev.incidentconsole.app.gui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Colleague's report: an incident opened with {@code incident new} on the same data folder stayed out of the window's
 * list until Refresh. The CLI is played by a second store opened on the same embedded file, as {@code incident new}
 * opens it; the window's executor runs on the test's clock.
 */
class IncidentListFollowsElsewhereTest {
    @TempDir
    Path dir;

    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private IncidentStore window;
    private IncidentStore cli;
    private IncidentViewModel model;

    @BeforeEach
    void open() throws Exception {
        window = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        cli = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        model = new IncidentViewModel(executor, Runnable::run, () -> window, "alice");
        model.refresh();
    }

    @AfterEach
    void close() {
        model.close();
        cli.close();
    }

    @Test
    void anIncidentOpenedFromTheCommandLineIsListedWithinTheRefreshInterval() throws Exception {
        model.refreshEvery(Duration.ofSeconds(15));
        Incident fromCli = cli.create(IncidentDraft.of("Checkout 502s", Severity.P1), "bob");

        executor.advance(Duration.ofSeconds(14));
        assertThat(model.incidents()).isEmpty();

        executor.advance(Duration.ofSeconds(1));
        assertThat(model.incidents()).extracting(Incident::id).containsExactly(fromCli.id());
    }

    @Test
    void theWindowWritingToAnIncidentItDoesNotListListsItAtOnce() throws Exception {
        Incident fromCli = cli.create(IncidentDraft.of("Checkout 502s", Severity.P1), "bob");

        // what the health recorder does when a service of that incident changes state
        model.recorded(window.append(TimelineEntry.create(fromCli.id(), "alice", new EntryBody.Note("checkout DOWN", null))));

        assertThat(model.incidents()).extracting(Incident::id).containsExactly(fromCli.id());
    }

    @Test
    void aPeriodicReadThatFindsNothingNewKeepsTheListAndTheSelection() throws Exception {
        cli.create(IncidentDraft.of("Checkout 502s", Severity.P1), "bob");
        model.refresh();
        Incident shown = model.incidents().get(0);
        model.selectedProperty().set(shown);
        model.refreshEvery(Duration.ofSeconds(15));
        java.util.List<javafx.collections.ListChangeListener.Change<? extends Incident>> changes = new java.util.ArrayList<>();
        model.incidents().addListener((javafx.collections.ListChangeListener<Incident>) changes::add);

        executor.advance(Duration.ofSeconds(45));

        assertThat(changes).isEmpty();
        assertThat(model.selectedProperty().get().id()).isEqualTo(shown.id());
    }
}
