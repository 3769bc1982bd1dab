package dev.incidentconsole.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The quoting half of {@link ShellParser}: quotes, {@code $'...'}, {@code "..."}, {@code $(...)}, backticks
 * and {@code ${...}}, each character marked with the quoting it is read in, and the outermost command
 * substitutions noted. Nesting is bounded, so deep input cannot exhaust the stack. One instance per text.
 */
final class QuoteScanner {
    static final byte UNQUOTED = (byte) Quoting.UNQUOTED.ordinal();
    static final byte SINGLE = (byte) Quoting.SINGLE.ordinal();
    static final byte ANSI_C = (byte) Quoting.ANSI_C.ordinal();
    static final byte DOUBLE = (byte) Quoting.DOUBLE.ordinal();
    /** Beyond this many nested quotes and substitutions, the inner text is read as plain characters. */
    private static final int MAX_NESTING = 64;
    /** The longest {@code <placeholder>} read as a word; bounds the look-ahead so parsing stays linear. */
    private static final int MAX_PLACEHOLDER = 64;

    private final String s;
    private final int n;
    /** quoting[k]: the quoting character k is read in; an opening quote in the outer one, a closing in the inner. */
    final byte[] quoting;
    /** [start, end) of the code inside each outermost {@code $(...)} and backtick substitution. */
    final List<int[]> substitutions = new ArrayList<>();
    private int nesting;
    /** True once a quote or substitution ran to the end of the text unclosed. */
    boolean ranOff;
    /** Offset of the {@code #} of the last comment read, at the top level or inside a substitution; -1 if none. */
    int lastComment = -1;
    /**
     * Where, in the value of the word being read, each {@code $} that the shell expands is; reset to null per
     * word, made at the first such {@code $} (most words have none).
     */
    java.util.BitSet expansions;
    /**
     * Where, in the text, each {@code $} that the shell expands is, at any depth (in words, substitutions,
     * {@code ${...}} and expanding here-documents); null until the first.
     */
    java.util.BitSet expanded;

    QuoteScanner(String text) {
        this.s = text;
        this.n = text.length();
        this.quoting = new byte[n + 1];
    }

