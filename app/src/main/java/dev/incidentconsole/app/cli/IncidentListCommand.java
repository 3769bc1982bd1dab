package dev.incidentconsole.app.cli;

import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentJson;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.StoreException;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code incident list [--all] [--json]}: open incidents (all with {@code --all}), newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List open incidents, newest first.")
final class IncidentListCommand extends IncidentAction {

    @Option(names = "--all", description = "Include resolved incidents.")
    boolean all;

    @Option(names = "--json", description = "Print a JSON array of incidents (the export's incident objects).")
    boolean json;

    @Override
    int call(IncidentStore store) throws StoreException, IOException {
        List<Incident> incidents = store.list(!all);
        if (json) {
            // masked as show --json masks them: a title an older version stored in clear prints masked
            var masked = Redactor.standard().redactTree(IncidentJson.mapper().valueToTree(incidents));
            out().println(IncidentJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(masked));
        } else if (incidents.isEmpty()) {
            out().println(all ? "No incidents recorded." : "No open incidents (use --all to include resolved ones).");
        } else {
            incidents.forEach(i -> out().println(IncidentPrinter.line(i)));
        }
        return 0;
    }
}
