package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.util.DialogService;
import dev.incidentconsole.app.gui.util.DialogService.TextAndChoice;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.RunbookLink;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * "Start incident" from a runbook section: join an open incident or open a new one (title and severity
 * asked through {@link DialogService}, pre-filled from the section), then hand the incident and the
 * section's procedure to {@code open}, which shows the walkthrough.
 */
public final class IncidentStarter {
    /** Shows the walkthrough of {@code procedure} for {@code incident}. */
    @FunctionalInterface
    public interface Opener {
        void open(Incident incident, Runbook runbook, Section procedure);
    }

    static final String NEW_INCIDENT = "Start a new incident";

    private final IncidentViewModel incidents;
    private final DialogService dialogs;
    private final Path runbookRoot;
    private final Opener open;

    /**
     * @param runbookRoot folder that linked runbook files are named relative to; null to keep them absolute
     * @param open        shows the walkthrough of the section for the incident (called on the UI thread)
     */
    public IncidentStarter(IncidentViewModel incidents, DialogService dialogs, Path runbookRoot,
                           Opener open) {
        this.incidents = incidents;
        this.dialogs = dialogs;
        this.runbookRoot = runbookRoot;
        this.open = open;
    }

    /** Asks, then starts or joins; nothing happens when the user cancels a dialog. */
    public void start(Runbook runbook, Section section) {
        Section procedure = procedureOf(runbook, section);
        RunbookLink link = new RunbookLink(fileName(runbook), procedure.path());
        List<Incident> open = incidents.openIncidents();
        if (!open.isEmpty()) {
            List<String> choices = new ArrayList<>();
            choices.add(NEW_INCIDENT);
            open.forEach(i -> choices.add(i.id() + "  " + i.severity() + "  " + i.title()));
            Optional<String> pick = dialogs.choose("Start or join an incident",
                    "Join an open incident with this section, or start a new one?", choices, NEW_INCIDENT);
            if (pick.isEmpty()) {
                return;
            }
            int index = choices.indexOf(pick.get());
            if (index > 0) {
                incidents.join(open.get(index - 1), link, joined -> this.open.open(joined, runbook, procedure));
                return;
            }
        }
        Optional<TextAndChoice<Severity>> answer = dialogs.askTextAndChoice("Start an incident", "Title",
                procedure.title(), "Severity", Arrays.asList(Severity.values()), Severity.P2);
        answer.filter(a -> !a.text().isBlank()).ifPresent(a -> incidents.start(
                new IncidentDraft(a.text(), a.choice(), "", List.of(), List.of(link), null),
                created -> this.open.open(created, runbook, procedure)));
    }

    /** The procedure a label part belongs to, so the walkthrough covers diagnosis to verification. */
    static Section procedureOf(Runbook runbook, Section section) {
        if (section.procedure() || !section.label()) {
            return section;
        }
        for (int i = section.index() - 1; i >= 0; i--) {
            Section s = runbook.sections().get(i);
            if (s.level() < section.level()) {
                return s.procedure() ? s : section;
            }
        }
        return section;
    }

    private String fileName(Runbook runbook) {
        Path file = runbook.file().toAbsolutePath().normalize();
        if (runbookRoot != null && file.startsWith(runbookRoot.toAbsolutePath().normalize())) {
            return runbookRoot.toAbsolutePath().normalize().relativize(file).toString();
        }
        return file.toString();
    }
}
