package dev.incidentconsole.shell;

import java.util.BitSet;
import java.util.function.Function;

/**
 * One shell word.
 *
 * @param value      the word as the program receives it: quotes and escapes removed; {@code $(...)},
 *                   backticks and {@code ${...}} kept as written, since they are expanded only when it runs
 * @param start      offset of the word's first character in the parsed text
 * @param end        offset just after its last character
 * @param quoted     true when any part of the word is quoted or escaped (so it is never an operator nor a
 *                   reserved word)
 * @param assignment true for {@code NAME=value} written with an unquoted name (also {@code NAME+=v},
 *                   {@code NAME[i]=v}); the value part may be quoted
 * @param expansions where, in {@code value}, each {@code $} and opening backtick is that the shell expands
 *                   (unquoted or in double quotes; not in single quotes, {@code $'...'}, nor escaped); do not modify
 */
public record Word(String value, int start, int end, boolean quoted, boolean assignment, BitSet expansions) {

    /** The expansions of a word with none, shared by all such words: never modified. */
    static final BitSet NONE = new BitSet();

    /** A word in which the shell expands nothing. */
    public Word(String value, int start, int end, boolean quoted, boolean assignment) {
        this(value, start, end, quoted, assignment, NONE);
    }

    /**
     * The value with each {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-default}} and {@code ${NAME-default}}
     * that the shell expands replaced as bash would: {@code '$HOME'} and {@code \\$HOME} stay as written. Other
     * expansions ({@code $(...)}, {@code $1}, {@code ${#X}}, a default that itself expands) stay as written.
     *
     * @param env   the value of a variable, or {@code null} when it is not set
     * @param unset what stands for a variable that is not set (given its name) when no default applies;
     *              {@code null} keeps it as written
     * @return the expanded value; never {@code null}
     */
    public String expand(Function<String, String> env, Function<String, String> unset) {
        StringBuilder out = new StringBuilder(value.length());
        int copied = 0;
        for (int at = expansions.nextSetBit(0); at >= 0 && at < value.length(); at = expansions.nextSetBit(at + 1)) {
            if (value.charAt(at) != '$') {
                continue; // an opening backtick: a command substitution, kept as written
            }
            boolean braced = at + 1 < value.length() && value.charAt(at + 1) == '{';
            int nameStart = at + (braced ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < value.length() && isNameChar(value.charAt(nameEnd))
                    && !(nameEnd == nameStart && value.charAt(nameEnd) <= '9' && value.charAt(nameEnd) >= '0')) {
                nameEnd++;
            }
            if (nameEnd == nameStart) {
                continue;
            }
            String name = value.substring(nameStart, nameEnd);
            String found = env.apply(name);
            int end = nameEnd;
            if (braced) {
                int close = value.indexOf('}', nameEnd);
                String op = close < 0 ? "?" : value.substring(nameEnd, close);
                String fallback = op.startsWith(":-") ? op.substring(2) : op.startsWith("-") ? op.substring(1) : null;
                if (!op.isEmpty() && (fallback == null || fallback.indexOf('$') >= 0 || fallback.indexOf('`') >= 0)) {
                    continue; // ${X:?}, ${X/a/b}, a default that expands: left as written
                }
                if (fallback != null && (found == null || op.startsWith(":") && found.isEmpty())) {
                    found = fallback;
                }
                end = close + 1;
            }
            if (found == null && unset != null) {
                found = unset.apply(name);
            }
            if (found != null) {
                out.append(value, copied, at).append(found);
                copied = end;
            }
        }
        return copied == 0 ? value : out.append(value, copied, value.length()).toString();
    }

    /** The program name of this word: its value without any directory ({@code kubectl} for /usr/bin/kubectl). */
    public String basename() {
        return Wrappers.basename(value);
    }

    /** Whether {@code raw} (a word as written) starts with an unquoted assignment. */
    static boolean isAssignment(CharSequence raw) {
        return isAssignment(raw, 0, raw.length());
    }

    /** Whether {@code text} from {@code from} to {@code to} (a word as written) starts with an unquoted assignment. */
    static boolean isAssignment(CharSequence text, int from, int to) {
        char first = to - from < 2 ? '0' : text.charAt(from);
        // an ASCII letter: below 128, Character.isLetter holds for these only
        if (!(first == '_' || first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z')) {
            return false;
        }
        int k = from + 1;
        while (k < to && isNameChar(text.charAt(k))) {
            k++;
        }
        if (k < to && text.charAt(k) == '[') {
            while (k < to && text.charAt(k) != ']') {
                k++;
            }
            k++;
        }
        if (k < to && text.charAt(k) == '+') {
            k++;
        }
        return k < to && text.charAt(k) == '=';
    }

    private static boolean isNameChar(char c) {
        return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
