package dev.incidentconsole.shell;

/**
 * Where each character of a word's value comes from in the text of its {@link ShellCommand}: the quotes, the
 * escaping backslashes and the {@code $} of {@code $'...'} are not among them. Read on the command's quoting of
 * each character, so it agrees with the parse.
 */
final class ValueOffsets {
    /** {@code Quoting.values()} copies its array at every call, and this is asked for every character. */
    private static final Quoting[] QUOTINGS = Quoting.values();

    private ValueOffsets() {
    }

    /** See {@link ShellCommand#valueOffsets(Word)}. */
    static int[] of(String text, byte[] quoting, Word word) {
        String value = word.value();
        if (expands(word, "`") || expands(word, "$(") || expands(word, "${")) {
            return null;
        }
        int[] out = new int[value.length()];
        return map(text, quoting, word, word.end(), out, false) == out.length ? out : null;
    }

    /**
     * Whether the shell expands a {@code prefix} ({@code ${...}}, {@code $(...)}, a backtick) of {@code word}'s value:
     * a backtick in single quotes ({@code -a 'Xy`9'}) is the value's own character, and its offsets are known.
     */
    private static boolean expands(Word word, String prefix) {
        String value = word.value();
        for (int at = value.indexOf(prefix); at >= 0; at = value.indexOf(prefix, at + 1)) {
            if (word.expansions().get(at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Walks {@code word}'s text up to {@code limit}, writing into {@code out} (when given) where each character of
     * its value comes from.
     *
     * @param quoting    the quoting of each character of {@code text} ({@link Quoting} ordinals)
     * @param expansions true to give up (-1) at an expansion the shell performs ({@code $...} or a backtick
     *                   outside single quotes), whose result is not the text written
     * @return how many characters of the value come from before {@code limit}; -1 when given up, or {@code out}
     *         is too short
     */
    static int map(String text, byte[] quoting, Word word, int limit, int[] out, boolean expansions) {
        int v = 0;
        int end = Math.min(word.end(), text.length());
        int stop = Math.min(limit, end);
        for (int k = word.start(); k < stop; k++) {
            char c = text.charAt(k);
            char next = k + 1 < end ? text.charAt(k + 1) : '\0';
            int content = k;
            Quoting q = QUOTINGS[quoting[k]];
            if (expansions && (q == Quoting.UNQUOTED || q == Quoting.DOUBLE)
                    && (c == '`' || c == '$' && next != '\'' && next != '"' && next != '\0' && !Character.isWhitespace(next))) {
                return -1;
            }
            switch (q) {
                case UNQUOTED -> {
                    if (c == '\\') {
                        content = escaped(text, k, end);
                        k++;
                    } else if (c == '\'' || c == '"' || c == '$' && next == '\'') {
                        content = -1;
                    }
                }
                case SINGLE -> content = c == '\'' ? -1 : k;
                case ANSI_C -> content = c == '\'' ? -1 : c == '\\' ? ++k : k;
                case DOUBLE -> {
                    if (c == '"') {
                        content = -1;
                    } else if (c == '\\' && "\\$`\"\n".indexOf(next) >= 0) {
                        content = escaped(text, k, end);
                        k++;
                    } else if (c == '\\' && k + 1 < end) {
                        // kept with the character after it: both are the value's
                        if (out != null) {
                            if (v >= out.length) {
                                return -1;
                            }
                            out[v] = k;
                        }
                        v++;
                        content = ++k;
                    }
                }
                default -> {
                }
            }
            if (content >= 0) {
                if (out != null) {
                    if (v >= out.length) {
                        return -1;
                    }
                    out[v] = content;
                }
                v++;
            }
        }
        return v;
    }

    /** The character a backslash at {@code at} escapes, or -1 for a line continuation or a final backslash. */
    private static int escaped(String text, int at, int end) {
        return at + 1 >= end || text.charAt(at + 1) == '\n' ? -1 : at + 1;
    }
}
