package dev.incidentconsole.app.gui.incident;

import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.RunbookLink;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.incident.TimelineOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The walkthroughs an incident can offer back when it is opened again (selected in the list after a restart): its
 * linked runbook sections that were walked, i.e. that a step entry on its timeline came from. A section only linked,
 * whose walkthrough nobody started, is not offered. Each is offered by the whole heading path the step recorded
 * ({@link RunbookLink#sectionOf}), so a link holding a heading alone opens the section that was walked, not the
 * first of that name.
 */
final class WalkResume {
    private WalkResume() {
    }

    /** The incident's walked sections, the one walked last first. */
    static List<RunbookLink> walked(Incident incident, List<TimelineEntry> entries) {
        if (incident == null) {
            return List.of();
        }
        List<TimelineEntry> bySeq = entries.stream().filter(e -> e.source() != null)
                .sorted(TimelineOrder.RECORDING.reversed()).toList();
        List<RunbookLink> out = new ArrayList<>();
        for (TimelineEntry e : bySeq) {
            for (RunbookLink link : incident.runbooks()) {
                RunbookLink walked = link.sectionOf(e.source()); // the section by its path: a heading may come twice
                if (walked != null && !out.contains(walked)) {
                    out.add(walked);
                }
            }
        }
        return out;
    }

    /**
     * The service a walkthrough offered back is for, as one started from the dashboard would carry it (its values, and
     * "Wait until UP" on it): the incident's first linked service, the one it was started for (later ones were linked
     * when it was joined). Its values come from the dashboard when it watches that service in the incident's
     * environment (or the incident names none); else the link carries only its name. Null when no service is linked.
     */
    static ServiceLink service(Incident incident, ServiceWatch watch) {
        if (incident.services().isEmpty()) {
            return null;
        }
        String name = incident.services().get(0);
        return watch.link(name)
                .filter(l -> incident.environment().isEmpty() || incident.environment().equals(l.environment()))
                .orElseGet(() -> new ServiceLink(name, incident.environment(), Map.of("service", name)));
    }
}
