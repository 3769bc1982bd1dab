package dev.incidentconsole.shell;

/**
 * One {@code ${...}} parameter expansion as written: the parameter's name, the operator after it and the word the
 * operator takes ({@code ${PGPASSWORD:-'s3cret'}}: {@code PGPASSWORD}, {@code :-}, {@code 's3cret'}). Its closing
 * brace is found as the shell model reads the inside of {@code ${...}} (quotes, {@code $(...)}, nested
 * {@code ${...}}), so a word holding a quoted {@code }} or another expansion is read whole. Offsets are in the text
 * given to {@link #at}.
 *
 * @param start     offset of the {@code $}
 * @param end       offset just after the closing brace
 * @param name      the parameter: a variable name, a positional number or a special parameter ({@code @ * # ? $ !
 *                  -}); empty when the expansion starts with another operator ({@code ${#X}} its length,
 *                  {@code ${!X}} indirection), which then stands in {@code operator}
 * @param operator  what follows the name: empty for {@code ${X}}; {@code - = ? +} with or without a leading
 *                  {@code :}; {@code # ## % %% / // ^ ^^ , ,,} or {@code :} (a substring) for the other forms;
 *                  the first character after the name when it is none of these (bash refuses the expansion)
 * @param wordStart offset of the operator's word (the default, the message, the pattern...)
 * @param wordEnd   offset just after it (the closing brace's offset)
 */
public record ParameterExpansion(int start, int end, String name, String operator, int wordStart, int wordEnd) {
    /** A {@code ${...}} longer than this is not read: keeps a scan over every {@code ${} of a long text linear. */
    static final int MAX_LENGTH = 4096;

    /**
     * Reads the {@code ${...}} whose {@code $} is at {@code dollar} of {@code text}. Whether the shell expands it at
     * all (it does not in single quotes) is {@link ShellCommand#expandsAt}'s to say.
     *
     * @return null when {@code text} holds no {@code ${} at {@code dollar}, or its closing brace is missing (or
     *         further than {@value #MAX_LENGTH} characters)
     */
    public static ParameterExpansion at(String text, int dollar) {
        if (dollar < 0 || dollar + 2 >= text.length() || text.charAt(dollar) != '$' || text.charAt(dollar + 1) != '{') {
            return null;
        }
        String window = text.substring(dollar, Math.min(text.length(), dollar + MAX_LENGTH));
        QuoteScanner scanner = new QuoteScanner(window);
        int close = scanner.braced(2, QuoteScanner.UNQUOTED);
        if (scanner.ranOff || close > window.length() || window.charAt(close - 1) != '}') {
            return null;
        }
        int from = dollar + 2;
        int brace = dollar + close - 1;
        int nameEnd = nameEnd(text, from, brace);
        int op = nameEnd;
        if (op < brace) {
            char c = text.charAt(op);
            boolean colon = c == ':' && op + 1 < brace && "-=?+".indexOf(text.charAt(op + 1)) >= 0;
            if (colon) {
                op += 2;
            } else if ("-=?+:".indexOf(c) >= 0 || nameEnd == from && "#!".indexOf(c) >= 0) {
                op++;
            } else if ("#%/^,".indexOf(c) >= 0) {
                op += op + 1 < brace && text.charAt(op + 1) == c ? 2 : 1;
            } else {
                op++; // what bash calls a bad substitution (${kubectl exec ...}): never a plain ${NAME}
            }
        }
        return new ParameterExpansion(dollar, dollar + close, text.substring(from, nameEnd),
                text.substring(nameEnd, op), op, brace);
    }

    /**
     * Whether the word is a value the parameter takes when it is unset (or empty, with {@code :}): {@code -} and
     * {@code =} with or without {@code :}.
     */
    public boolean givesDefault() {
        return !name.isEmpty() && (operator.endsWith("-") || operator.endsWith("=")) && operator.length() <= 2;
    }

    /**
     * Whether the word holds no expansion that the shell performs: {@code 's3cret'}, {@code "s3cret"}, {@code s3cret}
     * or {@code '$x'} are literal; {@code $OTHER}, {@code ${B:-x}}, {@code "$(cat f)"} and backticks are not.
     *
     * @param text the text given to {@link #at}
     */
    public boolean wordIsLiteral(String text) {
        String word = text.substring(wordStart, wordEnd);
        if (word.indexOf('$') < 0 && word.indexOf('`') < 0) {
            return true;
        }
        ShellCommand parsed = ShellCommand.parse(word);
        for (int k = 0; k < word.length(); k++) {
            if (parsed.expandsAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The word's characters without one pair of quotes around the whole of it ({@code 's3cret'} gives the offsets of
     * {@code s3cret}), as {@code [start, end)}; the whole word when it is not quoted so.
     *
     * @param text the text given to {@link #at}
     */
    public int[] wordInsideQuotes(String text) {
        int a = wordStart;
        int b = wordEnd;
        if (b - a >= 2) {
            char q = text.charAt(a);
            if ((q == '\'' || q == '"') && text.charAt(b - 1) == q && text.indexOf(q, a + 1) == b - 1) {
                return new int[] {a + 1, b - 1};
            }
        }
        return new int[] {a, b};
    }

    /**
     * Where the parameter's name starting at {@code from} of {@code text} ends: a variable name, digits, or one special
     * character; {@code from} when none starts there. Read no further than {@code to}.
     */
    public static int nameEnd(String text, int from, int to) {
        if (from >= to) {
            return from;
        }
        char first = text.charAt(from);
        int k = from;
        if (first == '_' || Character.isLetter(first) && first < 128) {
            while (k < to && isNameChar(text.charAt(k))) {
                k++;
            }
        } else if (first >= '0' && first <= '9') {
            while (k < to && text.charAt(k) >= '0' && text.charAt(k) <= '9') {
                k++;
            }
        } else if ("@*?$-".indexOf(first) >= 0 || (first == '#' || first == '!') && from + 1 == to) {
            k++;
        }
        return k;
    }

    private static boolean isNameChar(char c) {
        return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
