package dev.incidentconsole.incident.store;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDraft;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.IncidentStores;
import dev.incidentconsole.incident.Severity;
import dev.incidentconsole.incident.StoreOptions;
import dev.incidentconsole.incident.TimelineEntry;
import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link EmbeddedStoreCrashTest} kills: appends notes to the embedded store forever and prints
 * each entry's UUID only after {@code append} returned, i.e. after the store said it is durable.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        IncidentStore store = IncidentStores.embedded(Path.of(args[0]), StoreOptions.defaults());
        List<Incident> open = store.list(true);
        Incident incident = open.isEmpty()
                ? store.create(IncidentDraft.of("Crash drill", Severity.P3), "drill")
                : open.get(0);
        System.out.println("READY " + incident.id());
        System.out.flush();
        for (long k = 0; ; k++) {
            TimelineEntry e = TimelineEntry.create(incident.id(), "drill", new EntryBody.StepFinished(
                    "echo " + k, "local", 0, 1, ("line of output " + k + "\n").repeat(1 + (int) (k % 40)), null));
            store.append(e);
            System.out.println(e.id());
            System.out.flush();
        }
    }
}
