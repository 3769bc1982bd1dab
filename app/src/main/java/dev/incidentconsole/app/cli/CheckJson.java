package dev.incidentconsole.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.incidentconsole.runbook.SecretMasker;
import dev.incidentconsole.app.services.LinkedSection;
import dev.incidentconsole.app.services.RunbookLinks;
import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.health.ServiceSpec;
import dev.incidentconsole.health.Status;
import dev.incidentconsole.health.schedule.ServiceStatus;
import dev.incidentconsole.health.spec.AlertmanagerSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code check --json} rows; the field names are a contract (see README). */
final class CheckJson {
    private CheckJson() {
    }

    /** One service; {@code alerts} only on alert sources (Alertmanager), left out elsewhere. */
    record Result(String service, String host, int port, String probe, String status, long latencyMs,
                  String reason, String checkedAt, @JsonInclude(JsonInclude.Include.NON_NULL) List<AlertJson> alerts) {
    }

    /** A firing alert and the sections that answer it, best first. */
    record AlertJson(String name, String severity, String state, String startsAt, Map<String, String> labels,
                     Map<String, String> annotations, List<RunbookJson> runbooks) {
    }

    /**
     * A section that answers an alert: its file, heading path and line; for a {@code runbook_url} naming no
     * local runbook, {@code file} and {@code section} are null and {@code url} is the address.
     */
    record RunbookJson(String file, String section, int line, String why,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String url) {
    }

    static List<Result> rows(List<ServiceStatus> statuses, RunbookLinks links) {
        List<ServiceSpec> services = statuses.stream().map(ServiceStatus::spec).toList();
        return statuses.stream().map(s -> row(s, links, services)).toList();
    }

    private static Result row(ServiceStatus s, RunbookLinks links, List<ServiceSpec> services) {
        boolean checked = s.status() != Status.UNKNOWN;
        List<AlertJson> alerts = s.spec().probe() instanceof AlertmanagerSpec
                ? s.last().alerts().stream().map(a -> alert(a, links.forAlert(a, services))).toList() : null;
        return new Result(s.name(), s.spec().host(), s.spec().port(), s.spec().probe().kind(), s.status().label(),
                checked ? s.last().latency().toMillis() : 0, SecretMasker.standard().mask(s.reason()),
                checked ? s.last().checkedAt().toString() : null, alerts);
    }

    private static AlertJson alert(FiringAlert a, List<LinkedSection> sections) {
        Map<String, String> annotations = new LinkedHashMap<>();
        a.annotations().forEach((k, v) -> annotations.put(k, SecretMasker.standard().mask(v)));
        return new AlertJson(a.name(), a.severity(), a.state(), a.startsAt() == null ? null : a.startsAt().toString(),
                a.labels(), annotations, sections.stream().map(CheckJson::runbook).toList());
    }

    private static RunbookJson runbook(LinkedSection l) {
        if (l.webOnly()) {
            return new RunbookJson(null, null, 0, l.why(), l.url());
        }
        return new RunbookJson(l.file().isEmpty() ? l.reference() : l.file(), l.sectionPath(), l.line(), l.why(),
                null);
    }
}
