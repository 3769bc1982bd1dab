package dev.incidentconsole.runbook;

import dev.incidentconsole.shell.Quoting;
import dev.incidentconsole.shell.Redirection;
import dev.incidentconsole.shell.Separator;
import dev.incidentconsole.shell.ShellCommand;
import dev.incidentconsole.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * One complete command as simple commands and words, with the quoting context of every character, in the
 * shape the runbook rules read; the shell model ({@link ShellCommand}) does the reading. Stateless and
 * thread-safe; never throws.
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
     * @param program  index in {@code words} of the program it runs ({@link CommandWords#programIndex}), read
     *                 once here because every rule asks for it; {@code words.size()} when there is none
     */
    record Segment(List<Word> words, String stdin, int pipeline, boolean nested, int program) { }

    /**
     * The simple commands and, for every character of the text, one of the context constants.
     *
     * @param complete false when substitutions nest deeper than {@value #MAX_DEPTH} levels and were not read
     */
    record Parsed(List<Segment> segments, byte[] context, boolean complete) { }

    private ShellWords() {
    }

    /** Reads {@code text} through the shell model ({@link ShellCommand}), the one reader of shell text. */
    static Parsed parse(String text) {
        return of(ShellCommand.parse(text));
    }

    /** Reads a command the shell model has already parsed ({@link ShellCommand#parseFirst}). */
    static Parsed of(ShellCommand parsed) {
        String text = parsed.text();
        byte[] context = new byte[text.length()];
        for (int i = 0; i < context.length; i++) {
            context[i] = contextOf(parsed.quotingAt(i));
        }
        List<Segment> segments = new ArrayList<>();
        boolean complete = add(parsed, 0, text, false, segments, context, new int[1], 0);
        // source order, as the rules report the first danger they meet; a substitution's commands come where
        // they are written, before the commands after it
        segments.sort(java.util.Comparator.comparingInt(ShellWords::firstOffset));
        return new Parsed(segments, context, complete);
    }

    private static int firstOffset(Segment segment) {
        return segment.words().isEmpty() ? Integer.MAX_VALUE : segment.words().get(0).start();
    }

    /** Adds the simple commands of {@code parsed} (found at {@code offset} of {@code text}); false when cut short. */
    private static boolean add(ShellCommand parsed, int offset, String text, boolean nested, List<Segment> out,
                               byte[] context, int[] pipelines, int depth) {
        int pipeline = pipelines[0]++;
        for (SimpleCommand c : parsed.commands()) {
            List<Word> words = new ArrayList<>();
            StringBuilder stdin = new StringBuilder();
            for (dev.incidentconsole.shell.Word w : c.assignments()) {
                words.add(word(w, offset, text, ""));
            }
            for (dev.incidentconsole.shell.Word w : c.words()) {
                words.add(word(w, offset, text, ""));
            }
            for (Redirection r : c.redirections()) {
                if (r.target() != null) {
                    words.add(word(r.target(), offset, text, r.operator()));
                    if (r.operator().equals("<<<")) {
                        stdin.append(r.target().value()).append('\n');
                    }
                }
                if (r.body() != null) {
                    stdin.append(r.body());
                }
            }
            words.sort(java.util.Comparator.comparingInt(Word::start));
            if (!words.isEmpty() || stdin.length() > 0) {
                List<Word> kept = List.copyOf(words);
                out.add(new Segment(kept, stdin.toString(), pipeline, nested, CommandWords.programIndex(kept)));
            }
            if (c.separator() != Separator.PIPE) {
                pipeline = pipelines[0]++;
            }
        }
        boolean complete = true;
        List<ShellCommand> inner = parsed.substitutions();
        List<Integer> starts = parsed.substitutionStarts();
        for (int k = 0; k < inner.size(); k++) {
            ShellCommand sub = inner.get(k);
            int at = offset + starts.get(k);
            // inside $(...) the substitution's own quoting holds: its here-documents, quotes and comments
            for (int i = 0; i < sub.text().length() && at + i < context.length; i++) {
                context[at + i] = contextOf(sub.quotingAt(i));
            }
            complete &= depth < MAX_DEPTH && add(sub, at, text, true, out, context, pipelines, depth + 1);
        }
        return complete;
    }

    private static byte contextOf(Quoting quoting) {
        return switch (quoting) {
            case UNQUOTED -> CODE;
            case SINGLE, ANSI_C -> SINGLE;
            case DOUBLE -> DOUBLE;
            case HEREDOC -> HEREDOC;
            case HEREDOC_LITERAL -> HEREDOC_LITERAL;
            case COMMENT -> COMMENT;
        };
    }

    private static Word word(dev.incidentconsole.shell.Word w, int offset, String text, String op) {
        int start = offset + w.start();
        int end = offset + w.end();
        return new Word(text.substring(start, end), w.value(), start, end, w.quoted(), op);
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
