package dev.incidentconsole.exec;

import dev.incidentconsole.shell.Quoting;

/**
 * POSIX shell quoting of substituted values.
 *
 * <p>Policy: a substituted value is always literal where it is written, and stays non-executable even
 * when the quoted string around it is handed to a second shell ({@code sh -c '...'},
 * {@code ssh host "..."}), since runbooks do that often:
 * <ul>
 *   <li>unquoted: the value becomes one single-quoted word ({@code '} written as {@code '\''});</li>
 *   <li>inside {@code '...'} or {@code "..."}: a value of letters, digits, spaces and {@code _.,:/@%+=-}
 *       goes in as is; any other value goes in as its single-quoted word, escaped for the surrounding
 *       quotes, so a second shell sees it quoted too;</li>
 *   <li>inside {@code $'...'}: the same, with {@code \} and {@code '} escaped by a backslash;</li>
 *   <li>inside a here-document: {@code $}, {@code `} and {@code \} are escaped when the delimiter is
 *       unquoted; a value with a line break is refused there, as it could end the document early.</li>
 * </ul>
 * Pure functions; thread-safe.
 */
public final class ShellQuote {
    private static final String SAFE_PUNCTUATION = "_.,:/@%+=-";

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
     * {@code value} ready to be placed where {@code context} says, following the class policy.
     *
     * @throws IllegalArgumentException when the value cannot be placed safely (NUL byte anywhere; a line
     *                                  break inside a here-document)
     */
    public static String quoteFor(String value, Quoting context) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("contains a NUL byte, which no command argument can hold");
        }
        return switch (context) {
            case UNQUOTED, COMMENT -> quote(value);
            case ANSI_C -> isBareOrSpaced(value) ? value : quote(value).replace("\\", "\\\\").replace("'", "\\'");
            case SINGLE -> isBareOrSpaced(value) ? value : quote(value).replace("'", "'\\''");
            case DOUBLE -> isBareOrSpaced(value) ? value : escapeDouble(quote(value));
            case HEREDOC -> heredoc(value, true);
            case HEREDOC_LITERAL -> heredoc(value, false);
        };
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
