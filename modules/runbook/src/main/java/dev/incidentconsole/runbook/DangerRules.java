package dev.incidentconsole.runbook;

/** Flags destructive commands. */
public final class DangerRules {
    private DangerRules() {
    }

    /** null when not destructive */
    public static Danger check(String command) {
        return null;
    }
}
