package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.util.DialogService;
import dev.incidentconsole.app.incident.AlertEntries;
import dev.incidentconsole.app.incident.AlertSeverity;
import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.app.gui.util.DialogService.TextAndChoice;
import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.RunbookLink;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.runbook.DeclaredSeverity;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * "Start incident" from a runbook section, a search result or a failing dashboard service: join an open
 * incident or open a new one (title and severity asked through {@link DialogService}, pre-filled from the
 * section or service), link the section and the service, then hand the incident and the section's procedure
 * to {@code open}, which shows the walkthrough. Call on the UI thread.
 *
 * <p>Two incidents for one outage is the costlier mistake, so while incidents are open the dialog suggests joining
 * one, saying which and why: the one linked to the same section, else the one about the same service, else the
 * newest open one when it and the window are in the same known environment and it names no other service or
 * section; otherwise "Start a new incident" is pre-selected. A new incident's suggested severity is the one the runbook declares for
 * the section ({@link DeclaredSeverity}, mapped like alert labels: {@code Critical} is P0), else P2.
 */
public final class IncidentStarter {
    /** Shows the walkthrough of {@code procedure} for {@code incident}; {@code runbook} and {@code procedure} are null when no section was chosen. */
    @FunctionalInterface
    public interface Opener {
        void open(Incident incident, Runbook runbook, Section procedure, ServiceLink service);
    }

    /** A runbook section offered for a service, best first. */
    public record SectionChoice(Runbook runbook, Section section, String label) {
    }

    static final String NEW_INCIDENT = "Start a new incident";
    static final String NO_SECTION = "No runbook section: only the timeline";

    private final IncidentViewModel incidents;
    private final DialogService dialogs;
    private volatile Path runbookRoot;
    private final Opener open;
    private volatile Supplier<String> environment = () -> "";
    private volatile Supplier<AlertSeverity> severities = () -> AlertSeverity.of(Map.of());

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

    /** Names linked runbook files relative to {@code root} from now on (the window switched workspace). */
    public void useRunbookRoot(Path root) {
        this.runbookRoot = root;
    }

    /** The environment the window watches (its name, blank when none), asked at each start; new incidents are in it. */
    public void useEnvironment(Supplier<String> watched) {
        this.environment = watched;
    }

    /** How severity words (alert labels, a runbook's {@code Severity:} line) map to levels, asked at each start. */
    public void useSeverities(Supplier<AlertSeverity> mapping) {
        this.severities = mapping;
    }

    /** Asks, then starts or joins; nothing happens when the user cancels a dialog. */
    public void start(Runbook runbook, Section section) {
        start(runbook, section, null);
    }

    /** Like {@link #start(Runbook, Section)}, for an incident about {@code service} (may be null). */
    public void start(Runbook runbook, Section section, ServiceLink service) {
        Section procedure = procedureOf(runbook, section);
        begin(runbook, procedure, service, procedure.title(), declared(runbook, procedure), open);
    }

    /**
     * "Start incident" on a failing service: asks which of {@code sections} to follow (the first, best fitting,
     * is suggested; none is a choice too), then starts or joins like {@link #start(Runbook, Section)}, the
     * service linked to the incident and its values used for placeholders.
     */
    public void startForService(ServiceLink service, List<SectionChoice> sections) {
        chooseSection("Start an incident for " + service.name(), "fits the service best", sections).ifPresent(chosen -> {
            Section procedure = chosen.runbook() == null ? null : procedureOf(chosen.runbook(), chosen.section());
            begin(chosen.runbook(), procedure, service, service.name()
                    + (procedure == null ? " is failing" : ": " + procedure.title()),
                    procedure == null ? AlertSeverity.UNKNOWN : declared(chosen.runbook(), procedure), open);
        });
    }

    /**
     * "Start incident" on a firing alert: like {@link #startForService}, with the title from the alert, the
     * severity the chosen section declares for it ({@link DeclaredSeverity}: the team's word on this alert), else the
     * one its {@code severity} label suggests (both mapped by {@code severities}), its labels as placeholder values
     * ({@link ServiceLink#ofAlert}) and the alert on the timeline at its own start time.
     */
    public void startForAlert(FiringAlert alert, String environment, List<SectionChoice> sections,
                              AlertSeverity severities) {
        ServiceLink labels = ServiceLink.ofAlert(alert, environment);
        String title = alert.name() + (alert.summary().isBlank() ? "" : ": " + alert.summary());
        Opener withAlert = (incident, runbook, procedure, service) -> {
            incidents.timeline().append(AlertEntries.of(incident.id(), alert, true, incidents.author(), Instant.now()), null);
            open.open(incident, runbook, procedure, service);
        };
        chooseSection("Start an incident for " + alert.name(), "answers the alert best", sections).ifPresent(chosen -> {
            Section procedure = chosen.runbook() == null ? null : procedureOf(chosen.runbook(), chosen.section());
            Severity severity = (procedure == null ? Optional.<Severity>empty()
                    : declared(chosen.runbook(), procedure, severities)).orElseGet(() -> severities.suggest(alert.severity()));
            begin(chosen.runbook(), procedure, labels, title, severity, withAlert);
        });
    }

    /**
     * Asks which of {@code sections} to follow, the first suggested; empty when the user cancels, a choice
     * without runbook for "no section" (also the answer when there are none to choose from).
     */
    private Optional<SectionChoice> chooseSection(String title, String best, List<SectionChoice> sections) {
        SectionChoice none = new SectionChoice(null, null, NO_SECTION);
        if (sections.isEmpty()) {
            return Optional.of(none);
        }
        List<String> labels = new ArrayList<>(sections.stream().map(SectionChoice::label).toList());
        labels.add(NO_SECTION);
        Optional<String> pick = dialogs.choose(title, "Which runbook section do you follow? The first one " + best + ".",
                labels, labels.get(0));
        int index = pick.map(labels::indexOf).orElse(-1);
        return pick.map(p -> index >= 0 && index < sections.size() ? sections.get(index) : none);
    }

