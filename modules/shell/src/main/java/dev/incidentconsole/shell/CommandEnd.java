package dev.incidentconsole.shell;

import java.util.function.IntPredicate;

/**
 * Where the first command of a multi-line text ends, as {@link ShellCommand#firstCommandEnd} finds it.
 *
 * @param end          offset of the line break that ends the command, or the text's length when the text ends
 *                     first
 * @param open         what is still open at {@code end}: {@link Continuation#NONE} when the command is complete
 *                     there; something else when the caller's rule stopped it, or the text ended, while it was open
 * @param commentStart offset of the {@code #} of an unquoted comment on the command's last line, or -1
 */
public record CommandEnd(int end, Continuation open, int commentStart) {

    /** Whether the command is complete at {@link #end()}. */
    public boolean complete() {
        return open == Continuation.NONE;
    }

    /** A rule that never ends a command early. */
    static final IntPredicate NEVER = offset -> false;
}
