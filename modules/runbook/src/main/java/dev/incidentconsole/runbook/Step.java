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
 * @param clientDanger the first destructive statement the block shows for a client, not for the shell, with its
 *                 own line and text: SQL (a block labelled sql, or unlabelled SQL statements) or lines typed at a
 *                 client's prompt ({@code 127.0.0.1:6379> FLUSHALL} in any shell-language block, {@code > flushall} in
 *                 one with no language); null when none. A shell block's commands carry their own
 */
public record Step(int line, String language, boolean shell, String text, List<Command> commands,
                   ClientDanger clientDanger) {
    public Step {
        commands = List.copyOf(commands);
    }

    /** A step showing no destructive statement of its own. */
    public Step(int line, String language, boolean shell, String text, List<Command> commands) {
        this(line, language, shell, text, commands, null);
    }

    /** Why the block's {@link #clientDanger()} is destructive if sent; null when the block shows none. */
    public Danger danger() {
        return clientDanger == null ? null : clientDanger.danger();
    }
}
