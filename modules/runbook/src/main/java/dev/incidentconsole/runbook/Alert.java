package dev.incidentconsole.runbook;

import java.util.List;

/**
 * An alert a runbook section answers, e.g. {@code HighErrorRate}.
 *
 * @param sectionPath heading path of the section that names the alert
 */
public record Alert(String name, int line, List<String> sectionPath) {
    public Alert {
        sectionPath = List.copyOf(sectionPath);
    }
}
