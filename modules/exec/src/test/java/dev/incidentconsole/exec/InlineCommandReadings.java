package dev.incidentconsole.exec;

import dev.incidentconsole.runbook.testing.InlineCommandSteps;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How exec reads the commands new since inline code became steps, for the steps listed (with their reasons) once in
 * {@link InlineCommandSteps}: key → interactivity | kubectl context needed | placeholder quoting.
 *
 * <p>Each reads as an inline command should: one line needing no terminal, kubectl on a cluster exactly when the
 * runbook reads its runner as kubectl, and every placeholder unquoted (prose writes {@code <pod>} and {@code $POD}
 * bare). Only a step that reads otherwise is listed here, with why.
 */
final class InlineCommandReadings {

    /** key → interactivity, where a step's own reading is not "--  " (no terminal, ends by itself). */
    private static final Map<String, String> INTERACTIVITY = Map.of(
            // tail -f of the PostgreSQL log: follows until stopped, so it runs with no timeout
            "corpus/gitlab__postgresql-disk-space.md:86:a8ca6902c631", "-E tail follows its input until stopped",
            // watch du -sh of the data folder: a full-screen program, run in a terminal
            "corpus/gitlab__postgresql-disk-space.md:85:0f3640cc942b",
            "TE watch is a full-screen program that runs until stopped");

    /** A placeholder of {@link InlineCommandSteps.After#placeholders()}: its name (spaces allowed) and form. */
    private static final Pattern NAME_AT_FORM = Pattern.compile(" ?([^@]+)@[A-Z_]+");

    private InlineCommandReadings() {
    }

    /** Each inline step, as "(no command) -> " how exec reads it, for the intended map. */
    static Map<String, String> intended() {
        Map<String, String> out = new TreeMap<>();
        InlineCommandSteps.STEPS.forEach((key, after) -> out.put(key, "(no command) -> "
                + INTERACTIVITY.getOrDefault(key, "-- ") + " | " + "KUBECTL".equals(after.runner()) + " | "
                + quoting(after.placeholders())));
        return out;
    }

    /** "pod@ANGLE partition number@ANGLE" → "pod=UNQUOTED partition number=UNQUOTED"; "-" stays. */
    private static String quoting(String placeholders) {
        if ("-".equals(placeholders)) {
            return "-";
        }
        return NAME_AT_FORM.matcher(placeholders).results().map(m -> m.group(1) + "=UNQUOTED")
                .collect(Collectors.joining(" "));
    }
}
