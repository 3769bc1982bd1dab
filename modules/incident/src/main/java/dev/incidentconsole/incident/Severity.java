package dev.incidentconsole.incident;

/** How bad an incident is; P0 is the worst. What each level means is set by a {@link SeverityPolicy}. */
public enum Severity {
    P0, P1, P2, P3
}
