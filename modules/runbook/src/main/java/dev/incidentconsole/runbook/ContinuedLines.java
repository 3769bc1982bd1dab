package dev.incidentconsole.runbook;

import dev.incidentconsole.shell.Continuation;
import dev.incidentconsole.shell.Quoting;
import dev.incidentconsole.shell.ShellCommand;
import java.util.function.Supplier;

/**
 * Whether a command written in free text goes on over its next line, for {@link SecretMasker}: a line ending in a
 * backslash, a pipe or {@code &&}, or opening a here-document, whose body goes on to its delimiter line (so that
 * {@code chpasswd <<EOF} masks every {@code user:password} line of it, not the first only). One per text or stream;
 * not thread-safe.
 */
final class ContinuedLines {
    /** A command continued over more characters than this is read line by line again. */
    static final int MAX = 4096;
    /** The line that opened the here-document whose body is being read, or null. */
    private String opener;

    /**
     * Whether the command goes on after {@code line}, its last line so far.
     *
     * @param unit the command's lines up to {@code line}, asked for only to confirm a here-document's delimiter line
     * @param unitLength that text's length
     */
    boolean goesOn(String line, Supplier<String> unit, int unitLength) {
        if (unitLength >= MAX) {
            opener = null;
            return false;
        }
        if (opener == null) {
            Continuation open = open(line);
            opener = open == Continuation.HEREDOC ? line : null;
            return open != Continuation.NONE;
        }
        // the delimiter is written on the line that opened the body: only a line found there may end it
        String s = line.strip();
        if (s.isEmpty() || !namedAfterHeredoc(opener, s) || inBody(unit.get())) {
            return true;
        }
        opener = null;
        return false;
    }

    /** Whether {@code word} is written after a {@code <<} of {@code opener}, perhaps quoted: a delimiter it may name. */
    private static boolean namedAfterHeredoc(String opener, String word) {
        for (int at = opener.indexOf(word); at >= 0; at = opener.indexOf(word, at + 1)) {
            int j = at - 1;
            while (j >= 0 && "'\"\\- \t".indexOf(opener.charAt(j)) >= 0) {
                j--;
            }
            if (j >= 1 && opener.charAt(j) == '<' && opener.charAt(j - 1) == '<') {
                return true;
            }
        }
        return false;
    }

    /** Whether the body of a here-document is still open after {@code unit}: a next line would be its. */
    private static boolean inBody(String unit) {
        String probe = unit + "\nx";
        Quoting q = ShellCommand.parse(probe).quotingAt(probe.length() - 1);
        return q == Quoting.HEREDOC || q == Quoting.HEREDOC_LITERAL;
    }

    /**
     * What makes a first line go on: {@link Continuation#HEREDOC} for a here-document it opens (also inside a
     * {@code $(...)} it leaves open: {@code -p"$(cat <<EOF}), a backslash or an operator at its end; asked of the
     * model only when the last character or a {@code <<} says it may. A {@code <<} inside quotes opens nothing
     * ({@code echo don't use << here}).
     */
    static Continuation open(String line) {
        int k = line.length() - 1;
        while (k >= 0 && (line.charAt(k) == ' ' || line.charAt(k) == '\t' || line.charAt(k) == '\r')) {
            k--;
        }
        boolean heredoc = line.contains("<<");
        if (k < 0 || "\\|&".indexOf(line.charAt(k)) < 0 && !heredoc) {
            return Continuation.NONE;
        }
        Continuation open = ShellCommand.continuation(line);
        if (open == Continuation.BACKSLASH || open == Continuation.OPERATOR || open == Continuation.HEREDOC) {
            return open;
        }
        return open == Continuation.QUOTE && heredoc && opensHeredoc(line) ? Continuation.HEREDOC : Continuation.NONE;
    }

    /** Whether a {@code <<} of {@code line} (not a here-string's {@code <<<}) is an operator, outside any quote. */
    private static boolean opensHeredoc(String line) {
        ShellCommand parsed = ShellCommand.parse(line);
        for (int at = line.indexOf("<<"); at >= 0; at = line.indexOf("<<", at + 2)) {
            boolean hereString = line.startsWith("<<<", at) || at > 0 && line.charAt(at - 1) == '<';
            if (!hereString && parsed.quotingAt(at) == Quoting.UNQUOTED) {
                return true;
            }
        }
        return false;
    }
}