    /**
     * The end of a runbook placeholder such as {@code <pod-name>} starting at {@code at}, or -1. Bash would
     * read it as two redirections; runbooks mean a value to fill in, so it is read as (part of) a word.
     */
    int angleEnd(int at) {
        if (at + 2 >= n || !Character.isLetter(s.charAt(at + 1))) {
            return -1;
        }
        int limit = Math.min(n, at + MAX_PLACEHOLDER);
        for (int k = at + 2; k < limit; k++) {
            char c = s.charAt(k);
            if (c == '>') {
                return k + 1;
            }
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':' || c == '/' || c == '-')) {
                return -1;
            }
        }
        return -1;
    }

    int single(int from, StringBuilder value) {
        int close = s.indexOf('\'', from);
        int end = close < 0 ? n : close;
        ranOff |= close < 0;
        java.util.Arrays.fill(quoting, from, end + 1, SINGLE);
        if (value != null) {
            value.append(s, from, end);
        }
        return close < 0 ? n : close + 1;
    }

    int ansiC(int from, StringBuilder value) {
        int k = from;
        while (k < n && s.charAt(k) != '\'') {
            char c = s.charAt(k);
            quoting[k] = ANSI_C;
            if (c == '\\' && k + 1 < n) {
                quoting[k + 1] = ANSI_C;
                char e = s.charAt(k + 1);
                if (value != null) {
                    value.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> e;
                    });
                }
                k += 2;
            } else {
                if (value != null) {
                    value.append(c);
                }
                k++;
            }
        }
        quoting[Math.min(k, n)] = ANSI_C;
        ranOff |= k >= n;
        return Math.min(n, k + 1);
    }

    /** The inside of {@code "..."} from {@code from}; returns the offset after the closing quote. */
    int doubleQuoted(int from, StringBuilder value) {
        int k = from;
        while (k < n) {
            char c = s.charAt(k);
            quoting[k] = DOUBLE;
            if (c == '"') {
                return k + 1;
            }
            char next = k + 1 < n ? s.charAt(k + 1) : '\0';
            if (c == '\\' && k + 1 < n) {
                quoting[k + 1] = DOUBLE;
                if ("\\$`\"\n".indexOf(next) < 0) {
                    append(value, c);
                }
                if (next != '\n') {
                    append(value, next);
                }
                k += 2;
            } else if (c == '$' && next == '(' && nesting < MAX_NESTING) {
                markExpansion(value, k);
                nesting++;
                int end = code(k + 2, ')');
                nesting--;
                substitution(k + 2, end, ')');
                quoting[k + 1] = UNQUOTED;
                appendRange(value, k, end);
                k = end;
            } else if (c == '$' && next == '{') {
                markExpansion(value, k);
                int end = braced(k + 2, DOUBLE);
                quoting[k + 1] = DOUBLE;
                appendRange(value, k, end);
                k = end;
            } else if (c == '`' && nesting < MAX_NESTING) {
                markExpansion(value, k);
                nesting++;
                int end = code(k + 1, '`');
                nesting--;
                substitution(k + 1, end, '`');
                appendRange(value, k, end);
                k = end;
            } else {
                if (c == '$') {
                    markExpansion(value, k);
                }
                append(value, c);
                k++;
            }
        }
        quoting[n] = DOUBLE;
        ranOff = true;
        return n;
    }

    /**
     * Shell code inside {@code $(...)} (closer {@code )}) or backticks (closer {@code `}), read in the
     * unquoted context with its own quotes; returns the offset after the closer, or the text's end.
     */
    int code(int from, char closer) {
        int open = 1;
        int k = from;
        while (k < n) {
            char c = s.charAt(k);
            quoting[k] = UNQUOTED;
            if (c == '\\') {
                k += 2;
            } else if (c == '$' && k + 1 < n && s.charAt(k + 1) == '\'') {
                k = ansiC(k + 2, null);
            } else if (c == '\'') {
                k = single(k + 1, null);
            } else if (c == '"' && nesting < MAX_NESTING) {
                nesting++;
                k = doubleQuoted(k + 1, null);
                nesting--;
            } else if (c == '`' && closer == ')' && nesting < MAX_NESTING) {
                nesting++;
                k = code(k + 1, '`');
                nesting--;
            } else if (c == '$' && k + 1 < n && s.charAt(k + 1) == '{' && nesting < MAX_NESTING) {
                markExpansion(null, k);
                nesting++;
                k = braced(k + 2, UNQUOTED);
                nesting--;
            } else if (c == '#' && closer == ')' && (k == from || " \t\n;|&(".indexOf(s.charAt(k - 1)) >= 0)) {
                k = comment(k);
            } else if (c == closer && (closer == '`' || --open == 0)) {
                return k + 1;
            } else {
                if (c == '(') {
                    open++;
                } else if (c == '$') {
                    markExpansion(null, k);
                }
                k++;
            }
        }
        quoting[n] = UNQUOTED;
        ranOff = true;
        return n;
    }

    /** Marks a comment from its {@code #} at {@code at} to the end of its line; returns that line end. */
    int comment(int at) {
        lastComment = at;
        int nl = s.indexOf('\n', at);
        int stop = nl < 0 ? n + 1 : nl;
        java.util.Arrays.fill(quoting, at + 1, stop, (byte) Quoting.COMMENT.ordinal());
        return nl < 0 ? n : nl;
    }

    /** The inside of {@code ${...}}, read in {@code context}; returns the offset after its closing brace. */
    int braced(int from, byte context) {
        int open = 1;
        int k = from;
        while (k < n) {
            char c = s.charAt(k);
            quoting[k] = context;
            if (c == '\\') {
                if (k + 1 < n) {
                    quoting[k + 1] = context;
                }
                k += 2;
            } else if (c == '\'' && context == UNQUOTED) {
                k = single(k + 1, null);
            } else if (c == '"' && nesting < MAX_NESTING) {
                nesting++;
                k = doubleQuoted(k + 1, null);
                nesting--;
            } else if (c == '$' && k + 1 < n && s.charAt(k + 1) == '(' && nesting < MAX_NESTING) {
                markExpansion(null, k);
                nesting++;
                k = code(k + 2, ')');
                nesting--;
            } else if (c == '{') {
                open++;
                k++;
            } else if (c == '}' && --open == 0) {
                return k + 1;
            } else {
                if (c == '$') {
                    markExpansion(null, k);
                }
                k++;
            }
        }
        quoting[n] = context;
        ranOff = true;
        return n;
    }

    /** Notes an outermost substitution's code, {@code end} being just after its closer (or the text's end). */
    void substitution(int from, int end, char closer) {
        if (nesting == 0) {
            int to = end > from && end <= n && s.charAt(end - 1) == closer ? end - 1 : end;
            substitutions.add(new int[] {from, Math.max(from, to)});
        }
    }

    /**
     * Notes that the shell expands the {@code $} at {@code at} of the text, about to be appended to {@code value}
     * (null when no word's value is being built): the one place that decides it, for the word
     * ({@link Word#expansions}) and for the text ({@link ShellCommand#expandsAt}).
     */
    void markExpansion(StringBuilder value, int at) {
        if (value != null) {
            if (expansions == null) {
                expansions = new java.util.BitSet();
            }
            expansions.set(value.length());
        }
        if (expanded == null) {
            expanded = new java.util.BitSet();
        }
        expanded.set(at);
    }

    static void append(StringBuilder value, char c) {
        if (value != null) {
            value.append(c);
        }
    }

    void appendRange(StringBuilder value, int from, int to) {
        if (value != null) {
            value.append(s, from, to);
        }
    }
}
