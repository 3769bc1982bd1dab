package dev.incidentconsole.exec;

import dev.incidentconsole.shell.Quoting;
import dev.incidentconsole.shell.ShellCommand;

/**
 * POSIX shell quoting of substituted values: the one place that decides how a value is written into a command.
 *
 * <p>Policy: a substituted value reaches the program exactly as typed and is never executed, also when the
 * quoted string around it is handed to a second shell ({@code sh -c '...'}, {@code ssh host "..."}), since
 * runbooks do that often. The shell model says where it lands ({@link ShellCommand#quotingAt},
 * {@link ShellCommand#reparsedAt}):
 * <ul>
 *   <li>unquoted: the value becomes one single-quoted word ({@code '} written as {@code '\''});</li>
 *   <li>inside {@code "..."} that reaches its program as data ({@code kubectl logs "<pod>"}): the value with
 *       {@code "}, {@code \}, {@code $} and {@code `} escaped by a backslash, so the argument is the value and
 *       nothing in it expands; line breaks stay line breaks, and {@code !} is written as is (commands run in a
 *       non-interactive shell, which expands no history);</li>
 *   <li>inside {@code '...'} that reaches its program as data: a value of letters, digits, spaces and
 *       {@code _.,:/@%+=-} goes in as is; any other value closes the quotes, goes in as its single-quoted
 *       word and reopens them ({@code it's} is written {@code ''it'\''s''});</li>
 *   <li>inside {@code $'...'} that reaches its program as data: the value with {@code \} and {@code '}
 *       escaped by a backslash;</li>
 *   <li>in a word that a second shell parses again ({@code sh -c "echo <v>"}, {@code ssh host df <v>}): a
 *       value of letters, digits and {@code _.,:/@%+=-} is written as above; any other value is first quoted
 *       for where it lands in the second shell's script ({@link ShellCommand#nestedAt}: {@code sh -c "echo
 *       '<v>'"} has it in single quotes there), and that text is then written as above for the first shell, so
 *       the second shell reads the value exactly. Where the script cannot be mapped (its word holds a
 *       substitution), the value goes in as its single-quoted word, escaped for the surrounding quotes;</li>
 *   <li>inside a here-document: {@code $}, {@code `} and {@code \} are escaped when the delimiter is
 *       unquoted; a value with a line break is refused there, as it could end the document early.</li>
 * </ul>
 * Pure functions; thread-safe.
 */
public final class ShellQuote {
    private static final String SAFE_PUNCTUATION = "_.,:/@%+=-";
    private static final String NOT_BARE = "is more than letters, digits and " + SAFE_PUNCTUATION + ", and ";

    private ShellQuote() {
    }

    /** {@code value} as one POSIX shell word: {@code 'it'\''s'} for {@code it's}, {@code ''} for empty. */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** True when {@code value} is a non-empty word that needs no quoting at all. */
    public static boolean isBare(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> Character.isLetterOrDigit(c)
                || SAFE_PUNCTUATION.indexOf(c) >= 0);
    }

    /**
     * {@code value} ready to replace the text of {@code command} that starts at {@code offset} (a placeholder),
     * following the class policy.
     *
     * @throws IllegalArgumentException when the value cannot be placed safely (NUL byte anywhere; a line
     *                                  break inside a here-document)
     */
    public static String quoteAt(String value, ShellCommand command, int offset) {
        Quoting context = command.quotingAt(offset);
        if (value.indexOf('\0') >= 0 || isBare(value)) {
            return quoteFor(value, context, false);
        }
        if (command.backquotedAt(offset)) {
            throw new IllegalArgumentException(NOT_BARE + "it stands inside backticks (`...`), which the shell reads "
                    + "once more; write $(...) in the runbook instead");
        }
        if (command.reparsedAt(offset)) {
            ShellCommand.Nested inner = command.nestedAt(offset);
            if (inner == null) {
                throw new IllegalArgumentException(NOT_BARE + "it stands in a script that a second shell reads, after "
                        + "a $(...), ${...}, $name or backtick the first shell expands, so how the second shell "
                        + "quotes it is unknown");
            }
            // what the second shell must read there, written so that the first shell hands over exactly that
            return quoteFor(quoteAt(value, inner.script(), inner.offset()), context, false);
        }
        if (!command.mayReparse()) {
            return quoteFor(value, context, false);
        }
        if (context == Quoting.HEREDOC || context == Quoting.HEREDOC_LITERAL) {
            throw new IllegalArgumentException(NOT_BARE + "it stands in a here-document of a command that may run "
                    + "it as shell code");
        }
        if (context == Quoting.UNQUOTED || context == Quoting.COMMENT) {
            // an argument (find -name, docker run img ls), or a word of a script a shell the model cannot see reads
            // with its quotes: single-quoted, that is the value either way
            return quote(value);
        }
        // quotes that a program the model cannot follow may hand to a shell: written for that shell as well
        ShellCommand.Nested word = command.wordAsScriptAt(offset);
        if (word == null) {
            throw new IllegalArgumentException(NOT_BARE + "it stands in quotes that a program here may hand to a "
                    + "shell, after a $(...), ${...}, $name or backtick that is expanded first");
        }
        return quoteFor(quoteAt(value, word.script(), word.offset()), context, false);
    }

    /**
     * {@code value} ready to be placed where {@code context} says, following the class policy.
     *
     * @param secondShell true when a second shell parses the quotes around the value again
     * @throws IllegalArgumentException when the value cannot be placed safely (NUL byte anywhere; a line
     *                                  break inside a here-document)
     */
    public static String quoteFor(String value, Quoting context, boolean secondShell) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("contains a NUL byte, which no command argument can hold");
        }
        if (secondShell && (context == Quoting.SINGLE || context == Quoting.DOUBLE || context == Quoting.ANSI_C)) {
            return isBare(value) ? value : nested(quote(value), context);
        }
        return switch (context) {
            case UNQUOTED, COMMENT -> quote(value);
            case ANSI_C -> escapeAnsiC(value);
            case SINGLE -> isBareOrSpaced(value) ? value : "'" + quote(value) + "'";
            case DOUBLE -> escapeDouble(value);
            case HEREDOC -> heredoc(value, true);
            case HEREDOC_LITERAL -> heredoc(value, false);
        };
    }

    /** A single-quoted word written inside the quotes of {@code context}, for the second shell to read. */
    private static String nested(String word, Quoting context) {
        return switch (context) {
            case ANSI_C -> escapeAnsiC(word);
            case SINGLE -> word.replace("'", "'\\''");
            default -> escapeDouble(word);
        };
    }

    private static String escapeAnsiC(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }

    private static boolean isBareOrSpaced(String value) {
        return !value.isBlank() && isBare(value.replace(' ', '_'));
    }

    private static String escapeDouble(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '$' || c == '`' || c == '"') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String heredoc(String value, boolean expanding) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("contains a line break, which could end the here-document early");
        }
        if (!expanding) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '$' || c == '`') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
