package dev.incidentconsole.runbook;

import java.util.ArrayDeque;
import java.util.regex.Pattern;

/**
 * Incremental line-by-line lexer that tells {@link ShellSplitter} whether the command fed so far is
 * complete. Hand-written because no Java library offers an incremental, never-failing bash lexer; it
 * tracks just enough of bash (quotes, substitutions, heredocs, compound words, continuations) to find
 * command boundaries. One instance per command; not thread-safe. Each character is looked at once, so
 * feeding a block is linear in its length.
 */
final class ShellLexer {

    private enum Ctx { SQ, DQ, DSQ, BT, PAREN, ARITH, DBRACE, BRACE, IF, LOOP, CASE }

    private record Heredoc(String delimiter) { }

    private static final Pattern DELIMITER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final ArrayDeque<Ctx> stack = new ArrayDeque<>();
    private final ArrayDeque<Heredoc> heredocs = new ArrayDeque<>();
    private int quoteDepth;
    private boolean heredocBody;
    private boolean backslash;
    private boolean operator;
    private int commentStart = -1;
    private boolean cmdStart = true;
    private final StringBuilder word = new StringBuilder();
    private boolean wordPlain = true;
    private boolean wordAtCmdStart;
    private boolean inWord;

    /** Feeds one physical line, without its line break. */
    void feed(String line) {
        commentStart = -1;
        if (heredocBody) {
            if (line.strip().equals(heredocs.peek().delimiter())) {
                heredocs.poll();
                heredocBody = !heredocs.isEmpty();
            }
            return;
        }
        backslash = false;
        scan(line);
        endWord();
        if (!heredocs.isEmpty()) {
            heredocBody = true;
        }
        if (!backslash && codeContext()) {
            cmdStart = true;
        }
    }

    /** True when nothing is left open: no quote, heredoc, compound command, continuation or operator. */
    boolean complete() {
        return stack.isEmpty() && !heredocBody && heredocs.isEmpty() && !backslash && !operator;
    }

    /** True inside a quoted string or heredoc body, where a blank line is content, not a separator. */
    boolean holdsBlankLines() {
        return quoteDepth > 0 || heredocBody;
    }

    boolean inHeredoc() {
        return heredocBody;
    }

    /** Offset of an unquoted {@code #} comment in the last fed line, or -1. */
    int commentStart() {
        return commentStart;
    }

    private boolean codeContext() {
        Ctx top = stack.peek();
        return top == null || top == Ctx.PAREN || top == Ctx.BRACE || top == Ctx.IF
                || top == Ctx.LOOP || top == Ctx.CASE;
    }

    private void push(Ctx ctx) {
        stack.push(ctx);
        if (ctx == Ctx.SQ || ctx == Ctx.DQ || ctx == Ctx.DSQ || ctx == Ctx.BT) {
            quoteDepth++;
        }
    }

    private void pop() {
        Ctx ctx = stack.pop();
        if (ctx == Ctx.SQ || ctx == Ctx.DQ || ctx == Ctx.DSQ || ctx == Ctx.BT) {
            quoteDepth--;
        }
    }

