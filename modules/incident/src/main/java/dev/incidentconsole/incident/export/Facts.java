package dev.incidentconsole.incident.export;

import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentDocument;
import dev.incidentconsole.incident.Milestones;
import dev.incidentconsole.incident.RunbookLink;
import dev.incidentconsole.incident.SeverityPolicy;
import dev.incidentconsole.incident.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The header facts of a postmortem as label/value pairs, in plain text; empty values are left out. */
final class Facts {
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
        add(out, "Responders", String.join(", ", i.responders()));
        add(out, "Services", String.join(", ", i.services()));
        add(out, "Runbooks", i.runbooks().stream().map(RunbookLink::display).collect(Collectors.joining("; ")));
        out.add(new Fact("Exported", Times.instant(now)));
        return out;
    }

    private static void add(List<Fact> out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.add(new Fact(label, value));
        }
    }
}
