package dev.incidentconsole.app.cli;

import dev.incidentconsole.incident.Times;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.Receipt;
import dev.incidentconsole.incident.Redactor;
import dev.incidentconsole.incident.RunbookLink;
import dev.incidentconsole.incident.StoreException;
import dev.incidentconsole.incident.TimelineEntry;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plain-text output of the {@code incident} commands (times as in the exports: {@link Times#instant}), every stored
 * text masked again by the store's {@link Redactor} as the exports mask it: entries an older version stored in clear
 * show masked.
 */
final class IncidentPrinter {
    private static final int OUTPUT_LINES = 5;

    private final PrintWriter out;

    IncidentPrinter(PrintWriter out) {
        this.out = out;
    }

    /** {@code INC-...  P1  investigating  2024-05-01T03:12:00Z  title}. */
    static String line(Incident i) {
        return String.format("%-22s %-3s %-13s %s  %s", i.id(), i.severity(), i.status().label(),
                Times.instant(i.startedAt()), Redactor.standard().redact(i.title()));
    }

    /** The incident, or NOT_FOUND with a message naming the id. */
    static Incident require(IncidentStore store, String id) throws StoreException {
        return store.get(id).orElseThrow(() -> new StoreException(StoreException.Reason.NOT_FOUND,
                "There is no incident " + id + "; run 'incident list --all' to see the ids."));
    }

    static String recorded(Receipt receipt) {
        return switch (receipt.outcome()) {
            case STORED, ALREADY_STORED -> "Recorded entry " + receipt.entry().seq() + " on " + receipt.entry().incidentId();
            case JOURNALED -> "Queued a " + receipt.entry().kind().replace('_', ' ') + " for " + receipt.entry().incidentId();
        };
    }

    void print(IncidentDocument stored) {
        IncidentDocument doc = Redactor.standard().redact(stored);
        Incident i = doc.incident();
        out.println(i.id() + "  " + i.title());
        out.println("  severity " + i.severity() + ", " + i.status().label() + ", started " + Times.instant(i.startedAt())
                + (i.acknowledgedAt() == null ? "" : ", acknowledged " + Times.instant(i.acknowledgedAt()))
                + (i.mitigatedAt() == null ? "" : ", mitigated " + Times.instant(i.mitigatedAt()))
                + (i.resolvedAt() == null ? "" : ", resolved " + Times.instant(i.resolvedAt()))
                + (i.environment().isEmpty() ? "" : ", env " + i.environment()));
        out.println("  responders: " + String.join(", ", i.responders()));
        if (!i.services().isEmpty()) {
            out.println("  services: " + String.join(", ", i.services()));
        }
        if (!i.runbooks().isEmpty()) {
            out.println("  runbooks: " + i.runbooks().stream().map(RunbookLink::display).collect(Collectors.joining("; ")));
        }
        out.println();
        entries(doc.inEventOrder(), i.pinned());
    }

    /** One line per entry (with the tail of a run's output), as given; {@code pinned} ids are marked. */
    void entries(List<TimelineEntry> entries, Collection<UUID> pinned) {
        for (TimelineEntry stored : entries) {
            TimelineEntry e = Redactor.standard().redact(stored);
            String pin = pinned.contains(e.id()) ? " [pinned]" : "";
            String late = Times.lateNote(e, Times::instant);
            out.println(Times.instant(e.occurredAt()) + "  " + e.author() + "  " + IncidentEntryText.summary(e) + pin
                    + (late.isEmpty() ? "" : " (" + late + ")"));
            IncidentEntryText.outputTail(e, OUTPUT_LINES).forEach(l -> out.println("      | " + l));
        }
    }
}
