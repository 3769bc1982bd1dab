package dev.incidentconsole.app.cli;

import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.export.ExportOptions;
import dev.incidentconsole.incident.export.IncidentExport;
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

    @Override
    int call(IncidentStore store) throws StoreException {
        IncidentDocument doc = store.document(id);
        if (json) {
            out().print(IncidentExport.json(doc, ExportOptions.defaults()));
        } else {
            new IncidentPrinter(out()).print(doc);
        }
        return 0;
    }
}
