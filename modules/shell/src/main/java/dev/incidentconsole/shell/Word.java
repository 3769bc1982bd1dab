package dev.incidentconsole.shell;

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
 */
public record Word(String value, int start, int end, boolean quoted, boolean assignment) {

    /** The program name of this word: its value without any directory ({@code kubectl} for /usr/bin/kubectl). */
    public String basename() {
        int slash = value.lastIndexOf('/');
        return slash >= 0 && slash < value.length() - 1 ? value.substring(slash + 1) : value;
    }

    /** The assigned name of an {@link #assignment()}, without any index or {@code +}. */
    public String assignedName() {
        int k = 0;
        while (k < value.length() && isNameChar(value.charAt(k))) {
            k++;
        }
        return value.substring(0, k);
    }

    /** The assigned value of an {@link #assignment()}, quotes removed. */
    public String assignedValue() {
        return value.substring(value.indexOf('=') + 1);
    }

    /** Whether {@code raw} (a word as written) starts with an unquoted assignment. */
    static boolean isAssignment(CharSequence raw) {
        int n = raw.length();
        if (n < 2 || !(raw.charAt(0) == '_' || Character.isLetter(raw.charAt(0)) && raw.charAt(0) < 128)) {
            return false;
        }
        int k = 1;
        while (k < n && isNameChar(raw.charAt(k))) {
            k++;
        }
        if (k < n && raw.charAt(k) == '[') {
            while (k < n && raw.charAt(k) != ']') {
                k++;
            }
            k++;
        }
        if (k < n && raw.charAt(k) == '+') {
            k++;
        }
        return k < n && raw.charAt(k) == '=';
    }

    private static boolean isNameChar(char c) {
        return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
