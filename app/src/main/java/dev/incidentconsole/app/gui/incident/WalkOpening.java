package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.util.LatestWins;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Opens walkthroughs put back where their incident's timeline left them, read from what this console holds of that
 * timeline ({@link TimelineViewModel#held}: also the entries saved on this machine while the team store is
 * unreachable, which the store cannot give back then). The latest request wins: of two quick reopenings only the
 * last is shown, and a request overtaken by the selection of another incident is dropped. UI thread only.
 */
final class WalkOpening {
    /** Makes the walkthrough of {@code procedure} for {@code incident}, not yet restored. */
    @FunctionalInterface
    interface Walkthroughs {
        WalkthroughViewModel make(Incident incident, Runbook runbook, Section procedure, ServiceLink service);
    }

    private final LatestWins requests;
    private final IncidentViewModel incidents;
    private final Walkthroughs walkthroughs;
    private final Consumer<WalkthroughViewModel> show;
    private final Supplier<ServiceWatch> dashboard;

    /**
     * @param dashboard the dashboard as walkthroughs see it ({@link ServiceWatch#NONE} until it is watched)
     * @param show      shows a walkthrough once it is put back (or fresh, with the reason, when nothing could be read)
     */
    WalkOpening(TaskExecutor executor, IncidentViewModel incidents, Walkthroughs walkthroughs,
                Supplier<ServiceWatch> dashboard, Consumer<WalkthroughViewModel> show) {
        this.requests = executor.latestWins();
        this.dashboard = dashboard;
        this.incidents = incidents;
        this.walkthroughs = walkthroughs;
        this.show = show;
        incidents.selectedProperty().addListener((obs, old, now) -> {
            if (now == null || old == null || !old.id().equals(now.id())) {
                requests.supersede();
            }
        });
    }

    /** Shows the walkthrough of {@code procedure}, put back as the console holds {@code incident}'s timeline. */
    void open(Incident incident, Runbook runbook, Section procedure, ServiceLink service) {
        BooleanSupplier latest = requests.request();
        incidents.timeline().held(incident.id(), entries -> {
            if (latest.getAsBoolean()) {
                show.accept(restored(walkthroughs.make(incident, runbook, procedure, service), entries));
            }
        }, e -> {
            if (latest.getAsBoolean()) {
                incidents.errorProperty().set("Cannot read the timeline to resume the walkthrough: " + e.getMessage());
                show.accept(walkthroughs.make(incident, runbook, procedure, service));
            }
        });
    }

    /**
     * "Resume walkthrough": reads a runbook off the UI thread ({@code read}), then opens the walkthrough of the section
     * {@code section} picks in it, as {@link #open} does, for the service the incident was started for
     * ({@link WalkResume#service}); {@code failed} gets the reason the runbook could not be read.
     */
    void resume(Incident incident, Callable<Runbook> read, Function<Runbook, Section> section,
                Consumer<Exception> failed) {
        requests.submit(read, runbook -> {
            if (!runbook.sections().isEmpty()) {
                open(incident, runbook, section.apply(runbook), WalkResume.service(incident, dashboard.get()));
            }
        }, failed);
    }

    private WalkthroughViewModel restored(WalkthroughViewModel walk, List<TimelineEntry> entries) {
        try {
            walk.restore(entries);
        } catch (RuntimeException e) {
            // an entry it cannot read back must not keep the engineer from the walkthrough itself
            incidents.errorProperty().set("Could not put the walkthrough back as the timeline left it: " + e.getMessage());
        }
        return walk;
    }
}
