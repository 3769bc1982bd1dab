package dev.incidentconsole.runbook;

import java.util.List;

/**
 * A fenced code block of a runbook.
 *
 * @param line     1-based line of the opening fence
 * @param language the info string's first word, lower-cased; empty when none was given
 * @param shell    whether the block holds shell commands (bash, sh, shell, console, zsh, or no language)
 * @param text     the block's content as written
 * @param commands the commands of a shell block; empty for other languages
 */
public record Step(int line, String language, boolean shell, String text, List<Command> commands) {
    public Step {
        commands = List.copyOf(commands);
    }
}
