package dev.incidentconsole.runbook;

import java.util.List;

/** Finds the values an engineer must fill in before a command can run. */
public final class Placeholders {
    private Placeholders() {
    }

    public static List<Placeholder> find(String command) {
        return List.of();
    }
}
