package dev.incidentconsole.runbook;

/** Finds the bracket that closes a shell substitution, skipping quoted text and escapes. */
final class Brackets {

    private Brackets() {
    }

    /** Index of the {@code )} matching the {@code (} at {@code open}, or {@code to} when it is never closed. */
    static int matchParen(String s, int open, int to) {
        return match(s, open, to, '(', ')');
    }

    /** Index of the <code>}</code> matching the <code>{</code> at {@code open}, or {@code to}. */
    static int matchBrace(String s, int open, int to) {
        return match(s, open, to, '{', '}');
    }

    private static int match(String s, int open, int to, char left, char right) {
        int depth = 0;
        int j = open;
        while (j < to) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '\'' || c == '"') {
                j = skipQuote(s, j, to);
            } else if (c == left) {
                depth++;
            } else if (c == right && --depth == 0) {
                return j;
            }
            j++;
        }
        return to;
    }

    /** Index of the quote closing the one at {@code open}, or {@code to - 1}. */
    private static int skipQuote(String s, int open, int to) {
        char q = s.charAt(open);
        int j = open + 1;
        while (j < to && s.charAt(j) != q) {
            j += (q == '"' && s.charAt(j) == '\\') ? 2 : 1;
        }
        return Math.min(j, to - 1);
    }
}
