package dev.incidentconsole.runbook;

import dev.incidentconsole.shell.Quoting;
import dev.incidentconsole.shell.Redirection;
import dev.incidentconsole.shell.Separator;
import dev.incidentconsole.shell.ShellCommand;
import dev.incidentconsole.shell.SimpleCommand;
import dev.incidentconsole.shell.Wrappers;
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
    /** The context constant of each {@link Quoting}, by its ordinal. */
    private static final byte[] CONTEXTS = contexts();

    /**
     * A word of a simple command.
     *
     * @param text  the whole command text the word was read from ({@link #raw()} is its part)
     * @param value the word with quotes and escapes removed; substitutions are kept as written
     * @param op    the redirection operator ({@code >}, {@code <<} ...) when the word is a redirection target,
     *              else empty
     */
    record Word(String text, String value, int start, int end, boolean quoted, String op) {
        boolean redirect() {
            return !op.isEmpty();
        }

        /** The word as written, quotes and escapes in place; cut from the text when asked, as few rules ask. */
        String raw() {
            return text.substring(start, end);
        }

        /** Whether the word as written starts with a quote ({@code "} or {@code '}). */
        boolean startsQuoted() {
            char c = start < end ? text.charAt(start) : ' ';
            return c == '"' || c == '\'';
        }
    }

    /**
     * A simple command.
     *
     * @param stdin    heredoc bodies and here-strings fed to it
     * @param pipeline the same number for every part of one pipeline
     * @param nested   whether it sits inside a command or process substitution
     * @param program  index in {@code words} of the program it runs, past assignments and wrappers (the shell
     *                 model's {@link Wrappers#programIndex}), read once here because every rule asks for it;
     *                 {@code words.size()} when there is none
     * @param args     the values of the words from the program on, redirection targets left out (the program
     *                 first); empty when there is no program. Read once here for the rules; immutable
     * @param name     the program's name without its directory ({@code Wrappers.basename}); empty when none
     */
    record Segment(List<Word> words, String stdin, int pipeline, boolean nested, int program, List<String> args,
                   String name) { }

    /**
     * The simple commands and, for every character of the text, one of the context constants.
     *
     * @param complete false when substitutions nest deeper than {@value #MAX_DEPTH} levels and were not read
     * @param shell    the shell model read, whose text this is: what it expands and how ({@link ShellCommand#expandsAt},
     *                 {@link ShellCommand#parameterAt})
     */
    record Parsed(List<Segment> segments, byte[] context, boolean complete, ShellCommand shell) { }

    private ShellWords() {
    }

    private static byte[] contexts() {
        byte[] out = new byte[Quoting.values().length];
        for (Quoting q : Quoting.values()) {
            out[q.ordinal()] = switch (q) {
                case UNQUOTED -> CODE;
                case SINGLE, ANSI_C -> SINGLE;
                case DOUBLE -> DOUBLE;
                case HEREDOC -> HEREDOC;
                case HEREDOC_LITERAL -> HEREDOC_LITERAL;
                case COMMENT -> COMMENT;
            };
        }
        return out;
    }

    /** Reads {@code text} through the shell model ({@link ShellCommand}), the one reader of shell text. */
    static Parsed parse(String text) {
        return of(ShellCommand.parse(text));
    }

    /** Reads a command the shell model has already parsed ({@link ShellCommand#parseFirst}). */
    static Parsed of(ShellCommand parsed) {
        String text = parsed.text();
        byte[] context = parsed.quotingOrdinals();
        for (int i = 0; i < context.length; i++) {
            context[i] = CONTEXTS[context[i]];
        }
        List<Segment> segments = new ArrayList<>(parsed.commands().size());
        boolean complete = add(parsed, 0, text, false, segments, context, new int[1], 0);
        // source order, as the rules report the first danger they meet; a substitution's commands come where
        // they are written, before the commands after it
        if (segments.size() > 1) {
            segments.sort(java.util.Comparator.comparingInt(ShellWords::firstOffset));
        }
        return new Parsed(segments, context, complete, parsed);
    }

    private static int firstOffset(Segment segment) {
        return segment.words().isEmpty() ? Integer.MAX_VALUE : segment.words().get(0).start();
    }

    /** Adds the simple commands of {@code parsed} (found at {@code offset} of {@code text}); false when cut short. */
    private static boolean add(ShellCommand parsed, int offset, String text, boolean nested, List<Segment> out,
                               byte[] context, int[] pipelines, int depth) {
        int pipeline = pipelines[0]++;
        for (SimpleCommand c : parsed.commands()) {
            Word[] words = new Word[c.assignments().size() + c.words().size() + c.redirections().size()];
            int n = 0;
            String stdin = "";
            for (dev.incidentconsole.shell.Word w : c.assignments()) {
                words[n++] = word(w, offset, text, "");
            }
            for (dev.incidentconsole.shell.Word w : c.words()) {
                words[n++] = word(w, offset, text, "");
            }
            boolean ordered = true;
            for (Redirection r : c.redirections()) {
                if (r.target() != null) {
                    Word target = word(r.target(), offset, text, r.operator());
                    ordered &= n == 0 || words[n - 1].start() <= target.start();
                    words[n++] = target;
                    if (r.operator().equals("<<<")) {
                        stdin = stdin + r.target().value() + "\n";
                    }
                }
                if (r.body() != null) {
                    stdin = stdin + r.body();
                }
            }
            if (n < words.length) {
                words = java.util.Arrays.copyOf(words, n);
            }
            if (!ordered) {
                java.util.Arrays.sort(words, java.util.Comparator.comparingInt(Word::start));
            }
            if (n > 0 || !stdin.isEmpty()) {
                out.add(segment(List.of(words), stdin, pipeline, nested));
            }
            if (c.separator() != Separator.PIPE) {
                pipeline = pipelines[0]++;
            }
        }
        boolean complete = true;
        List<ShellCommand> inner = parsed.substitutions();
        List<Integer> starts = inner.isEmpty() ? List.of() : parsed.substitutionStarts();
        for (int k = 0; k < inner.size(); k++) {
            ShellCommand sub = inner.get(k);
            int at = offset + starts.get(k);
            // inside $(...) the substitution's own quoting holds: its here-documents, quotes and comments
            for (int i = 0; i < sub.text().length() && at + i < context.length; i++) {
                context[at + i] = CONTEXTS[sub.quotingAt(i).ordinal()];
            }
            complete &= depth < MAX_DEPTH && add(sub, at, text, true, out, context, pipelines, depth + 1);
        }
        return complete;
    }

    /** A segment with its program found past assignments and wrappers, and its arguments read once. */
    private static Segment segment(List<Word> words, String stdin, int pipeline, boolean nested) {
        String[] values = new String[words.size()];
        int[] index = new int[words.size()];
        int n = 0;
        for (int k = 0; k < words.size(); k++) {
            if (!words.get(k).redirect()) {
                index[n] = k;
                values[n++] = words.get(k).value();
            }
        }
        List<String> all = List.of(n < values.length ? java.util.Arrays.copyOf(values, n) : values);
        int program = Wrappers.programIndex(all);
        if (program >= n) {
            return new Segment(words, stdin, pipeline, nested, words.size(), List.of(), "");
        }
        return new Segment(words, stdin, pipeline, nested, index[program], all.subList(program, n),
                Wrappers.basename(all.get(program)));
    }

    private static Word word(dev.incidentconsole.shell.Word w, int offset, String text, String op) {
        int start = offset + w.start();
        int end = offset + w.end();
        return new Word(text, w.value(), start, end, w.quoted(), op);
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
