package dev.incidentconsole.exec;

import dev.incidentconsole.shell.Quoting;
import dev.incidentconsole.shell.ShellCommand;

/**
 * POSIX shell quoting of substituted values: the one place that decides how a value is written into a command.
 *
 * <p>Policy, in this order: (1) a value never runs as code, whatever the runbook's shape; (2) it reaches the
 * program exactly as typed where the shell model ({@link ShellCommand}) proves where it lands. Where (2) cannot
 * be proven the value is quoted once more for the shell that may read it, or, when even that cannot be placed
 * safely, a value that is not bare (letters, digits and {@code _.,:/@%+=-}, which go in as they are everywhere)
 * is refused with the reason. In detail ({@link #quoteAt}):
 * <ul>
 *   <li>unquoted: the value becomes one single-quoted word ({@code '} written as {@code '\''});</li>
 *   <li>inside {@code "..."}, {@code '...'} or {@code $'...'} of a text where no program may read anything as
 *       shell code ({@link ShellCommand#mayReparse} false: {@code kubectl logs "<pod>"}), exactly: in
 *       {@code "..."} with {@code "}, {@code \}, {@code $} and {@code `} escaped by a backslash (line breaks stay,
 *       {@code !} is written as is: commands run in a non-interactive shell, which expands no history); in
 *       {@code '...'} a value of letters, digits, spaces and {@code _.,:/@%+=-} as is, any other closes the quotes,
 *       goes in as its single-quoted word and reopens them ({@code it's} is written {@code ''it'\''s''}); in
 *       {@code $'...'} with {@code \} and {@code '} escaped;</li>
 *   <li>in a script that a second shell parses again and the model follows ({@code sh -c "..."} also behind
 *       {@code docker run img}, {@code find -exec}, {@code ip netns exec}, {@code kubectl exec --}; {@code su -c},
 *       {@code flock -c}, {@code script -c}, {@code gcloud ... --command}; {@code ssh host ...}, {@code eval} and
 *       {@code watch}, whose words are joined first): the value is quoted for where it lands in that script
 *       ({@link ShellCommand#nestedAt}), by these same rules, and that text is written for the first shell, so the
 *       second reads the value exactly. When the first shell expands something before the value in that script
 *       ({@code $(...)}, {@code ${...}}, {@code $name}, a backtick), the second shell's quoting there is unknown:
 *       refused;</li>
 *   <li>inside quotes of a text where a program the model does not follow may hand them to a shell
 *       ({@code docker run img cmd "<v>"}, {@code kubectl debug}, {@code sudo -i}): the quoted word is read as a
 *       script as above, so a shell reading it gets the value, and a program taking it as an argument gets it
 *       quoted (safe, not exact); unquoted, the single-quoted word;</li>
 *   <li>refused: inside backticks (the shell takes a level of backslashes away there, and a backtick ends them
 *       even inside quotes); in a text where {@code parallel}, {@code tmux} or {@code screen} join words into a
 *       command line; in a here-document of a text where a program may run it as code ({@code bash <<EOF},
 *       {@code ssh host <<EOF}, {@code kubectl exec -i ... -- sh <<EOF});</li>
 *   <li>other here-documents: {@code $}, {@code `} and {@code \} are escaped when the delimiter is unquoted; a
 *       value with a line break is refused there, as it could end the document early.</li>
 * </ul>
 * The test for "may read it as code" names programs ({@code Wrappers.reparses}), any word counting, so it errs
 * towards quoting twice; a program that runs text as code and is not named there (an interpreter's {@code -c}
 * or {@code -e}: {@code python -c "print('<v>')"}) gets the exact encoding, which is shell-safe but not safe for
 * that language. "Open in terminal" on macOS types the prepared command into Terminal's interactive zsh, which
 * expands {@code !} from its history; it types {@code bash -c '<command>'} there, so the command, and {@code !}
 * in a value, reaches bash unchanged.
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
     *                                  break inside a here-document; a value that is not bare where the class
     *                                  policy refuses it), with a message naming the context
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
        if (command.mayJoinWords()) {
            throw new IllegalArgumentException(NOT_BARE + "a program here (parallel, tmux, screen) joins its words into "
                    + "a command line that a shell parses");
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
