package dev.incidentconsole.shell;

import java.util.BitSet;
import java.util.List;

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
        Walk walk = new Walk(text, quoting, word, out);
        int stop = Math.min(limit, walk.end);
        for (; walk.k < stop; walk.k++) {
            if (expansions && walk.expandsHere() || !walk.step()) {
                return -1;
            }
        }
        return walk.v;
    }

    /** See {@link ShellCommand#writtenValue(Word)}. */
    static WrittenValue written(String text, byte[] quoting, BitSet expanded, List<int[]> substitutions, Word word) {
        String value = word.value();
        int[] out = new int[value.length()];
        BitSet inside = new BitSet();
        Walk walk = new Walk(text, quoting, word, out);
        // the substitutions are in text order, and so are the expansions met: one pass over both, from the word's first
        int sub = firstAtOrAfter(substitutions, word.start());
        for (; walk.k < walk.end; walk.k++) {
            int k = walk.k;
            int end = -1;
            if (expanded != null && expanded.get(k)) {
                while (sub < substitutions.size() && substitutions.get(sub)[0] <= k) {
                    sub++;
                }
                end = expansionEnd(text, k, walk.end, sub < substitutions.size() ? substitutions.get(sub) : null);
                if (end < 0) {
                    return null;
                }
            }
            if (end > k) {
                int length = end - k;
                if (walk.v + length > out.length || !value.regionMatches(walk.v, text, k, length)) {
                    return null;
                }
                inside.set(walk.v, walk.v + length);
                for (int j = k; j < end; j++) {
                    out[walk.v++] = j;
                }
                walk.k = end - 1;
            } else if (!walk.step()) {
                return null;
            }
        }
        return walk.v == out.length ? new WrittenValue(out, inside) : null;
    }

    /** The index of the first of {@code ranges} (in text order) starting at or after {@code offset}. */
    private static int firstAtOrAfter(List<int[]> ranges, int offset) {
        int lo = 0;
        int hi = ranges.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ranges.get(mid)[0] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Where the expansion whose {@code $} or backtick is at {@code at} ends: after its closing brace, parenthesis or
     * backtick, or its name; {@code at} when no name follows a {@code $} (it is a character of the value); -1 when it
     * cannot be read ({@code ${...}} never closed or too long, a substitution the scan did not note).
     *
     * @param next the first outermost substitution whose code starts after {@code at}, or null
     */
    private static int expansionEnd(String text, int at, int end, int[] next) {
        char c = text.charAt(at);
        char after = at + 1 < end ? text.charAt(at + 1) : '\0';
        if (c == '$' && after == '{') {
            ParameterExpansion p = ParameterExpansion.at(text, at);
            return p == null || p.end() > end ? -1 : p.end();
        }
        if (c == '`' || after == '(') {
            int code = at + (c == '`' ? 1 : 2);
            if (next == null || next[0] != code) {
                return -1;
            }
            return next[1] < end ? next[1] + 1 : -1;
        }
        int name = ParameterExpansion.nameEnd(text, at + 1, end);
        return name > at + 1 ? name : at;
    }

    /** A walk over a word's text that writes where each character of its value comes from. */
    private static final class Walk {
        private final String text;
        private final byte[] quoting;
        private final int[] out;
        final int end;
        /** The offset in the text being read. */
        int k;
        /** How many characters of the value have come so far. */
        int v;

        Walk(String text, byte[] quoting, Word word, int[] out) {
            this.text = text;
            this.quoting = quoting;
            this.out = out;
            this.end = Math.min(word.end(), text.length());
            this.k = word.start();
        }

        /** Whether the shell expands a {@code $...} or a backtick at {@link #k}, whose result is not the text written. */
        boolean expandsHere() {
            char c = text.charAt(k);
            char next = k + 1 < end ? text.charAt(k + 1) : '\0';
            Quoting q = QUOTINGS[quoting[k]];
            return (q == Quoting.UNQUOTED || q == Quoting.DOUBLE)
                    && (c == '`' || c == '$' && next != '\'' && next != '"' && next != '\0' && !Character.isWhitespace(next));
        }

        /** Reads the character at {@link #k} (and the one it escapes); false when {@link #out} is too short. */
        boolean step() {
            char c = text.charAt(k);
            char next = k + 1 < end ? text.charAt(k + 1) : '\0';
            int content = k;
            switch (QUOTINGS[quoting[k]]) {
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
                        if (!put(k)) { // kept with the character after it: both are the value's
                            return false;
                        }
                        content = ++k;
                    }
                }
                default -> {
                }
            }
            return content < 0 || put(content);
        }

        private boolean put(int content) {
            if (out != null) {
                if (v >= out.length) {
                    return false;
                }
                out[v] = content;
            }
            v++;
            return true;
        }
    }

    /** The character a backslash at {@code at} escapes, or -1 for a line continuation or a final backslash. */
    private static int escaped(String text, int at, int end) {
        return at + 1 >= end || text.charAt(at + 1) == '\n' ? -1 : at + 1;
    }
}
