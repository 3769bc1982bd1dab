package dev.incidentconsole.app.incident;

import dev.incidentconsole.health.Dependency;
import dev.incidentconsole.health.RunbookRef;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.alert.HeadingAnchors;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.RunbookLink;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which watched services are an incident's own, and so how a health change goes on its timeline (decision 0027):
 * the services it was started for or linked to, those whose runbook sections it was started from or walked, and the
 * services that report one of these among the dependencies of their health body or that one of these reports, both
 * ways. Every other service of the incident's environment is elsewhere: its changes are recorded too, marked
 * {@link EntryBody.HealthChanged#elsewhere()}, so an outage beside the incident is kept without telling the
 * incident's story. An incident that names neither a service nor a runbook (opened in a hurry) owns its whole
 * environment, as before. Not thread-safe: the recorder's thread only.
 */
final class IncidentServices {
    /** The services the dashboard checks, with the names of the dependencies each last reported. */
    private final Map<String, Watched> watched = new HashMap<>();

    private record Watched(ServiceSpec spec, List<String> dependencies) {
    }

    /**
     * Keeps the dependencies a service last reported: a service that went down reports none, and still depends on
     * what it named while it answered.
     */
    void saw(ServiceStatus status) {
        List<String> deps = status.last() == null ? List.of()
                : status.last().dependencies().stream().map(Dependency::name).toList();
        Watched before = watched.get(status.name());
        watched.put(status.name(), new Watched(status.spec(), deps.isEmpty() && before != null ? before.dependencies() : deps));
    }

    void clear() {
        watched.clear();
    }

    /**
     * {@code change} as it goes into {@code incident}: as it is for one of its own services, marked elsewhere for
     * another service of its environment, null for none (another environment).
     */
    EntryBody.HealthChanged inIncident(Incident incident, String environment, ServiceSpec service,
                                       EntryBody.HealthChanged change) {
        if (!IncidentScope.sameEnvironment(incident, environment)) {
            return null;
        }
        return owns(incident, service) ? change : change.asElsewhere();
    }

    boolean owns(Incident incident, ServiceSpec service) {
        if ((incident.services().isEmpty() && incident.runbooks().isEmpty()) || direct(incident, service)) {
            return true;
        }
        for (Watched other : watched.values()) {
            if (direct(incident, other.spec())
                    && (dependsOn(service.name(), other.spec()) || dependsOn(other.spec().name(), service))) {
                return true;
            }
        }
        return false;
    }

    /** Linked by name or component, or documented in a section the incident follows. */
    private static boolean direct(Incident incident, ServiceSpec service) {
        return incident.services().stream().anyMatch(s -> s.equalsIgnoreCase(service.name())
                || service.components().stream().anyMatch(s::equalsIgnoreCase))
                || service.runbooks().stream().anyMatch(ref -> incident.runbooks().stream().anyMatch(l -> follows(l, ref)));
    }

    /** Whether {@code name}'s last check reported a dependency that is {@code other} (its name or a component). */
    private boolean dependsOn(String name, ServiceSpec other) {
        Watched w = watched.get(name);
        return w != null && w.dependencies().stream().anyMatch(d -> d.equalsIgnoreCase(other.name())
                || other.components().stream().anyMatch(d::equalsIgnoreCase));
    }

    /**
     * The service's runbook reference is in the linked section: the same file, and the whole runbook on either side or
     * the reference's section among the link's headings (a heading path by whole headings at its end, one heading by
     * title or anchor; {@code lag} is not {@code Consumer lag}).
     */
    static boolean follows(RunbookLink link, RunbookRef ref) {
        if (!sameFile(link.file(), ref.file())) {
            return false;
        }
        String section = ref.section().strip();
        if (section.isEmpty() || link.headingPath().isEmpty()) {
            return true;
        }
        List<String> wanted = Arrays.stream(section.split(">")).map(String::strip).toList();
        List<String> path = link.headingPath();
        return wanted.size() <= path.size() && path.subList(path.size() - wanted.size(), path.size()).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).toList()
                .equals(wanted.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList())
                || path.stream().anyMatch(h -> HeadingAnchors.github(h).equals(section.toLowerCase(Locale.ROOT)));
    }

    /**
     * The same runbook file: the link names it relative to the runbook folder (or absolute), the reference relative to
     * the environment file or that folder, so the normalised paths compare by whole folders at their end, ignoring
     * case: {@code redis.md} is {@code runbooks/redis.md}, {@code runbooks/postgres/README.md} is not
     * {@code runbooks/kafka/README.md}.
     */
    private static boolean sameFile(String a, String b) {
        List<String> x = segments(a);
        List<String> y = segments(b);
        List<String> longer = x.size() >= y.size() ? x : y;
        List<String> shorter = longer == x ? y : x;
        return !shorter.isEmpty() && longer.subList(longer.size() - shorter.size(), longer.size()).equals(shorter);
    }

    /** The path's folders and name, lower case, with {@code .} and {@code ..} taken out. */
    private static List<String> segments(String file) {
        java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
        for (String part : file.strip().replace('\\', '/').split("/")) {
            if (part.equals("..")) { // above the start: where the runbook folder is, not part of the file's name
                out.pollLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                out.addLast(part.toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(out);
    }
}
