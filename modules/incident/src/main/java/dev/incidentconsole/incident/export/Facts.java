package dev.incidentconsole.incident.export;

import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.Milestones;
import dev.incidentconsole.incident.RunbookLink;
import dev.incidentconsole.incident.SeverityPolicy;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The header facts of a postmortem as label/value pairs, in plain text; empty values are left out. */
final class Facts {
    private static final String UP = "up";

    private Facts() {
    }

    record Fact(String label, String value) {
    }

    static List<Fact> of(IncidentDocument doc, ExportOptions o) {
        Incident i = doc.incident();
        Milestones m = Milestones.of(doc);
        SeverityPolicy.Level level = o.policy().level(i.severity());
        Instant now = o.clock().instant();
        List<Fact> out = new ArrayList<>();
        out.add(new Fact("Incident", i.id()));
        out.add(new Fact("Severity", i.severity() + " (" + level.describe() + ")"));
        out.add(new Fact("Status", i.status().label()));
        add(out, "Environment", i.environment());
        out.add(new Fact("Started", Times.instant(i.startedAt())));
        if (m.firstSignal() != null) {
            out.add(new Fact("First signal", Times.instant(m.impactBegan()) + " (" + m.firstSignal() + ")"));
        }
        out.add(new Fact("Detected", Times.instant(m.detected()) + " (incident opened; " + (m.firstSignal() == null
                ? "no failing check or alert before it)" : Times.span(m.timeToDetect()) + " after the first signal)")));
        if (i.acknowledgedAt() != null) {
            out.add(new Fact("Acknowledged", Times.instant(i.acknowledgedAt()) + " (after "
                    + Times.span(Duration.between(i.startedAt(), i.acknowledgedAt())) + "; target: "
                    + level.target().describe() + ")"));
        }
        out.add(new Fact("Mitigated", m.mitigated() != null ? Times.instant(m.mitigated()) + " ("
                + Times.span(m.timeToMitigate()) + " after impact began)"
                : i.open() ? "not yet" : "not marked (the status was never set to mitigated; time to mitigate unknown)"));
        if (m.resolved() != null) {
            out.add(new Fact("Resolved", Times.instant(m.resolved()) + " (" + Times.span(m.timeToResolve())
                    + " after impact began)"));
        }
        out.add(new Fact(i.open() ? "Open for" : "Duration", Times.span(i.duration(now))));
        out.addAll(outages(doc.entries(), m.detected()));
        add(out, "Responders", String.join(", ", i.responders()));
        add(out, "Services", String.join(", ", i.services()));
        add(out, "Runbooks", i.runbooks().stream().map(RunbookLink::display).collect(Collectors.joining("; ")));
        out.add(new Fact("Exported", Times.instant(now)));
        return out;
    }

    /**
     * Each of the incident's own services' outage as its health entries tell it: from its first change away from up to
     * its last change back (or none yet). The incident is often opened after the service went down, so the facts above
     * alone would understate how long users were affected. Changes recorded elsewhere are left to their own section,
     * as {@link Milestones} leaves them out of the first signal. Any state but up opens a row here (an {@code unknown}
     * too), where the first signal counts only down and degraded, so a row may begin before the first signal.
     */
    private static List<Fact> outages(List<TimelineEntry> entries, Instant opened) {
        Map<String, Instant[]> spans = new LinkedHashMap<>();
        Map<String, String> firstState = new HashMap<>();
        for (TimelineEntry e : entries.stream().sorted(Comparator.comparing(TimelineEntry::occurredAt)).toList()) {
            if (e.body() instanceof EntryBody.HealthChanged h && !h.elsewhere()) {
                boolean up = UP.equalsIgnoreCase(h.to());
                Instant[] span = spans.get(h.service());
                if (span == null && !up) {
                    spans.put(h.service(), new Instant[] {e.occurredAt(), null});
                    firstState.put(h.service(), h.to());
                } else if (span != null) {
                    span[1] = up ? e.occurredAt() : null;
                }
            }
        }
        List<Fact> out = new ArrayList<>();
        spans.forEach((service, span) -> {
            Duration lead = Duration.between(span[0], opened);
            String began = firstState.get(service) + " at " + Times.instant(span[0]) + (lead.isNegative()
                    ? " (" + Times.span(lead.negated()) + " after the incident was opened)"
                    : lead.isZero() ? "" : " (" + Times.span(lead) + " before the incident was opened)");
            out.add(new Fact("Health of " + service, began + (span[1] == null ? "; not up again when exported"
                    : "; up at " + Times.instant(span[1]) + ", after " + Times.span(Duration.between(span[0], span[1])))));
        });
        return out;
    }

    private static void add(List<Fact> out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.add(new Fact(label, value));
        }
    }
}
