package dev.incidentconsole.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell command text into simple commands ("segments") of unquoted words, enough to recognise
 * what a command does ({@link Interactivity}). Hand-written (no Java shell parser library exists); it
 * follows POSIX quoting and keeps {@code $(...)} and backticks inside their word without parsing them.
 */
final class ShellWords {

    /**
     * One simple command.
     *
     * @param words         its words with quotes removed, redirections and their targets left out
     * @param stdinFed      its standard input comes from a pipe, a file or a here-document
     */
    record Segment(List<String> words, boolean stdinFed) {
    }

    private final String text;
    private final List<Segment> segments = new ArrayList<>();
    private List<String> words = new ArrayList<>();
    private StringBuilder word;
    private boolean stdinFed;
    private boolean skipNextWord;
    private boolean heredocWord;
    private final List<String> heredocEnds = new ArrayList<>();
    private int i;

    private ShellWords(String text) {
        this.text = text;
    }

    static List<Segment> segments(String text) {
        ShellWords lexer = new ShellWords(text);
        lexer.run();
        return lexer.segments;
    }

    private void run() {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                endWord();
            } else if (c == '\\' && i + 1 < text.length()) {
                if (text.charAt(i + 1) != '\n') {
                    append(text.charAt(i + 1));
                }
                i++;
            } else if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                appendRange(i + 1, close < 0 ? text.length() : close);
                i = close < 0 ? text.length() : close;
            } else if (c == '"') {
                doubleQuoted();
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                appendNested('(', ')');
            } else if (c == '`') {
                int close = text.indexOf('`', i + 1);
                appendRange(i, close < 0 ? text.length() : close + 1);
                i = close < 0 ? text.length() : close;
            } else if (c == '#' && word == null) {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? text.length() : nl - 1;
            } else if (c == '|' || c == ';' || c == '&' || c == '\n' || c == '(' || c == ')') {
                operator(c);
            } else if (c == '<' || c == '>') {
                redirect(c);
            } else {
                append(c);
            }
            i++;
        }
        endSegment(false);
    }

    private void doubleQuoted() {
        if (word == null) {
            word = new StringBuilder();
        }
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && "\\$`\"\n".indexOf(text.charAt(i + 1)) >= 0) {
                i++;
                c = text.charAt(i);
            }
            word.append(c);
            i++;
        }
    }

    private void appendNested(char open, char close) {
        int start = i;
        int depth = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                break;
            }
        }
        appendRange(start, Math.min(i + 1, text.length()));
    }

    private void operator(char c) {
        endWord();
        boolean pipe = c == '|' && (i + 1 >= text.length() || text.charAt(i + 1) != '|');
        if (c == '&' && i + 1 < text.length() && text.charAt(i + 1) == '>') {
            i++;
            skipNextWord = true;
            return;
        }
        if (i + 1 < text.length() && (c == '|' || c == '&') && text.charAt(i + 1) == c) {
            i++;
        }
        endSegment(pipe);
        if (c == '\n') {
            skipHeredocBodies();
        }
    }

    private void skipHeredocBodies() {
        while (!heredocEnds.isEmpty() && i + 1 < text.length()) {
            int lineStart = i + 1;
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            if (text.substring(lineStart, lineEnd).strip().equals(heredocEnds.get(0))) {
                heredocEnds.remove(0);
            }
            i = lineEnd;
        }
        heredocEnds.clear();
    }

    private void redirect(char c) {
        if (word != null && word.chars().allMatch(Character::isDigit)) {
            word = null;
        }
        endWord();
        heredocWord = c == '<' && text.startsWith("<<", i) && !text.startsWith("<<<", i);
        while (i + 1 < text.length() && (text.charAt(i + 1) == c || text.charAt(i + 1) == '&'
                || text.charAt(i + 1) == '-')) {
            i++;
        }
        if (c == '<') {
            stdinFed = true;
        }
        skipNextWord = true;
    }

    private void append(char c) {
        if (word == null) {
            word = new StringBuilder();
        }
        word.append(c);
    }

    private void appendRange(int from, int to) {
        if (word == null) {
            word = new StringBuilder();
        }
        word.append(text, from, to);
    }

    private void endWord() {
        if (word != null) {
            if (skipNextWord) {
                skipNextWord = false;
                if (heredocWord) {
                    heredocEnds.add(word.toString());
                    heredocWord = false;
                }
            } else {
                words.add(word.toString());
            }
            word = null;
        }
    }

    private void endSegment(boolean pipeFollows) {
        endWord();
        if (!words.isEmpty()) {
            segments.add(new Segment(List.copyOf(words), stdinFed));
        }
        words = new ArrayList<>();
        stdinFed = pipeFollows;
        skipNextWord = false;
    }
}
