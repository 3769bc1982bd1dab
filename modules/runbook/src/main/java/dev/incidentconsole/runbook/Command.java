package dev.incidentconsole.runbook;

import java.util.List;

/**
 * One command of a shell step, as the engineer would run it.
 *
 * @param text         the command, continuations and heredocs kept whole, without a trailing comment
 * @param line         1-based line in the source file where the command starts
 * @param description  the {@code # comment} lines just above it, joined; empty when none
 * @param comment      a trailing {@code # comment} on the same line; empty when none
 * @param placeholders values to fill in before running, in order of appearance
 * @param runner       the tool the command drives
 * @param danger       why the command is destructive, or {@code null} when it is not
 */
public record Command(String text, int line, String description, String comment,
                      List<Placeholder> placeholders, Runner runner, Danger danger) {
    public Command {
        placeholders = List.copyOf(placeholders);
    }

    public boolean dangerous() {
        return danger != null;
    }
}
