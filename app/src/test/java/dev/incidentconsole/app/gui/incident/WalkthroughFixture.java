package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.exec.testing.TestUser;
import static org.assertj.core.api.Assertions.assertThat;
import dev.incidentconsole.app.gui.run.KnownValues;
import dev.incidentconsole.app.gui.run.PlaceholderField;
import dev.incidentconsole.app.gui.run.RunServices;
import dev.incidentconsole.app.gui.run.TerminalLauncher;
import dev.incidentconsole.app.gui.util.DirectTaskExecutor;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.app.settings.LaunchOptions;
import dev.incidentconsole.app.targets.TargetCatalog;
import dev.incidentconsole.app.targets.TargetInfo;
import dev.incidentconsole.exec.CommandRunner;
import dev.incidentconsole.exec.ExecSettings;
import dev.incidentconsole.exec.KubeTarget;
import dev.incidentconsole.exec.LocalTarget;
import dev.incidentconsole.exec.OutputLine;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.spec.HttpSpec;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.RunOutcome;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.RunbookParser;
import dev.incidentconsole.runbook.SectionKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the walkthrough tests share: a real embedded store, real local shells, the FX thread played by {@link TestUi}. */
abstract class WalkthroughFixture {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    final TestUi ui = new TestUi();
    final WalkRunbook.ScriptedDialogs dialogs = new WalkRunbook.ScriptedDialogs();
    final SimpleObjectProperty<TargetCatalog> catalog = new SimpleObjectProperty<>(TargetCatalog.localOnly());
    IncidentStore store;
    CommandRunner runner;
    IncidentViewModel incidents;
    String incidentId;

    @BeforeEach
    void open() throws Exception {
        store = IncidentStores.embedded(dir.resolve("incidents.db"), StoreOptions.defaults());
        runner = CommandRunner.withoutSshPrompts(ExecSettings.defaults(TestUser.current()).withOutputDir(dir.resolve("runs")));
        incidents = new IncidentViewModel(new DirectTaskExecutor(), Runnable::run, () -> store, "alice");
        incidents.start(IncidentDraft.of("Checkout 502s", Severity.P1), i -> { });
        incidentId = incidents.selectedProperty().get().id();
    }

    @AfterEach
    void close() {
        runner.close();
        store.close();
    }

    WalkthroughViewModel walk(Runbook runbook, String section, ServiceLink service) {
        return walk(runbook, section, service, new DirectTaskExecutor());
    }

    /** A walkthrough whose runs start through {@code tasks}. */
    WalkthroughViewModel walk(Runbook runbook, String section, ServiceLink service, TaskExecutor tasks) {
        RunServices run = new RunServices(runner, tasks, ui, dialogs, TerminalLauncher.system(LaunchOptions.fromSystem()), new KnownValues());
        WalkServices services = new WalkServices(run, catalog, ServiceWatch.NONE, (delay, task) -> () -> { },
                Clock.systemDefaultZone());
        return new WalkthroughViewModel(incidentId, runbook, WalkRunbook.section(runbook, section), incidents.timeline(),
                services, service);
    }

    WalkthroughViewModel web() throws Exception {
        return walk(WalkRunbook.write(dir), "Backend failing", null);
    }

    void runToEnd(WalkthroughViewModel walk, WalkStep step) throws InterruptedException {
        walk.run(step);
        ui.runUntil(() -> !step.run().runningProperty().get() && step.statusProperty().get().startsWith("exit"), WAIT);
    }

    List<TimelineEntry> stored() throws Exception {
        return store.entries(incidentId, 0);
    }

    List<String> notes() throws Exception {
        return stored().stream().filter(e -> e.body() instanceof EntryBody.Note).map(e -> ((EntryBody.Note) e.body()).text()).toList();
    }

    static PlaceholderField field(WalkStep step, String name) {
        return step.run().placeholders().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
