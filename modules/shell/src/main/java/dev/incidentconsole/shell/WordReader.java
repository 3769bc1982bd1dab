package dev.incidentconsole.shell;

/**
 * Reads the words of {@link ShellParser}'s text, each in the quoting it is written in (marked by the
 * {@link QuoteScanner}). Not thread-safe; one instance per text.
 */
final class WordReader {
    private final String s;
    private final int n;
    private final QuoteScanner q;
    /** One buffer for every word of the text: a builder per word was much of the parse's allocation. */
    private final StringBuilder buffer = new StringBuilder();

    WordReader(String text, QuoteScanner q) {
        this.s = text;
        this.n = text.length();
        this.q = q;
    }

    /** Reads one word from {@code from}, up to the first unquoted blank or operator character; it ends at its {@link Word#end()}. */
    Word read(int from) {
        int start = from;
        int i = from;
        int plainEnd = i;
        while (plainEnd < n && plain(s.charAt(plainEnd))) {
            plainEnd++;
        }
        if (plainEnd > start && endsPlainWord(plainEnd)) {
            // a word of plain characters only, the most common: its value is its text
            return new Word(s.substring(start, plainEnd), start, plainEnd, false, false, Word.NONE);
        }
        // a run of plain characters is copied at once, not a character at a time
        StringBuilder value = buffer;
        value.setLength(0);
        boolean quoted = false;
        q.expansions = null;
        while (i < n) {
            char c = s.charAt(i);
            int angle = c == '<' ? q.angleEnd(i) : -1;
            if (angle > 0) {
                value.append(s, i, angle);
                i = angle;
                if (i < n && s.charAt(i) == '#') {
                    break; // bash ends the word at the '>', so a '#' right after it starts a comment
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|' || c == '('
                    || c == ')' || c == '<' || c == '>') {
                if (c != '(' || value.length() == 0 || !endsExtglob(value)) {
                    break;
                }
            }
            char next = i + 1 < n ? s.charAt(i + 1) : '\0';
            if (c == '\\') {
                quoted = true;
                if (next != '\n' && i + 1 < n) {
                    value.append(next);
                }
                i = Math.min(n, i + 2);
            } else if (c == '\'') {
                quoted = true;
                i = q.single(i + 1, value);
            } else if (c == '"') {
                quoted = true;
                i = q.doubleQuoted(i + 1, value);
            } else if (c == '$' && next == '\'') {
                quoted = true;
                i = q.ansiC(i + 2, value);
            } else if (c == '$' && next == '(') {
                q.markExpansion(value, i);
                int end = q.code(i + 2, ')');
                q.substitution(i + 2, end, ')');
                value.append(s, i, end);
                i = end;
            } else if (c == '$' && next == '{') {
                q.markExpansion(value, i);
                int end = q.braced(i + 2, QuoteScanner.UNQUOTED);
                value.append(s, i, end);
                i = end;
            } else if (c == '`') {
                q.markExpansion(value, i);
                int end = q.code(i + 1, '`');
                q.substitution(i + 1, end, '`');
                value.append(s, i, end);
                i = end;
            } else if (c == '$') {
                q.markExpansion(value, i);
                value.append(c);
                i++;
            } else {
                int run = i + 1;
                while (run < n && plain(s.charAt(run))) {
                    run++;
                }
                value.append(s, i, run);
                i = run;
            }
        }
        return new Word(value.toString(), start, i, quoted, false, q.expansions == null ? Word.NONE : q.expansions);
    }

    /** The ASCII characters {@link #plain} refuses; asked of every character of every word, hence a table. */
    private static final boolean[] NOT_PLAIN = notPlain();

    private static boolean[] notPlain() {
        boolean[] out = new boolean[128];
        for (char c : " \t\n\r;&()<>'\"$\\`|".toCharArray()) {
            out[c] = true;
        }
        return out;
    }

    /** A character {@link #read} copies as it is: none that quotes, expands, ends a word or may start a placeholder. */
    private static boolean plain(char c) {
        return c >= 128 || !NOT_PLAIN[c];
    }

    /** Whether a word of plain characters ends just before {@code at}, as the loop of {@link #read} would end it. */
    private boolean endsPlainWord(int at) {
        if (at >= n) {
            return true;
        }
        char c = s.charAt(at);
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|' || c == ')'
                || c == '>' || c == '(' && !extglob(s.charAt(at - 1)) || c == '<' && q.angleEnd(at) < 0;
    }

    /** {@code @(a|b)}, {@code !(x)}: an extended glob's parenthesis belongs to the word. */
    private static boolean endsExtglob(StringBuilder value) {
        return extglob(value.charAt(value.length() - 1));
    }

    private static boolean extglob(char last) {
        return last == '@' || last == '!' || last == '+' || last == '*' || last == '?';
    }
}
