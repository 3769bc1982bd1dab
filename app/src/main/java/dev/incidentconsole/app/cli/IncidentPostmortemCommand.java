package dev.incidentconsole.app.cli;

import dev.incidentconsole.incident.ActionItem;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.TimelineEntry;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code incident postmortem ID [--summary T] [--impact T] [--root-cause T] [--action T]...}: writes the postmortem's
 * own text, which the exports otherwise show as "Not written yet".
 */
@Command(name = "postmortem", mixinStandardHelpOptions = true,
        description = {"Write the postmortem's summary, impact, root cause or action items; a part not given stays as",
                "it was. Secrets in the text are masked, as in notes."})
final class IncidentPostmortemCommand extends IncidentAction {

    @Parameters(index = "0", paramLabel = "ID", description = "Incident id.")
    String id;

    @Option(names = "--summary", paramLabel = "TEXT", description = "What happened, in a few sentences.")
    String summary;

    @Option(names = "--impact", paramLabel = "TEXT", description = "Who or what was affected, and how long.")
    String impact;

    @Option(names = "--root-cause", paramLabel = "TEXT", description = "Why it happened.")
    String rootCause;

    @Option(names = "--action", paramLabel = "TEXT",
            description = "A follow-up to do; repeat for several. Replaces the action items.")
    List<String> actions;

    @Override
    boolean queuesWhenUnreachable() {
        return true;
    }

    @Override
    int call(IncidentStore store) throws StoreException {
        if (summary == null && impact == null && rootCause == null && actions == null) {
            err().println("Nothing to write: give --summary, --impact, --root-cause or --action.");
            return 2;
        }
        requireUnlessOffline(store, id);
        List<ActionItem> items = actions == null ? null
                : actions.stream().map(text -> new ActionItem(text, null, null, false)).toList();
        Receipt edited = store.append(TimelineEntry.create(id, author(),
                new EntryBody.PostmortemEdited(summary, impact, rootCause, items)));
        out().println(IncidentPrinter.recorded(edited));
        reportQueued(store, edited);
        return 0;
    }
}
