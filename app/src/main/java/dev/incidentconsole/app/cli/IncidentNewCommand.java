package dev.incidentconsole.app.cli;

import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.RunbookLink;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code incident new --title T --severity P1 [--runbook FILE#HEADING] [--service NAME] [--environment NAME]}: prints
 * the new id. {@code --environment} names an environment as {@code check --environment} does ({@code --env} is the
 * environment file everywhere else); the old {@code --env NAME} spelling is still read, hidden, for existing scripts.
 */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Open an incident and print its id.")
final class IncidentNewCommand extends IncidentAction {

    @Option(names = "--title", required = true, description = "What is wrong, in a line.")
    String title;

    @Option(names = "--severity", required = true, description = "One of ${COMPLETION-CANDIDATES}.")
    Severity severity;

    @Option(names = "--runbook", paramLabel = "FILE#HEADING",
            description = "Runbook section in use; the heading path may be given as A > B. Repeatable.")
    List<String> runbooks = new ArrayList<>();

    @Option(names = "--service", paramLabel = "NAME", description = "Affected service. Repeatable.")
    List<String> services = new ArrayList<>();

    @Option(names = "--environment", paramLabel = "NAME", description = "Environment the incident is in, e.g. prod.")
    String environment;

    @Option(names = "--env", paramLabel = "NAME", hidden = true,
            description = "Old spelling of --environment (elsewhere --env is the environment file).")
    void oldEnvironmentSpelling(String name) {
        oldSpelling = name;
    }

    private String oldSpelling;

    @Override
    boolean queuesWhenUnreachable() {
        return true; // the id is made here, so scripts can go on adding notes to it during an outage
    }

    @Override
    int call(IncidentStore store) throws StoreException {
        if (title.isBlank()) {
            err().println("The title is empty; give --title a line saying what is wrong.");
            return 2;
        }
        if (environment != null && oldSpelling != null) {
            err().println("--environment and --env (its old spelling) were both given; give the environment once.");
            return 2;
        }
        String env = environment != null ? environment : oldSpelling;
        List<RunbookLink> links = runbooks.stream().map(IncidentNewCommand::link).toList();
        Incident incident = store.create(new IncidentDraft(title, severity, env, services, links, null), author());
        out().println(incident.id());
        if (store.pendingEntries() > 0) {
            err().println("The team store is unreachable: the new incident is queued in the local journal ("
                    + store.pendingEntries() + " waiting). The next incident command or the window sends it once the"
                    + " store answers.");
        }
        return 0;
    }

    /** {@code file.md#Heading > Sub} to a link; without {@code #} the whole runbook. */
    static RunbookLink link(String spec) {
        int hash = spec.indexOf('#');
        if (hash < 0) {
            return new RunbookLink(spec, List.of());
        }
        List<String> path = Arrays.stream(spec.substring(hash + 1).split(">")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
        return new RunbookLink(spec.substring(0, hash), path);
    }
}
