package dev.incidentconsole.runbook;

/** What a section is for, recognised from its heading or its bold label. */
public enum SectionKind {
    SYMPTOM, CAUSE, DIAGNOSIS, RESOLUTION, VERIFICATION, ROLLBACK, PREVENTION, ESCALATION, REFERENCE, OTHER;

    /** Lower-case name, as printed by the CLI and stored in JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