    private void scan(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char next = i + 1 < n ? s.charAt(i + 1) : '\0';
            Ctx top = stack.peek();
            if (top == Ctx.SQ) {
                if (c == '\'') {
                    pop();
                }
            } else if (top == Ctx.DSQ) {
                if (c == '\\') {
                    i++;
                } else if (c == '\'') {
                    pop();
                }
            } else if (top == Ctx.DQ || top == Ctx.BT || top == Ctx.DBRACE) {
                i = inQuote(s, i, c, next, top);
            } else if (top == Ctx.ARITH) {
                i = inArithmetic(i, c, next);
            } else {
                int end = inCode(s, i, c, next);
                if (end < 0) {
                    return;
                }
                i = end;
            }
        }
    }

    private int inQuote(String s, int i, char c, char next, Ctx top) {
        if (c == '\\') {
            if (i + 1 >= s.length() && top != Ctx.DQ) {
                backslash = true;
            }
            return i + 1;
        }
        if ((top == Ctx.DQ && c == '"') || (top == Ctx.BT && c == '`') || (top == Ctx.DBRACE && c == '}')) {
            pop();
        } else if (c == '$' && next == '(') {
            push(Ctx.PAREN);
            return i + 1;
        } else if (c == '$' && next == '{') {
            push(Ctx.DBRACE);
            return i + 1;
        } else if (c == '`' && top != Ctx.BT) {
            push(Ctx.BT);
        } else if (top != Ctx.DQ && (c == '"' || c == '\'')) {
            push(c == '"' ? Ctx.DQ : Ctx.SQ);
        }
        return i;
    }

    private int inArithmetic(int i, char c, char next) {
        if (c == '(') {
            push(Ctx.PAREN);
        } else if (c == ')' && next == ')') {
            pop();
            return i + 1;
        }
        return i;
    }

    /** Returns the last index consumed, or -1 when the rest of the line is a comment. */
    private int inCode(String s, int i, char c, char next) {
        if (c == ' ' || c == '\t') {
            endWord();
            return i;
        }
        if (c == '#' && !inWord) {
            commentStart = i;
            return -1;
        }
        operator = false;
        switch (c) {
            case '\\' -> {
                if (i + 1 >= s.length()) {
                    backslash = true;
                }
                wordChar(c);
                return i + 1;
            }
            case '\'', '"', '`' -> {
                wordChar(c);
                wordPlain = false;
                push(c == '\'' ? Ctx.SQ : c == '"' ? Ctx.DQ : Ctx.BT);
                return i;
            }
            case '$' -> {
                return dollar(s, i, next);
            }
            case '(' -> {
                boolean arith = next == '(' && cmdStart && !inWord;
                endWord();
                push(arith ? Ctx.ARITH : Ctx.PAREN);
                cmdStart = !arith;
                return arith ? i + 1 : i;
            }
            case ')' -> {
                endWord();
                if (stack.peek() == Ctx.PAREN) {
                    pop();
                }
                cmdStart = false;
                return i;
            }
            case ';', '&', '|' -> {
                endWord();
                boolean doubled = next == c;
                operator = (c == '|') || (doubled && c == '&');
                cmdStart = true;
                return doubled ? i + 1 : i;
            }
            case '<', '>' -> {
                endWord();
                if (c == '<' && next == '<') {
                    return heredocOperator(s, i);
                }
                return i;
            }
            default -> {
                wordChar(c);
                return i;
            }
        }
    }

    private int dollar(String s, int i, char next) {
        wordChar('$');
        wordPlain = false;
        if (next == '\'') {
            push(Ctx.DSQ);
            return i + 1;
        }
        if (next == '"') {
            push(Ctx.DQ);
            return i + 1;
        }
        if (next == '{') {
            push(Ctx.DBRACE);
            return i + 1;
        }
        if (next == '(') {
            boolean arith = i + 2 < s.length() && s.charAt(i + 2) == '(';
            push(arith ? Ctx.ARITH : Ctx.PAREN);
            endWord();
            cmdStart = !arith;
            return arith ? i + 2 : i + 1;
        }
        return i;
    }

    /** Reads the delimiter after {@code <<} or {@code <<-}; a here-string {@code <<<} is skipped. */
    private int heredocOperator(String s, int i) {
        int n = s.length();
        int j = i + 2;
        if (j < n && s.charAt(j) == '<') {
            return j;
        }
        if (j < n && s.charAt(j) == '-') {
            j++;
        }
        while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j++;
        }
        StringBuilder delim = new StringBuilder();
        while (j < n && " \t;|&<>()".indexOf(s.charAt(j)) < 0) {
            char d = s.charAt(j);
            if (d == '\'' || d == '"') {
                int close = s.indexOf(d, j + 1);
                int stop = close < 0 ? n : close;
                delim.append(s, j + 1, stop);
                j = close < 0 ? n : close + 1;
            } else {
                if (d != '\\') {
                    delim.append(d);
                }
                j++;
            }
        }
        if (DELIMITER.matcher(delim).matches()) {
            heredocs.add(new Heredoc(delim.toString()));
        }
        cmdStart = false;
        return j - 1;
    }

    private void wordChar(char c) {
        if (!inWord) {
            inWord = true;
            wordAtCmdStart = cmdStart;
            wordPlain = true;
            word.setLength(0);
        }
        if (word.length() < 16) {
            word.append(c);
        } else {
            wordPlain = false;
        }
    }

    private void endWord() {
        if (!inWord) {
            return;
        }
        inWord = false;
        if (!wordAtCmdStart || !wordPlain) {
            cmdStart = false;
            return;
        }
        String w = word.toString();
        cmdStart = switch (w) {
            case "if", "while", "until", "then", "do", "else", "elif", "!", "time", "{" -> true;
            default -> w.indexOf('=') > 0;
        };
        switch (w) {
            case "if" -> push(Ctx.IF);
            case "for", "while", "until", "select" -> push(Ctx.LOOP);
            case "case" -> push(Ctx.CASE);
            case "{" -> push(Ctx.BRACE);
            case "fi" -> popIf(Ctx.IF);
            case "done" -> popIf(Ctx.LOOP);
            case "esac" -> popIf(Ctx.CASE);
            case "}" -> popIf(Ctx.BRACE);
            default -> { }
        }
    }

    private void popIf(Ctx expected) {
        if (stack.peek() == expected) {
            pop();
        }
    }
}
