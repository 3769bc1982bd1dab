package dev.incidentconsole.runbook;

/**
 * The first statement a code block shows for a client rather than for the shell (SQL, or a line typed at
 * redis-cli's {@code 127.0.0.1:6379> } prompt) that is destructive if sent.
 *
 * @param line   1-based file line where the statement starts
 * @param text   the statement as written, a line typed at a prompt with its prompt; a statement over several lines
 *               keeps its line breaks
 * @param danger why sending it is destructive
 */
public record ClientDanger(int line, String text, Danger danger) {
}
