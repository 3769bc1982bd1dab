package dev.incidentconsole.shell;

/**
 * The first command of a multi-line text, as {@link ShellCommand#parseFirst} reads it.
 *
 * @param end     where it ends and what is still open there
 * @param command its model when it is complete at {@code end} (the text up to its last word, without the blanks
 *                and comment after it, parsed as {@link ShellCommand#parse} would); {@code null} when it is still
 *                open there, or when that text alone would read differently (a here-document's blank delimiter)
 */
public record FirstCommand(CommandEnd end, ShellCommand command) {

    /** The command's text ({@link ShellCommand#text()}), or {@code null} when there is no model. */
    public String text() {
        return command == null ? null : command.text();
    }
}
