package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.app.gui.dashboard.DashboardViewModel;
import dev.incidentconsole.app.gui.dashboard.ServiceRow;
import dev.incidentconsole.app.services.LinkedSection;
import dev.incidentconsole.app.services.RunbookLinks;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.runbook.Runbook;
import dev.incidentconsole.runbook.Section;
import dev.incidentconsole.runbook.SectionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableValue;

/** The dashboard as walkthroughs use it: service statuses to wait on, and the runbook sections that fit a service. */
final class DashboardWatch implements ServiceWatch {
    private final DashboardViewModel dashboard;

    DashboardWatch(DashboardViewModel dashboard) {
        this.dashboard = dashboard;
    }

    @Override
    public Optional<ObservableValue<Status>> status(String service) {
        return dashboard.row(service).map(r -> r.stateProperty());
    }

    @Override
    public Optional<ServiceLink> link(String service) {
        return dashboard.row(service).map(r -> ServiceLink.of(r.spec(), dashboard.environment().nameProperty().get()));
    }

    @Override
    public void checkNow(String service) {
        dashboard.row(service).ifPresent(dashboard::checkNow);
    }

    /**
     * The sections the dashboard links to {@code row}, resolved in its runbooks (missing ones left out), best for a
     * walkthrough first: the one the environment file names, then procedures with diagnosis or resolution
     * commands, then the rest (a port table row or an alert's description has nothing to walk through), each
     * group in the dashboard's order.
     */
    static List<IncidentStarter.SectionChoice> sections(DashboardViewModel dashboard, ServiceRow row) {
        return sections(dashboard.linksFor(row), dashboard.runbooks());
    }

    static List<IncidentStarter.SectionChoice> sections(List<LinkedSection> links, List<Runbook> runbooks) {
        List<IncidentStarter.SectionChoice> named = new ArrayList<>();
        List<IncidentStarter.SectionChoice> procedures = new ArrayList<>();
        List<IncidentStarter.SectionChoice> rest = new ArrayList<>();
        for (LinkedSection link : links) {
            if (link.found()) {
                resolve(runbooks, link.reference()).ifPresent(s -> {
                    IncidentStarter.SectionChoice choice =
                            new IncidentStarter.SectionChoice(s.runbook(), s.section(), link.label() + "  \u00b7 " + link.why());
                    (link.why().equals(RunbookLinks.IN_ENVIRONMENT) ? named
                            : walkable(s.runbook(), s.section()) ? procedures : rest).add(choice);
                });
            }
        }
        named.addAll(procedures);
        named.addAll(rest);
        return named;
    }

    private static boolean walkable(Runbook runbook, Section section) {
        return WalkthroughViewModel.partsOf(runbook, section).stream()
                .anyMatch(p -> p.kind() != SectionKind.VERIFICATION && WalkthroughViewModel.ORDER.contains(p.kind())
                        && !p.section().commands().isEmpty());
    }

    /** {@code file.md#A > B} (as {@link LinkedSection#reference()} writes it) in {@code runbooks}; a bare file is its first section. */
    static Optional<IncidentStarter.SectionChoice> resolve(List<Runbook> runbooks, String reference) {
        int hash = reference.indexOf('#');
        String file = hash < 0 ? reference : reference.substring(0, hash);
        String path = hash < 0 ? "" : reference.substring(hash + 1);
        for (Runbook rb : runbooks) {
            if (rb.file().getFileName() == null || !rb.file().getFileName().toString().equals(file) || rb.sections().isEmpty()) {
                continue;
            }
            Optional<Section> s = path.isEmpty() ? Optional.of(rb.sections().get(0))
                    : rb.sections().stream().filter(x -> x.pathString().equals(path)).findFirst();
            if (s.isPresent()) {
                return Optional.of(new IncidentStarter.SectionChoice(rb, s.get(), ""));
            }
        }
        return Optional.empty();
    }
}
