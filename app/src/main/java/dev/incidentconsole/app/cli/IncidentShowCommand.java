package dev.incidentconsole.app.cli;

import dev.incidentconsole.app.incident.OutageFallback;
import dev.incidentconsole.incident.Connectivity;
import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.TimelineOrder;
import dev.incidentconsole.incident.export.ExportOptions;
import dev.incidentconsole.incident.export.IncidentExport;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code incident show ID [--json]}: the incident and its whole timeline. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show an incident and its timeline.")
final class IncidentShowCommand extends IncidentAction {

    @Parameters(index = "0", paramLabel = "ID", description = "Incident id, e.g. INC-20240501-1a2b3c.")
    String id;

    @Option(names = "--json", description = "Print the incident as its JSON export (importable).")
    boolean json;

    /** Opened during an outage too, to show what this machine keeps of the incident. */
    @Override
    boolean queuesWhenUnreachable() {
        return true;
    }

    @Override
    int call(IncidentStore store) throws StoreException {
        if (store.connectivity() == Connectivity.OFFLINE) {
            return showKept(store); // known unreachable: no read to wait for
        }
        // It may become unreachable while being read.
        return OutageFallback.read(store, () -> print(store.document(id)), () -> showKept(store));
    }

    private int print(IncidentDocument doc) {
        if (json) {
            out().print(IncidentExport.json(doc, ExportOptions.defaults()));
        } else {
            new IncidentPrinter(out()).print(doc);
        }
        return 0;
    }

    /**
     * The team store is unreachable: prints the entries queued on this machine for the incident (what the engineer
     * recorded during the outage), says that the rest needs the store, and fails (exit 1): the timeline is not whole.
     */
    private int showKept(IncidentStore store) throws StoreException {
        List<TimelineEntry> kept = json ? List.of() : store.journaled(id);
        if (kept.isEmpty()) {
            // --json prints the importable document or nothing: a part of the timeline would import as the whole.
            err().println("The team store is unreachable" + (json ? "" : " and this machine keeps no entry for " + id)
                    + "; show it again once the store answers.");
            return 1;
        }
        new IncidentPrinter(out()).entries(TimelineOrder.byEvent(kept), Set.of());
        err().println("The team store is unreachable: this is only what this machine queued for " + id + " ("
                + kept.size() + (kept.size() == 1 ? " entry" : " entries") + "); the whole timeline once it answers.");
        return 1;
    }
}
