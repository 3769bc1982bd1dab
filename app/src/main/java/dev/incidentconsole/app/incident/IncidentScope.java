package dev.incidentconsole.app.incident;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.alert.AlertLinker;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.TimelineEntry;
import dev.incidentconsole.runbook.Components;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which open incidents a dashboard signal belongs to (a health change: {@link IncidentServices}). An incident with
 * linked services takes the alerts of those services (matched by service name or component, ignoring case); one
 * without takes every alert of its environment; one with neither environment nor services (started from a runbook in a hurry) takes the
 * signals of whatever environment the dashboard watches, since that is what the responder is looking at. An
 * incident of another environment never does.
 *
 * <p>The other way round, {@link #marks} says which entries of an incident belong on one service's chart.
 */
public final class IncidentScope {
    /** Alert labels that name the service an alert is about, in Prometheus and Kubernetes conventions. */
    static final List<String> SERVICE_LABELS = List.of("service", "job", "app", "application", "component",
            "app_kubernetes_io_name", "container", "deployment", "statefulset", "daemonset");
    private static final List<String> ENVIRONMENT_LABELS = List.of("environment", "env");
    /** Every service of a local stack runs on one of these: naming it names none of them. */
    private static final Set<String> LOOPBACK = Set.of("", "localhost", "127.0.0.1", "::1", "0.0.0.0");
    /** Ports below this are too common as plain numbers in text (80, 443, 22) to say which service is meant. */
    private static final int DISTINCT_PORT = 1024;

    private IncidentScope() {
    }

    /**
     * Whether {@code alert}, reported by an Alertmanager of the dashboard's {@code environment}, belongs to
     * {@code incident}. The alert's own {@code environment}/{@code env} label wins over the dashboard's.
     */
    public static boolean coversAlert(Incident incident, String environment, FiringAlert alert) {
        String where = ENVIRONMENT_LABELS.stream().map(alert.labels()::get).filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(environment);
        if (!sameEnvironment(incident, where)) {
            return false;
        }
        return incident.services().isEmpty() || SERVICE_LABELS.stream().map(alert.labels()::get)
                .filter(v -> v != null && !v.isBlank())
                .anyMatch(v -> incident.services().stream().anyMatch(v::equalsIgnoreCase));
    }

    static boolean sameEnvironment(Incident incident, String environment) {
        return incident.environment().isBlank() || incident.environment().equalsIgnoreCase(environment == null ? "" : environment);
    }

    /**
     * Whether {@code entry} of {@code incident} belongs on the chart of {@code service}, watched in
     * {@code environment}: nothing of an incident of another environment; the incident-wide moments (opened,
     * acknowledged, status and severity changes); the service's own health changes and the link of the
     * service; alerts whose labels name it ({@link AlertLinker#concerns}); and steps and notes that name it
     * ({@link #names}), or all of them when the incident is about this service alone.
     */
    public static boolean marks(Incident incident, String environment, ServiceSpec service, TimelineEntry entry) {
        if (incident == null || !sameEnvironment(incident, environment)) {
            return false;
        }
        EntryBody b = entry.body();
        if (b instanceof EntryBody.Created || b instanceof EntryBody.Acknowledged || b instanceof EntryBody.StatusChanged
                || b instanceof EntryBody.SeverityChanged) {
            return true;
        } else if (b instanceof EntryBody.HealthChanged h) {
            return h.service().equalsIgnoreCase(service.name());
        } else if (b instanceof EntryBody.ServiceLinked l) {
            return l.service().equalsIgnoreCase(service.name());
        } else if (b instanceof EntryBody.AlertChanged a) {
            return AlertLinker.concerns(new FiringAlert(a.alert(), "", a.labels(), a.summary(), null, ""), service);
        } else if (b instanceof EntryBody.StepStarted s) {
            return onlyAbout(incident, service) || names(s.command() + " " + s.target(), service);
        } else if (b instanceof EntryBody.StepFinished f) {
            return onlyAbout(incident, service) || names(f.command() + " " + f.target(), service);
        } else if (b instanceof EntryBody.Note n) {
            return onlyAbout(incident, service) || names(n.text(), service);
        }
        return false;
    }

    /**
     * Whether {@code text} (a command with its target, a note) names {@code service}: its name as a word, its
     * host unless a loopback one, its port from 1024 up as a number of its own, or one of its components
     * ({@link Components}: {@code psql} is PostgreSQL). Ignores case.
     */
    public static boolean names(String text, ServiceSpec service) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (word(lower, service.name().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String host = service.host().toLowerCase(Locale.ROOT);
        if (!LOOPBACK.contains(host) && word(lower, host)) {
            return true;
        }
        if (service.port() >= DISTINCT_PORT && number(lower, Integer.toString(service.port()))) {
            return true;
        }
        return !service.components().isEmpty() && Components.standard().find(text).stream()
                .anyMatch(c -> service.components().stream().anyMatch(c::equalsIgnoreCase));
    }

    /** Whether the incident links this service (by name or component) and no other. */
    private static boolean onlyAbout(Incident incident, ServiceSpec service) {
        return incident.services().size() == 1 && (incident.services().get(0).equalsIgnoreCase(service.name())
                || service.components().stream().anyMatch(incident.services().get(0)::equalsIgnoreCase));
    }

    /** {@code name} in {@code text} with no letter, digit, dash or underscore right before or after it. */
    private static boolean word(String text, String name) {
        if (name.isBlank()) {
            return false;
        }
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            int end = at + name.length();
            if ((at == 0 || !wordChar(text.charAt(at - 1))) && (end == text.length() || !wordChar(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** {@code digits} in {@code text} as a number of its own: not inside a longer number, nor a decimal's part. */
    private static boolean number(String text, String digits) {
        for (int at = text.indexOf(digits); at >= 0; at = text.indexOf(digits, at + 1)) {
            int end = at + digits.length();
            boolean before = at > 0 && (Character.isDigit(text.charAt(at - 1)) || text.charAt(at - 1) == '.');
            boolean after = end < text.length() && (Character.isDigit(text.charAt(end))
                    || text.charAt(end) == '.' && end + 1 < text.length() && Character.isDigit(text.charAt(end + 1)));
            if (!before && !after) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
