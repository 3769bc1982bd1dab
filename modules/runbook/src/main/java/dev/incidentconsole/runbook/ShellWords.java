package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;

/**
 * One complete command as simple commands and words, with the quoting context of every character;
 * {@link ShellScanner} does the reading. Stateless and thread-safe; never throws.
 */
final class ShellWords {

    static final byte CODE = 0;
    static final byte SINGLE = 1;
    static final byte DOUBLE = 2;
    static final byte HEREDOC = 3;
    static final byte HEREDOC_LITERAL = 4;
    static final byte COMMENT = 5;

    static final int MAX_DEPTH = 20;

    /**
     * A word of a simple command.
     *
     * @param value the word with quotes and escapes removed; substitutions are kept as written
     * @param op    the redirection operator ({@code >}, {@code <<} ...) when the word is a redirection target,
     *              else empty
     */
    record Word(String raw, String value, int start, int end, boolean quoted, String op) {
        boolean redirect() {
            return !op.isEmpty();
        }
    }

    /**
     * A simple command.
     *
     * @param stdin    heredoc bodies and here-strings fed to it
     * @param pipeline the same number for every part of one pipeline
     * @param nested   whether it sits inside a command or process substitution
     */
    record Segment(List<Word> words, String stdin, int pipeline, boolean nested) { }

    /**
     * The simple commands and, for every character of the text, one of the context constants.
     *
     * @param complete false when substitutions nest deeper than {@value #MAX_DEPTH} levels and were not read
     */
    record Parsed(List<Segment> segments, byte[] context, boolean complete) { }

    private ShellWords() {
    }

    static Parsed parse(String text) {
        return ShellScanner.scan(text);
    }

    /** Values of the words, for rules that look at arguments only. */
    static List<String> values(List<Word> words) {
        List<String> values = new ArrayList<>(words.size());
        for (Word w : words) {
            if (!w.redirect()) {
                values.add(w.value());
            }
        }
        return values;
    }
}
