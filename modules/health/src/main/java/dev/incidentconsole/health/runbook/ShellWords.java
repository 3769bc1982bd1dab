package dev.incidentconsole.health.runbook;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one shell command line into words and control operators ({@code | || && ; &}), honouring
 * quotes, backslashes and line continuations. Hand-written because only a check command's argument
 * list is needed; the runbook module's lexer is internal to it. No expansion is performed.
 */
final class ShellWords {
    private ShellWords() {
    }

    /** A word, or an operator when {@code operator} is true. */
    record Token(String text, boolean operator) {
    }

    static List<Token> tokenize(String line) {
        List<Token> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = line.charAt(++i);
                if (next != '\n') {
                    word.append(next);
                    inWord = true;
                }
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                end = end < 0 ? n : end;
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                inWord = flush(out, word, inWord);
            } else if (c == '&' && (i > 0 && line.charAt(i - 1) == '>' || i + 1 < n && line.charAt(i + 1) == '>')) {
                word.append(c); // a redirection such as 2>&1 or &>/dev/null, not an operator
                inWord = true;
            } else if (c == '|' || c == '&' || c == ';') {
                inWord = flush(out, word, inWord);
                boolean doubled = i + 1 < n && line.charAt(i + 1) == c && c != ';';
                out.add(new Token(doubled ? "" + c + c : "" + c, true));
                i += doubled ? 1 : 0;
            } else if (c == '#' && !inWord) {
                break; // a comment runs to the end of the line
            } else {
                word.append(c);
                inWord = true;
            }
        }
        flush(out, word, inWord);
        return out;
    }

    /** The words of each simple command, split at every operator. */
    static List<List<String>> segments(List<Token> tokens) {
        List<List<String>> segs = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (Token t : tokens) {
            if (t.operator()) {
                segs.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(t.text());
            }
        }
        segs.add(cur);
        segs.removeIf(List::isEmpty);
        return segs;
    }

    private static int doubleQuoted(String line, int from, StringBuilder word) {
        int i = from;
        for (; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`\n".indexOf(line.charAt(i + 1)) >= 0) {
                char next = line.charAt(++i);
                if (next != '\n') {
                    word.append(next);
                }
            } else {
                word.append(c);
            }
        }
        return i;
    }

    private static boolean flush(List<Token> out, StringBuilder word, boolean inWord) {
        if (inWord) {
            out.add(new Token(word.toString(), false));
            word.setLength(0);
        }
        return false;
    }
}
