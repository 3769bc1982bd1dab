package dev.incidentconsole.health.alert;

import dev.incidentconsole.health.FiringAlert;
import dev.incidentconsole.runbook.Alert;
import dev.incidentconsole.runbook.Runbook;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the runbook section for a firing alert by its name ({@code alertname}), matching the alerts that
 * runbook headings name ({@link Runbook#alerts()}). Names match ignoring case and punctuation, so
 * {@code HighErrorRate} finds a heading {@code High-Error-Rate}. Immutable and thread-safe.
 */
public final class AlertLinker {
    private final Map<String, List<AlertLink>> byName = new LinkedHashMap<>();

    public AlertLinker(Collection<Runbook> runbooks) {
        for (Runbook rb : runbooks) {
            for (Alert a : rb.alerts()) {
                byName.computeIfAbsent(key(a.name()), k -> new ArrayList<>()).add(new AlertLink(rb, a));
            }
        }
    }

    /** The first runbook section (in the order runbooks were given) that names the alert. */
    public Optional<AlertLink> link(FiringAlert alert) {
        return links(alert.name()).stream().findFirst();
    }

    /** Every runbook section that names the alert. */
    public List<AlertLink> links(String alertName) {
        return List.copyOf(byName.getOrDefault(key(alertName), List.of()));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]", "");
    }
}
