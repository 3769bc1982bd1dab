package dev.incidentconsole.app.cli;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.TimelineEntry;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code incident note ID TEXT... [--pin]}: adds a note (pinned with {@code --pin}). */
@Command(name = "note", mixinStandardHelpOptions = true, description = "Add a note to an incident's timeline.")
final class IncidentNoteCommand extends IncidentAction {

    @Parameters(index = "0", paramLabel = "ID", description = "Incident id.")
    String id;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The note; several words are joined.")
    List<String> words;

    @Option(names = "--pin", description = "Pin the note so it leads the timeline and the postmortem.")
    boolean pin;

    @Override
    boolean queuesWhenUnreachable() {
        return true;
    }

    @Override
    int call(IncidentStore store) throws StoreException {
        requireUnlessOffline(store, id);
        Receipt note = store.append(TimelineEntry.create(id, author(), new EntryBody.Note(String.join(" ", words), null)));
        Receipt pinned = pin ? store.append(TimelineEntry.create(id, author(), new EntryBody.Pin(note.entry().id(), true)))
                : note;
        out().println(IncidentPrinter.recorded(note) + (pin ? " and pinned" : ""));
        reportQueued(store, pinned);
        return 0;
    }
}