    /** The level the runbook declares for {@code procedure} (or a heading above it); P2 when it declares none. */
    private Severity declared(Runbook runbook, Section procedure) {
        return declared(runbook, procedure, severities.get()).orElse(AlertSeverity.UNKNOWN);
    }

    private static Optional<Severity> declared(Runbook runbook, Section procedure, AlertSeverity mapping) {
        return DeclaredSeverity.of(runbook, procedure, mapping::knows).map(mapping::suggest);
    }

    private void begin(Runbook runbook, Section procedure, ServiceLink service, String title, Severity severity,
                       Opener open) {
        RunbookLink link = runbook == null ? null : new RunbookLink(fileName(runbook), procedure.path());
        Path root = runbookRoot;
        List<Incident> openIncidents = incidents.openIncidents();
        String env = service == null ? environment.get() : service.environment();
        if (!openIncidents.isEmpty()) {
            List<String> choices = new ArrayList<>();
            choices.add(NEW_INCIDENT);
            openIncidents.forEach(i -> choices.add(i.id() + "  " + i.severity() + "  " + Redactor.standard().redact(i.title())));
            Optional<Suggestion> join = toJoin(openIncidents, link, root, service, env);
            String suggested = join.map(j -> choices.get(openIncidents.indexOf(j.incident()) + 1)).orElse(NEW_INCIDENT);
            String question = "Join an open incident" + (runbook == null ? "" : " with this section") + ", or start a new one?";
            Optional<String> pick = dialogs.choose("Start or join an incident",
                    join.map(j -> j.describe() + " and is pre-selected. " + question).orElse(question), choices, suggested);
            if (pick.isEmpty()) {
                return;
            }
            int index = choices.indexOf(pick.get());
            if (index > 0) {
                join(openIncidents.get(index - 1), link, runbook, procedure, service, open);
                return;
            }
        }
        // Said before it is stored: the environment decides which incidents later suggest joining this one.
        Optional<TextAndChoice<Severity>> answer = dialogs.askTextAndChoice("Start an incident "
                + (env == null || env.isBlank() ? "(no environment)" : "in " + env), "Title",
                title, "Severity", Arrays.asList(Severity.values()), severity);
        answer.filter(a -> !a.text().isBlank()).ifPresent(a -> incidents.start(new IncidentDraft(a.text(), a.choice(),
                        env,
                        service == null ? List.of() : List.of(service.name()),
                        link == null ? List.of() : List.of(link), null),
                created -> open.open(created, runbook, procedure, service)));
    }

    /** An open incident to pre-select and why, said in the dialog so Enter never joins an incident blindly. */
    record Suggestion(Incident incident, String reason) {
        String describe() {
            return incident.id() + " is open" + (incident.environment().isBlank() ? "" : " in " + incident.environment())
                    + " (" + reason + ")";
        }
    }

    /**
     * The open incident most likely about this outage: linked to the section, else about the service, else the newest
     * (the list is newest first) of the same, known environment that names no other service or section. Section and
     * service matches need the same environment too, unless either side has none: prod's checkout outage is not
     * staging's. An unknown environment on either side, or another service or section named, suggests no bare
     * incident: joining an unrelated incident writes this outage's links into its postmortem, a costlier slip than a
     * second incident.
     */
    static Optional<Suggestion> toJoin(List<Incident> open, RunbookLink link, Path root, ServiceLink service,
                                       String environment) {
        List<Incident> here = open.stream().filter(i -> compatible(i.environment(), environment)).toList();
        Optional<Suggestion> sameSection = here.stream()
                .filter(i -> link != null && i.runbooks().stream().anyMatch(l -> link.sameSection(l, root)))
                .findFirst().map(i -> new Suggestion(i, "same runbook section"));
        return sameSection
                .or(() -> here.stream().filter(i -> service != null && i.services().contains(service.name()))
                        .findFirst().map(i -> new Suggestion(i, "same service")))
                .or(() -> environment == null || environment.isBlank() ? Optional.empty()
                        : open.stream().filter(i -> i.environment().equals(environment)).findFirst()
                        .filter(i -> namesNothingElse(i, link, root, service))
                        .map(i -> new Suggestion(i, "newest open incident there, naming no other service or section")));
    }

    /** Same environment, or one side does not say (an incident from the CLI often has none). */
    private static boolean compatible(String incidentEnvironment, String environment) {
        return incidentEnvironment == null || incidentEnvironment.isBlank() || environment == null
                || environment.isBlank() || incidentEnvironment.equals(environment);
    }

    private static boolean namesNothingElse(Incident incident, RunbookLink link, Path root, ServiceLink service) {
        return incident.services().stream().allMatch(s -> service != null && s.equals(service.name()))
                && incident.runbooks().stream().allMatch(l -> link != null && link.sameSection(l, root));
    }

    private void join(Incident incident, RunbookLink link, Runbook runbook, Section procedure, ServiceLink service,
                      Opener open) {
        java.util.function.Consumer<Incident> then = joined -> {
            if (service != null && !joined.services().contains(service.name())) {
                incidents.timeline().record(joined.id(), new EntryBody.ServiceLinked(service.name()), null, null);
            }
            open.open(joined, runbook, procedure, service);
        };
        if (link != null) {
            incidents.join(incident, link, runbookRoot, then);
        } else {
            incidents.selectedProperty().set(incident);
            then.accept(incident);
        }
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
