package dev.incidentconsole.app.incident;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.incident.Incident;
import java.util.List;

/**
 * Which open incidents a dashboard signal belongs to. An incident with linked services takes the signals of
 * those services (matched by service name or component, ignoring case); one without takes every signal of
 * its environment; one with neither environment nor services (started from a runbook in a hurry) takes the
 * signals of whatever environment the dashboard watches, since that is what the responder is looking at. An
 * incident of another environment never does.
 */
public final class IncidentScope {
    /** Alert labels that name the service an alert is about, in Prometheus and Kubernetes conventions. */
    static final List<String> SERVICE_LABELS = List.of("service", "job", "app", "application", "component",
            "app_kubernetes_io_name", "container", "deployment", "statefulset", "daemonset");
    private static final List<String> ENVIRONMENT_LABELS = List.of("environment", "env");

    private IncidentScope() {
    }

    /** Whether a status change of {@code service}, watched in {@code environment}, belongs to {@code incident}. */
    public static boolean coversService(Incident incident, String environment, ServiceSpec service) {
        if (!sameEnvironment(incident, environment)) {
            return false;
        }
        return incident.services().isEmpty() || incident.services().stream().anyMatch(s ->
                s.equalsIgnoreCase(service.name()) || service.components().stream().anyMatch(s::equalsIgnoreCase));
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

    private static boolean sameEnvironment(Incident incident, String environment) {
        return incident.environment().isBlank() || incident.environment().equalsIgnoreCase(environment == null ? "" : environment);
    }
}
