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

    /**
     * Why the command must not run as written, or null when it may: it holds U+FFFD, which the parser put where the
     * file's bytes were not UTF-8 ({@code caf\uFFFD-api} for {@code café-api}), so it is not the text its author
     * wrote. The parser warns about each such command (naming its line) and exec refuses to run it.
     */
    public String undecodedWarning() {
        int at = text.indexOf('\uFFFD');
        return at < 0 ? null : "the command holds U+FFFD (\u201c" + text.substring(Math.max(0, at - 12),
                Math.min(text.length(), at + 12)).replace('\n', ' ') + "\u201d): the runbook is not valid UTF-8, so"
                + " this is not the text its author wrote and it will not run; save the runbook as UTF-8 and reload it";
    }
}
