package dev.incidentconsole.app.cli;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.Status;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.TimelineEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code incident status ID investigating|identified|mitigated|resolved [--reason TEXT]}. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Change an incident's status.")
final class IncidentStatusCommand extends IncidentAction {

    @Parameters(index = "0", paramLabel = "ID", description = "Incident id.")
    String id;

    @Parameters(index = "1", paramLabel = "STATUS", description = "One of ${COMPLETION-CANDIDATES}.")
    Status status;

    @Option(names = "--reason", description = "Why, in a few words.")
    String reason;

    @Override
    boolean queuesWhenUnreachable() {
        return true;
    }

    @Override
    int call(IncidentStore store) throws StoreException {
        Incident incident = requireUnlessOffline(store, id);
        if (incident != null && incident.status() == status) {
            out().println(id + " is already " + status.label() + ".");
            return 0;
        }
        // Offline the current status is unknown: the entry says only where it goes.
        Status from = incident == null ? null : incident.status();
        Receipt r = store.append(TimelineEntry.create(id, author(), new EntryBody.StatusChanged(from, status, reason)));
        out().println(id + ": " + (from == null ? "" : from.label() + " -> ") + status.label());
        reportQueued(store, r);
        return 0;
    }
}
